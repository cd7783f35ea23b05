package io.accords.imports;

/** What the OpenAPI document and Swagger UI show of imports. */
final class ImportExamples {

    /** An import job's id: jobs are not seeded, so no instance holds it until an import is sent. */
    static final String IMPORT_JOB_ID = "3f2b8c1e-9d4a-4b6e-8a71-5c0d2e4f6a18";

    static final String IMPORT_JOB = """
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

    static final String IMPORT_PAGE = "{\"items\": [" + IMPORT_JOB + "], \"page\": 1, \"size\": 20,"
            + " \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    static final String IMPORT_REFUSAL_PAGE = """
            {"items": [{"row": 7, "recordId": "5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e3f", "problem": {
              "type": "/problems/invalid-request", "title": "Request is not valid", "status": 400,
              "detail": "status: 'MAYBE' is not one of PROPOSED, UNDER_NEGOTIATION, SIGNED, IN_FORCE, SUSPENDED,\
             COMPLETED, EXPIRED, TERMINATED, CANCELLED",
              "instance": "/api/v1/imports/3f2b8c1e-9d4a-4b6e-8a71-5c0d2e4f6a18",
              "errors": [{"field": "status", "message": "'MAYBE' is not one of PROPOSED, UNDER_NEGOTIATION, SIGNED,\
             IN_FORCE, SUSPENDED, COMPLETED, EXPIRED, TERMINATED, CANCELLED"}]}}],
             "page": 1, "size": 20, "total": 1, "totalRelation": "eq", "totalPages": 1}""";

    /** Two NDJSON rows of an import: one written, one refused for its status. */
    static final String IMPORT_LINES =
            "{\"id\":\"5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e3f\",\"title\":\"Example MOU on training\","
                    + "\"type\":\"MOU\",\"status\":\"SIGNED\",\"sectors\":[\"TRAINING\"],\"parties\":[{\"partyId\":"
                    + "\"a9715a03-00b9-55c2-9eff-7f0f6beda9b3\",\"role\":\"SIGNATORY\"}],\"signed\":\"2025-03\",\"sources\":"
                    + "[{\"url\":\"https://example.org/news/1\"}],\"classification\":\"PUBLIC\"}\n"
                    + "{\"id\":\"5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e40\",\"title\":\"Example of a refused row: its status\","
                    + "\"type\":\"MOU\",\"status\":\"MAYBE\",\"sectors\":[\"TRAINING\"],\"parties\":[{\"partyId\":"
                    + "\"a9715a03-00b9-55c2-9eff-7f0f6beda9b3\",\"role\":\"SIGNATORY\"}],\"sources\":"
                    + "[{\"url\":\"https://example.org/news/1\"}],\"classification\":\"PUBLIC\"}\n";

    /** A CSV import in the columns the CSV export writes: one new agreement, its party found by name. */
    static final String IMPORT_CSV = "id,title,type,status,sectors,modes,parties,countries,systems,announced,signed,"
            + "effective,expires,valueAmount,valueCurrency,parentId,tags,sources,summary,version,createdAt,updatedAt\r\n"
            + ",Example MOU on simulator training,MOU,SIGNED,TRAINING,,Korea Aerospace Industries (SIGNATORY),KR,,,"
            + "2025-03,,,,,,example,https://example.org/news/1,An example row of a CSV import.,,,\r\n";

    private ImportExamples() {}
}
