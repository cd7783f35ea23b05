package io.accords.agreement;

/** What the OpenAPI document and Swagger UI show of agreements, from the seed records. */
public final class AgreementExamples {

    /** The KAI–SEMAN KF-21 MOU and the parties of the seed data: examples Swagger UI can execute as they stand. */
    public static final String SEED_ID = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";

    /** The example agreement Swagger UI's changes act on (in force since 2025-01, as the patch example says). */
    static final String REPLACE = """
            {
              "title": "Example MOU on KF-21 component training (the example record changes act on)",
              "summary": "An example agreement that Swagger UI's change examples act on.",
              "type": "MOU",
              "status": "IN_FORCE",
              "sectors": ["AEROSPACE"],
              "modes": ["TRAINING"],
              "parties": [
                {"partyId": "a9715a03-00b9-55c2-9eff-7f0f6beda9b3", "role": "SIGNATORY"},
                {"partyId": "06771d74-7cce-5fb9-96d5-4fbf9d67265c", "role": "SIGNATORY"}
              ],
              "systems": ["KF-21"],
              "signed": "2024-11-16",
              "effective": "2025-01",
              "sources": [{"publisher": "Example Press", "url": "https://example.org/mou", "published": "2024-11-17"}],
              "tags": ["example"],
              "classification": "PUBLIC"
            }""";

    static final String INPUT = """
            {
              "title": "Example follow-up MOU on KF-21 component training",
              "summary": "Korea Aerospace Industries and SEMAN agree to train SEMAN technicians on KF-21 components.",
              "type": "MOU",
              "status": "SIGNED",
              "sectors": ["AEROSPACE"],
              "modes": ["TRAINING"],
              "parties": [
                {"partyId": "a9715a03-00b9-55c2-9eff-7f0f6beda9b3", "role": "SIGNATORY"},
                {"partyId": "06771d74-7cce-5fb9-96d5-4fbf9d67265c", "role": "SIGNATORY"}
              ],
              "systems": ["KF-21"],
              "signed": "2024-11-16",
              "sources": [
                {
                  "publisher": "AJP",
                  "title": "South Korea, Peru to expand cooperation in defense, critical minerals",
                  "url": "https://www.ajupress.com/",
                  "published": "2024-11-17"
                }
              ],
              "claims": [
                {"fact": "signed", "basis": "STATED", "sources": ["https://www.ajupress.com/"],
                  "note": "Signed before the two presidents at their summit in Lima on 16 November 2024"},
                {"fact": "status", "basis": "STATED", "sources": ["https://www.ajupress.com/"]}
              ],
              "tags": ["apec-2024"],
              "classification": "PUBLIC"
            }""";

    static final String RELATIONS_DOT = """
            digraph relations {
              rankdir=LR;
              node [shape=box, style=rounded, fontname="Helvetica"];
              edge [fontname="Helvetica", fontsize=10];
              "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5" [label="MOU between Korea Aerospace Industries and SEMAN\\nMOU · SIGNED · 2024-11-16", penwidth=2];
              "e00caf6c-330a-5333-ae42-6ee3039d37c3" [label="Korea–Peru summit joint declaration\\nJOINT_DECLARATION · SIGNED · 2024-11-16"];
              "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5" -> "e00caf6c-330a-5333-ae42-6ee3039d37c3" [label="RELATED"];
            }
            """;

    static final String RELATIONS_MERMAID = """
            flowchart LR
              n0["MOU between Korea Aerospace Industries and SEMAN<br>MOU · SIGNED · 2024-11-16"]
              n1["Korea–Peru summit joint declaration<br>JOINT_DECLARATION · SIGNED · 2024-11-16"]
              n0 -->|RELATED| n1
              style n0 stroke-width:3px
            """;

    static final String RELATION_GRAPH = """
            {
              "root": "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5",
              "depth": 1,
              "truncated": false,
              "links": [{"relation": "RELATED", "agreementId": "e00caf6c-330a-5333-ae42-6ee3039d37c3",
                "title": "Korea–Peru summit joint declaration on defence and critical minerals cooperation"}],
              "nodes": [
                {"id": "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5", "title": "MOU between Korea Aerospace Industries and\
             SEMAN on joint production of KF-21 fighter jet components", "type": "MOU", "status": "SIGNED",
                  "signed": "2024-11-16", "distance": 0},
                {"id": "e00caf6c-330a-5333-ae42-6ee3039d37c3", "title": "Korea–Peru summit joint declaration on\
             defence and critical minerals cooperation", "type": "JOINT_DECLARATION", "status": "SIGNED",
                  "signed": "2024-11-16", "distance": 1}
              ],
              "edges": [{"from": "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5", "to": "e00caf6c-330a-5333-ae42-6ee3039d37c3",
                "kind": "RELATED", "inverse": "RELATED", "note": "Signed before both presidents at the summit that\
             adopted the joint declaration", "source": "https://ajupress.com/view/20241117095639112"}]
            }""";

    public static final String AGREEMENT = """
            {
              "id": "0c7d2a8e-4b1f-4e8a-9f0e-7a6b5c4d3e21",
              "title": "MOU on joint production of KF-21 fighter jet components",
              "summary": "Korea Aerospace Industries and SEMAN agree to produce KF-21 components jointly.",
              "type": "MOU",
              "status": "SIGNED",
              "sectors": ["AEROSPACE"],
              "modes": ["JOINT_PRODUCTION"],
              "parties": [
                {"party": {"id": "6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e01", "name": "Korea Aerospace Industries",
                  "acronym": "KAI", "country": "KR", "kind": "COMPANY", "classification": "PUBLIC"},
                  "role": "SIGNATORY"},
                {"party": {"id": "6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e02",
                  "name": "Servicio de Mantenimiento de la Fuerza Aérea del Perú", "acronym": "SEMAN",
                  "country": "PE", "kind": "AGENCY", "classification": "PUBLIC"}, "role": "SIGNATORY"}
              ],
              "countries": ["KR", "PE"],
              "systems": ["KF-21"],
              "signed": "2024-11-16",
              "sources": [
                {
                  "publisher": "AJP",
                  "title": "South Korea, Peru to expand cooperation in defense, critical minerals",
                  "url": "https://www.ajupress.com/",
                  "published": "2024-11-17"
                }
              ],
              "claims": [
                {"fact": "signed", "basis": "STATED", "sources": ["https://www.ajupress.com/"],
                  "note": "Signed before the two presidents at their summit in Lima on 16 November 2024"},
                {"fact": "status", "basis": "STATED", "sources": ["https://www.ajupress.com/"]}
              ],
              "uncited": ["type", "sectors", "modes", "parties/6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e01",
                "parties/6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e02", "systems/KF-21"],
              "relations": [],
              "identifiers": [],
              "tags": ["apec-2024"],
              "classification": "PUBLIC",
              "version": 0,
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "updatedAt": "2026-11-23T10:15:30.123456Z"
            }""";

    static final String AGREEMENT_PAGE = "{\"items\": [" + AGREEMENT + "], \"page\": 1, \"size\": 20,"
            + " \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    static final String DUPLICATE = """
            {
              "type": "/problems/conflict",
              "title": "Conflicts with existing records",
              "status": 409,
              "detail": "Identifier sipri:2024-KR-PE-17 already names agreement a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5; one identifier names one agreement",
              "instance": "/api/v1/agreements"
            }""";

    private AgreementExamples() {}
}
