package io.accords.openapi;

/** Example bodies shown in the OpenAPI document and Swagger UI, taken from the seed agreements. */
public final class ApiExamples {

    private ApiExamples() {}

    public static final String SEED_OTHER_PARTY_ID = "06771d74-7cce-5fb9-96d5-4fbf9d67265c";

    public static final String RELATIONS_DOT = """
            digraph relations {
              rankdir=LR;
              node [shape=box, style=rounded, fontname="Helvetica"];
              edge [fontname="Helvetica", fontsize=10];
              "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5" [label="MOU between Korea Aerospace Industries and SEMAN\\nMOU · SIGNED · 2024-11-16", penwidth=2];
              "e00caf6c-330a-5333-ae42-6ee3039d37c3" [label="Korea–Peru summit joint declaration\\nJOINT_DECLARATION · SIGNED · 2024-11-16"];
              "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5" -> "e00caf6c-330a-5333-ae42-6ee3039d37c3" [label="RELATED"];
            }
            """;

    public static final String RELATIONS_MERMAID = """
            flowchart LR
              n0["MOU between Korea Aerospace Industries and SEMAN<br>MOU · SIGNED · 2024-11-16"]
              n1["Korea–Peru summit joint declaration<br>JOINT_DECLARATION · SIGNED · 2024-11-16"]
              n0 -->|RELATED| n1
              style n0 stroke-width:3px
            """;

