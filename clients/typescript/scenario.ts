// The generated-client scenario in TypeScript: the fetch client openapi-generator makes from openapi/openapi.yaml
// (target/generated-clients/typescript), compiled with the pinned TypeScript (tsconfig.json here) and run by Node.js
// against a running Accords:
//   npx tsc -p clients/typescript && ACCORDS_URL=... ACCORDS_TOKEN=... node target/generated-clients/typescript-build/clients/typescript/scenario.js
// Exits non-zero, saying which step failed, when any answer is not what the contract promises.
import {
    AgreementsApi,
    Configuration,
    MilestonesApi,
    PartiesApi,
    Problem,
    ProblemFromJSON,
    ResponseError,
} from '../../target/generated-clients/typescript';

// Node.js's process, declared here rather than through @types/node: the scenario needs its environment and exit.
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

const KAI_SEMAN_MOU = 'a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5';
const SIMA = '4b024cb2-b5b6-5f7f-b089-72ee93814156';

function check(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('typescript client: ' + what);
    }
    console.log('typescript client: ' + what);
}

/** The problem an error answered, as the generated Problem model (the contract types every refusal). */
async function problemOf(call: () => Promise<unknown>): Promise<Problem> {
    try {
        await call();
    } catch (e) {
        if (e instanceof ResponseError) {
            return ProblemFromJSON(await e.response.json());
        }
        throw e;
    }
    throw new Error('typescript client: the call was not refused');
}

async function scenario(): Promise<void> {
    const config = new Configuration({
        basePath: process.env.ACCORDS_URL,
        accessToken: process.env.ACCORDS_TOKEN,
    });
    const agreements = new AgreementsApi(config);
    const parties = new PartiesApi(config);
    const milestones = new MilestonesApi(config);

    const page = await agreements.listAgreements({ size: 5 });
    check(page.items.length === 5 && page.total >= 12, `lists agreements (${page.total} in all)`);
    const mou = await agreements.getAgreement({ id: KAI_SEMAN_MOU });
    check(mou.title.includes('KF-21'), 'gets the KAI-SEMAN MOU: ' + mou.title);

    const party = await parties.createParty({
        partyInput: {
            name: 'TypeScript Client Shipyard ' + crypto.randomUUID(),
            country: 'KR',
            kind: 'COMPANY',
            classification: 'PUBLIC',
        },
    });
    const system = 'TS-' + crypto.randomUUID().substring(0, 8);
    const created = await agreements.createAgreement({
        agreementInput: {
            title: 'TypeScript client MOU ' + system,
            type: 'MOU',
            status: 'SIGNED',
            sectors: new Set(['NAVAL']),
            parties: [
                { partyId: party.id, role: 'SIGNATORY' },
                { partyId: SIMA, role: 'SIGNATORY' },
            ],
            systems: [system],
            signed: '2025-03',
            sources: [{ url: 'https://example.org/news/typescript' }],
        },
    });
    check(created.version === 0 && created.countries.join() === 'KR,PE', 'creates an agreement');

    const patched = await agreements.patchAgreementRaw({
        id: created.id,
        ifMatch: '"0"',
        agreementPatch: { status: 'IN_FORCE', effective: '2025-04' },
    });
    check((await patched.value()).version === 1 && patched.raw.headers.get('ETag') === '"1"',
        'merge-patches it with If-Match');

    const history = await agreements.getAgreementHistory({ id: created.id });
    check(history.items.map((r) => r.version).join() === '1,0', 'reads its history');
    const diff = await agreements.getAgreementDiff({ id: created.id, from: 0, to: 1 });
    check(diff.patch.some((op) => op.path === '/status'), 'diffs two versions');

    const found = await agreements.listAgreements({ q: 'TypeScript client ' + system, size: 5 });
    check(found.items[0].id === created.id && found.items[0].snippet !== undefined, 'finds it by relevance');
    const facets = await agreements.countAgreementFacets({ system: [system] });
    check(facets.total === 1, 'counts facets');

    const ndjson = await agreements.exportAgreements({ format: 'ndjson', system: [system] });
    check(JSON.parse(ndjson.split('\n')[0]).id === created.id, 'exports NDJSON');
    const calendar = await milestones.getCalendar();
    check(calendar.startsWith('BEGIN:VCALENDAR'), 'reads the calendar');
    // The client asks for JSON; a graph as DOT is the same operation with another Accept (the token kept).
    const dot = await agreements.getAgreementRelationsRaw({ id: KAI_SEMAN_MOU }, async ({ init }) => ({
        headers: { ...init.headers, Accept: 'text/vnd.graphviz' },
    }));
    check((await dot.raw.text()).startsWith('digraph'), 'reads a graph as DOT');

    const stale = await problemOf(() => agreements.patchAgreement({
        id: created.id,
        ifMatch: '"0"',
        agreementPatch: { status: 'SIGNED' },
    }));
    check(stale.status === 412 && (stale.detail ?? '').includes('version 1'), 'a stale If-Match is a typed 412');
    const duplicate = await problemOf(() => parties.createParty({
        partyInput: { name: party.name, country: 'KR', kind: 'COMPANY', classification: 'PUBLIC' },
    }));
    check(duplicate.status === 409 && duplicate.type === '/problems/conflict', 'a duplicate is a typed 409');

    await agreements.deleteAgreement({ id: created.id, ifMatch: '"1"' });
    const gone = await problemOf(() => agreements.getAgreement({ id: created.id }));
    check(gone.status === 404 && gone.type === '/problems/not-found', 'deletes it; then a typed 404');
    console.log('typescript client: scenario passed');
}

scenario().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
});
