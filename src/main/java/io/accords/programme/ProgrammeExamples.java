package io.accords.programme;

/** What the OpenAPI document and Swagger UI show of programmes, from the seed records. */
final class ProgrammeExamples {

    /** The KF-21 fighter, whose components KAI and SEMAN agreed to produce together in Lima in 2024. */
    static final String SEED_ID = "c6ceac69-5c81-5266-8d9a-dac3017aafd6";

    /** The example programme Swagger UI's changes act on (its countries are what the patch example sets). */
    static final String REPLACE = """
            {
              "name": "Example trainer aircraft (the example record changes act on)",
              "system": "EXAMPLE-2",
              "description": "An example programme that Swagger UI's change examples act on",
              "started": "2025",
              "countries": ["KR", "PE", "ID"],
              "sources": [
                {"publisher": "Example Press", "url": "https://example.org/programme", "published": "2025-05-02"}
              ],
              "classification": "PUBLIC"
            }""";

    static final String INPUT = """
            {
              "name": "Example light attack aircraft",
              "system": "EXAMPLE-1",
              "description": "An example programme, to show the fields",
              "started": "2025",
              "countries": ["KR"],
              "sources": [
                {"publisher": "Example Press", "url": "https://example.org/programme", "published": "2025-05-02"}
              ],
              "classification": "PUBLIC"
            }""";

    static final String PROGRAMME = """
            {
              "id": "c6ceac69-5c81-5266-8d9a-dac3017aafd6",
              "name": "KF-21 fighter",
              "system": "KF-21",
              "description": "Korea's KF-21 fighter jet; Korea Aerospace Industries and Peru's SEMAN agreed in 2024 to\
             produce its components jointly",
              "countries": ["KR", "PE"],
              "sources": [{"publisher": "AJP", "title": "South Korea, Peru to expand cooperation in defense, critical\
             minerals", "url": "https://ajupress.com/view/20241117095639112", "published": "2024-11-17"}],
              "classification": "PUBLIC",
              "version": 0,
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "updatedAt": "2026-11-23T10:15:30.123456Z",
              "agreements": "/api/v1/agreements?system=KF-21"
            }""";

    static final String PAGE = "{\"items\": [" + PROGRAMME + "], \"page\": 1, \"size\": 20, \"total\": 1,"
            + " \"totalRelation\": \"eq\", \"totalPages\": 1}";

    private ProgrammeExamples() {}
}
