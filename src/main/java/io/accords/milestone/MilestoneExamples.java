package io.accords.milestone;

/** What the OpenAPI document and Swagger UI show of milestones, from the seed records. */
final class MilestoneExamples {

    /** The signing ceremony of the KAI–SEMAN MOU, a seed milestone. */
    static final String SEED_ID = "cf43ba93-33fc-5fc2-a1d8-b2e9e80b99f7";

    /** The example milestone Swagger UI's changes act on (met, as the patch example says). */
    static final String REPLACE = """
            {
              "kind": "DELIVERY",
              "title": "Example delivery (the example record changes act on)",
              "due": "2026-06",
              "status": "MET",
              "met": "2026-06-12",
              "responsiblePartyId": "a9715a03-00b9-55c2-9eff-7f0f6beda9b3",
              "quantity": 4,
              "classification": "PUBLIC"
            }""";

    static final String INPUT = """
            {
              "kind": "DELIVERY",
              "title": "First KF-21 wing components delivered to SEMAN",
              "due": "2026-06",
              "status": "PLANNED",
              "responsiblePartyId": "a9715a03-00b9-55c2-9eff-7f0f6beda9b3",
              "quantity": 4,
              "classification": "PUBLIC"
            }""";

    static final String MILESTONE = """
            {
              "id": "cf43ba93-33fc-5fc2-a1d8-b2e9e80b99f7",
              "agreementId": "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5",
              "agreementTitle": "MOU between Korea Aerospace Industries and SEMAN on joint production of KF-21 fighter\
             jet components",
              "kind": "DELIVERY",
              "title": "First KF-21 wing components delivered to SEMAN",
              "due": "2026-06",
              "status": "PLANNED",
              "responsiblePartyId": "a9715a03-00b9-55c2-9eff-7f0f6beda9b3",
              "quantity": 4,
              "sources": [],
              "classification": "PUBLIC",
              "version": 0,
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "updatedAt": "2026-11-23T10:15:30.123456Z"
            }""";

    static final String PAGE = "{\"items\": [" + MILESTONE + "], \"page\": 1, \"size\": 20,"
            + " \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    private MilestoneExamples() {}
}
