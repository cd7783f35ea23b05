package io.accords.webhooks;

/** Examples for the webhook documentation; the ids are those of the example subscription, made where seeds are. */
final class SubscriptionExamples {

    private SubscriptionExamples() {}

    static final String ID = "5f0c2a9e-7b1d-4c3e-9a8f-1e2d3c4b5a69";
    /** One that is not there (deleted, or never made): an admin's delete of it answers 204, as of one deleted. */
    static final String DELETED_ID = "5f0c2a9e-7b1d-4c3e-9a8f-1e2d3c4b5a70";

    static final String TARGET = "https://receiver.example.org/accords";
    /** The seed agreement the example delivery was about. */
    static final String SUBJECT = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";

    static final String INPUT = "{\"target\": \"" + TARGET + "\", \"description\": \"Our search index\","
            + " \"kinds\": [\"agreement\"], \"types\": [\"created\", \"updated\", \"deleted\"],"
            + " \"agreements\": {\"sector\": [\"NAVAL\"]}, \"after\": \"now\"}";

    private static final String LISTED = "\"id\": \"" + ID + "\", \"target\": \"" + TARGET + "\","
            + " \"description\": \"Our search index\", \"kinds\": [\"agreement\"], \"types\": [], \"agreements\": {},"
            + " \"clearance\": \"PUBLIC\", \"status\": \"ACTIVE\", \"statusReason\": null, \"failures\": 0,"
            + " \"nextAttemptAt\": \"2026-12-05T10:15:30Z\", \"createdAt\": \"2026-12-05T10:15:30Z\","
            + " \"previousSecretUntil\": null";

    static final String SUBSCRIPTION = "{" + LISTED + ", \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}";

    static final String PAGE = "{\"items\": [{" + LISTED
            + "}], \"page\": 1, \"size\": 20, \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    static final String DELIVERY = "{\"eventId\": \"Xq0c1I9V3yQ3hHf5m1q2Zw\", \"type\": \"accords.agreement.updated\","
            + " \"subject\": \"a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5\", \"attempt\": 1,"
            + " \"attemptedAt\": \"2026-12-05T10:15:31Z\", \"statusCode\": 204, \"outcome\": \"DELIVERED\","
            + " \"error\": null, \"durationMs\": 42}";

    static final String DELIVERY_PAGE = "{\"items\": [" + DELIVERY
            + "], \"page\": 1, \"size\": 20, \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    static final String REPLAY = "{\"after\": \"now\"}";
}