    public static final String RELATION_GRAPH = """
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

    public static final String REVISION_DIFF = """
            {
              "from": 0,
              "to": 1,
              "patch": [
                {"op": "add", "path": "/occasionId", "value": "0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78"},
                {"op": "replace", "path": "/version", "value": 1}
              ]
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
              "tags": ["apec-2024"],
              "classification": "PUBLIC",
              "version": 0,
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "updatedAt": "2026-11-23T10:15:30.123456Z"
            }""";

    /** An import job's id: jobs are not seeded, so no instance holds it until an import is sent. */
    public static final String IMPORT_JOB_ID = "3f2b8c1e-9d4a-4b6e-8a71-5c0d2e4f6a18";

    public static final String IMPORT_JOB = """
            {
              "id": "3f2b8c1e-9d4a-4b6e-8a71-5c0d2e4f6a18",
              "status": "DONE",
              "format": "ndjson",
              "dryRun": false,
              "atomic": false,
              "submittedBy": "analyst-7",
              "rows": 12,
              "counts": {"read": 12, "created": 3, "updated": 1, "unchanged": 7, "refused": 1},
              "progress": 1.0,
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "startedAt": "2026-11-23T10:15:30.223456Z",
              "finishedAt": "2026-11-23T10:15:31.523456Z"
            }""";

    /** A calendar feed's id and secret: feeds are made by callers, so no instance holds them until one is made. */
    public static final String CALENDAR_FEED_ID = "6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    public static final String CALENDAR_FEED_SECRET = "acs_EXAMPLEexampleEXAMPLEexampleEXAMPLEexample0";

    public static final String CALENDAR_FEED = """
            {
              "id": "6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              "name": "Korea–Peru milestones",
              "clearance": "PUBLIC",
              "filters": {"withinDays": "365", "country": ["PE"], "sector": [], "status": [], "kind": []},
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "url": "/api/v1/calendar/feeds/6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/\
            acs_EXAMPLEexampleEXAMPLEexampleEXAMPLEexample0"
            }""";

    public static final String CALENDAR_FEED_PAGE = """
            {"items": [{"id": "6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "name": "Korea–Peru milestones",
              "clearance": "PUBLIC",
              "filters": {"withinDays": "365", "country": ["PE"], "sector": [], "status": [], "kind": []},
              "createdAt": "2026-11-23T10:15:30.123456Z", "lastReadAt": "2026-11-24T06:00:00.000000Z"}],
             "page": 1, "size": 20, "total": 1, "totalRelation": "eq", "totalPages": 1}""";

    public static final String IMPORT_PAGE = "{\"items\": [" + IMPORT_JOB + "], \"page\": 1, \"size\": 20,"
            + " \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    public static final String IMPORT_REFUSAL_PAGE = """
            {"items": [{"row": 7, "recordId": "5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e3f", "problem": {
              "type": "/problems/invalid-request", "title": "Request is not valid", "status": 400,
              "detail": "status: 'MAYBE' is not one of PROPOSED, UNDER_NEGOTIATION, SIGNED, IN_FORCE, SUSPENDED,\
             COMPLETED, EXPIRED, TERMINATED, CANCELLED",
              "instance": "/api/v1/imports/3f2b8c1e-9d4a-4b6e-8a71-5c0d2e4f6a18",
              "errors": [{"field": "status", "message": "'MAYBE' is not one of PROPOSED, UNDER_NEGOTIATION, SIGNED,\
             IN_FORCE, SUSPENDED, COMPLETED, EXPIRED, TERMINATED, CANCELLED"}]}}],
             "page": 1, "size": 20, "total": 1, "totalRelation": "eq", "totalPages": 1}""";

    public static final String AGREEMENT_PAGE = "{\"items\": [" + AGREEMENT + "], \"page\": 1, \"size\": 20,"
            + " \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    public static final String REVISION_PAGE = "{\"items\": [{\"version\": 0, \"action\": \"CREATED\","
            + " \"actor\": \"analyst-7\", \"at\": \"2026-11-23T10:15:30.123456Z\", \"classification\": \"PUBLIC\","
            + " \"record\": {\"id\": \"6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e01\", \"name\": \"Korea Aerospace Industries\","
            + " \"acronym\": \"KAI\", \"country\": \"KR\", \"kind\": \"COMPANY\", \"version\": 0}"
            + "}], \"page\": 1, \"size\": 20, \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    public static final String FACETS = """
            {
              "total": 5,
              "approximate": false,
              "sectors": [{"value": "NAVAL", "count": 3}, {"value": "AEROSPACE", "count": 2}],
              "modes": [{"value": "CO_DEVELOPMENT", "count": 2}, {"value": "JOINT_PRODUCTION", "count": 2}],
              "countries": [{"value": "KR", "count": 5}, {"value": "PE", "count": 5}],
              "types": [{"value": "MOU", "count": 4}, {"value": "CONTRACT", "count": 1}],
              "statuses": [{"value": "SIGNED", "count": 4}, {"value": "PROPOSED", "count": 1}],
              "signedYears": [{"value": "2024", "count": 3}, {"value": "2023", "count": 2}]
            }""";

    public static final String SYNC_PAGE = "{\"items\": [" + AGREEMENT + "], \"size\": 100,"
            + " \"nextCursor\": \"MTc2Mzg5MzMzMC4xMjM0NTYwMDAvMGM3ZDJhOGUtNGIxZi00ZThhLTlmMGUtN2E2YjVjNGQzZTIx\"}";

    public static final String CSV = "id,title,type,status,sectors,modes,parties,countries,systems,announced,signed,"
            + "effective,expires,valueAmount,valueCurrency,parentId,tags,sources,summary,version,createdAt,updatedAt"
            + "\r\n0c7d2a8e-4b1f-4e8a-9f0e-7a6b5c4d3e21,MOU on joint production of KF-21 fighter jet components,MOU,"
            + "SIGNED,AEROSPACE,JOINT_PRODUCTION,Korea Aerospace Industries (SIGNATORY);Servicio de Mantenimiento"
            + " de la Fuerza Aérea del Perú (SIGNATORY),KR;PE,KF-21,,2024-11-16,,,,,,apec-2024,"
            + "https://www.ajupress.com/,Korea Aerospace Industries and SEMAN agree to produce KF-21 components"
            + " jointly.,0,2026-11-23T10:15:30.123456Z,2026-11-23T10:15:30.123456Z\r\n";

    /** Two NDJSON rows of an import: one written, one refused for its status. */
    public static final String IMPORT_LINES =
            "{\"id\":\"5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e3f\",\"title\":\"Example MOU on training\","
                    + "\"type\":\"MOU\",\"status\":\"SIGNED\",\"sectors\":[\"TRAINING\"],\"parties\":[{\"partyId\":"
                    + "\"a9715a03-00b9-55c2-9eff-7f0f6beda9b3\",\"role\":\"SIGNATORY\"}],\"signed\":\"2025-03\",\"sources\":"
                    + "[{\"url\":\"https://example.org/news/1\"}],\"classification\":\"PUBLIC\"}\n"
                    + "{\"id\":\"5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e40\",\"title\":\"Example of a refused row: its status\","
                    + "\"type\":\"MOU\",\"status\":\"MAYBE\",\"sectors\":[\"TRAINING\"],\"parties\":[{\"partyId\":"
                    + "\"a9715a03-00b9-55c2-9eff-7f0f6beda9b3\",\"role\":\"SIGNATORY\"}],\"sources\":"
                    + "[{\"url\":\"https://example.org/news/1\"}],\"classification\":\"PUBLIC\"}\n";

    public static final String NDJSON = "{\"id\": \"0c7d2a8e-4b1f-4e8a-9f0e-7a6b5c4d3e21\", \"title\": \"MOU on"
            + " joint production of KF-21 fighter jet components\", \"type\": \"MOU\", \"status\": \"SIGNED\","
            + " \"countries\": [\"KR\", \"PE\"], \"signed\": \"2024-11-16\", \"version\": 0}\n";
}
