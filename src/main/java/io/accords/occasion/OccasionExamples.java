package io.accords.occasion;

/** What the OpenAPI document and Swagger UI show of occasions, from the seed records. */
final class OccasionExamples {

    /** The 2024 APEC leaders' meeting in Lima, where the KAI–SEMAN MOU was signed. */
    static final String SEED_ID = "0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78";

    /** The example occasion Swagger UI's changes act on (in Lima, which the patch example sets). */
    static final String REPLACE = """
            {
              "name": "Example state visit (the example record changes act on)",
              "kind": "STATE_VISIT",
              "country": "PE",
              "city": "Lima",
              "starts": "2025-05",
              "sources": [
                {"publisher": "Example Press", "url": "https://example.org/visit", "published": "2025-05-02"}
              ],
              "classification": "PUBLIC"
            }""";

    static final String INPUT = """
            {
              "name": "Example state visit of the President of Peru to Seoul",
              "kind": "STATE_VISIT",
              "country": "KR",
              "city": "Seoul",
              "starts": "2025-05",
              "sources": [
                {"publisher": "Example Press", "url": "https://example.org/visit", "published": "2025-05-02"}
              ],
              "classification": "PUBLIC"
            }""";

    /** The occasion as a list shows it: without the agreements made there. */
    private static final String LISTED = """
            {
              "id": "0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78",
              "name": "APEC summit 2024, Lima",
              "kind": "SUMMIT",
              "country": "PE",
              "city": "Lima",
              "starts": "2024-11",
              "sources": [{"publisher": "AJP", "title": "South Korea, Peru to expand cooperation in defense, critical\
             minerals", "url": "https://ajupress.com/view/20241117095639112", "published": "2024-11-17"}],
              "classification": "PUBLIC",
              "version": 0,
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "updatedAt": "2026-11-23T10:15:30.123456Z\"""";

    static final String OCCASION = LISTED + """
            ,
              "agreements": [{"id": "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5",
                "title": "MOU between Korea Aerospace Industries and SEMAN on joint production of KF-21 fighter jet\
             components"}]
            }""";

    static final String PAGE = "{\"items\": [" + LISTED + "}], \"page\": 1, \"size\": 20, \"total\": 1,"
            + " \"totalRelation\": \"eq\", \"totalPages\": 1}";

    private OccasionExamples() {}
}
