package io.accords.openapi;

/** Example bodies shown in the OpenAPI document and Swagger UI, taken from the seed agreements. */
public final class ApiExamples {

    private ApiExamples() {}

    public static final String REVISION_DIFF = """
            {
              "from": 0,
              "to": 1,
              "patch": [
                {"op": "add", "path": "/occasionId", "value": "0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78"},
                {"op": "replace", "path": "/version", "value": 1}
              ]
            }""";

    public static final String REVISION_PAGE = "{\"items\": [{\"version\": 0, \"action\": \"CREATED\","
            + " \"actor\": \"analyst-7\", \"at\": \"2026-11-23T10:15:30.123456Z\", \"classification\": \"PUBLIC\","
            + " \"record\": {\"id\": \"6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e01\", \"name\": \"Korea Aerospace Industries\","
            + " \"acronym\": \"KAI\", \"country\": \"KR\", \"kind\": \"COMPANY\", \"version\": 0}"
            + "}], \"page\": 1, \"size\": 20, \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";
}
