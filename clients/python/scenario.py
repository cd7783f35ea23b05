"""The generated-client scenario in Python: the client openapi-generator makes from openapi/openapi.yaml
(target/generated-clients/python, on PYTHONPATH) against a running Accords. Usage:
    ACCORDS_URL=http://localhost:8080 ACCORDS_TOKEN=... python3 clients/python/scenario.py
Exits non-zero, saying which step failed, when any answer is not what the contract promises."""
import json
import os
import uuid

import accords_client
from accords_client.api.agreements_api import AgreementsApi
from accords_client.api.milestones_api import MilestonesApi
from accords_client.api.parties_api import PartiesApi
from accords_client.exceptions import ApiException
from accords_client.models.agreement_input import AgreementInput
from accords_client.models.agreement_patch import AgreementPatch
from accords_client.models.participation_input import ParticipationInput
from accords_client.models.party_input import PartyInput
from accords_client.models.problem import Problem
from accords_client.models.source import Source

KAI_SEMAN_MOU = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5"
SIMA = "4b024cb2-b5b6-5f7f-b089-72ee93814156"


def check(condition, what):
    if not condition:
        raise SystemExit("python client: " + what)
    print("python client: " + what)


def problem(error):
    """The problem an error answered, as the generated Problem model (the contract types every refusal)."""
    return error.data if isinstance(error.data, Problem) else Problem.from_json(error.body)


config = accords_client.Configuration(host=os.environ["ACCORDS_URL"], access_token=os.environ["ACCORDS_TOKEN"])
with accords_client.ApiClient(config) as client:
    agreements = AgreementsApi(client)
    parties = PartiesApi(client)
    milestones = MilestonesApi(client)

    page = agreements.list_agreements(size=5)
    check(len(page.items) == 5 and page.total >= 12, "lists agreements (%d in all)" % page.total)

    mou = agreements.get_agreement(KAI_SEMAN_MOU)
    check("KF-21" in mou.title, "gets the KAI-SEMAN MOU: " + mou.title)

    party = parties.create_party(PartyInput(name="Python Client Shipyard " + str(uuid.uuid4()), country="KR",
                                            kind="COMPANY", classification="PUBLIC"))
    system = "PY-" + str(uuid.uuid4())[:8]
    created = agreements.create_agreement(AgreementInput(
        title="Python client MOU " + system, type="MOU", status="SIGNED", sectors=["NAVAL"],
        parties=[ParticipationInput(party_id=party.id, role="SIGNATORY"),
                 ParticipationInput(party_id=SIMA, role="SIGNATORY")],
        systems=[system], signed="2025-03", sources=[Source(url="https://example.org/news/python")]))
    check(created.version == 0 and created.countries == ["KR", "PE"], "creates an agreement")

    patched = agreements.patch_agreement_with_http_info(
        created.id, '"0"', AgreementPatch(status="IN_FORCE", effective="2025-04"))
    check(patched.data.version == 1 and patched.headers["ETag"] == '"1"', "merge-patches it with If-Match")

    history = agreements.get_agreement_history(created.id)
    check([r.version for r in history.items] == [1, 0], "reads its history")
    diff = agreements.get_agreement_diff(created.id, var_from=0, to=1)
    check(any(op["path"] == "/status" for op in diff.patch), "diffs two versions")

    found = agreements.list_agreements(q="Python client " + system, size=5)
    check(found.items[0].id == created.id and found.items[0].snippet is not None, "finds it by relevance")
    facets = agreements.count_agreement_facets(system=[system])
    check(facets.total == 1, "counts facets")

    ndjson = agreements.export_agreements_without_preload_content(
        format="ndjson", system=[system]).data.decode("utf-8")
    check(json.loads(ndjson.splitlines()[0])["id"] == str(created.id), "exports NDJSON")
    calendar = milestones.get_calendar()
    check(calendar.startswith("BEGIN:VCALENDAR"), "reads the calendar")
    dot = agreements.get_agreement_relations_without_preload_content(
        KAI_SEMAN_MOU, _headers={"Accept": "text/vnd.graphviz"}).data.decode("utf-8")
    check(dot.startswith("digraph"), "reads a graph as DOT")

    try:
        agreements.patch_agreement(created.id, '"0"', AgreementPatch(status="SIGNED"))
        check(False, "a stale If-Match is refused")
    except ApiException as e:
        p = problem(e)
        check(e.status == 412 and p.status == 412 and "version 1" in p.detail, "a stale If-Match is a typed 412")
    try:
        parties.create_party(PartyInput(name=party.name, country="KR", kind="COMPANY", classification="PUBLIC"))
        check(False, "a duplicate party is refused")
    except ApiException as e:
        check(e.status == 409 and problem(e).type == "/problems/conflict", "a duplicate is a typed 409")

    agreements.delete_agreement(created.id, '"1"')
    try:
        agreements.get_agreement(created.id)
        check(False, "a deleted agreement is gone")
    except ApiException as e:
        check(e.status == 404 and problem(e).type == "/problems/not-found", "deletes it; then a typed 404")
print("python client: scenario passed")
