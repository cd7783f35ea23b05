package io.accords.changes;

/** Examples for the change feed's documentation. */
final class ChangeExamples {

    private ChangeExamples() {}

    static final String EVENT_ID = "Xq0c1I9V3yQ3hHf5m1q2Zw";
    static final String SUBJECT = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";

    /** A page: a change of the seed agreement, and a deletion. */
    static final String BATCH = "[{\"specversion\": \"1.0\", \"id\": \"" + EVENT_ID + "\", \"source\": \"/api/v1\","
            + " \"type\": \"accords.agreement.updated\", \"subject\": \"" + SUBJECT + "\","
            + " \"time\": \"2026-12-05T10:15:30Z\", \"datacontenttype\": \"application/json\", \"recordversion\": 3,"
            + " \"data\": {\"id\": \"" + SUBJECT + "\", \"version\": 3, \"status\": \"IN_FORCE\"}},"
            + " {\"specversion\": \"1.0\", \"id\": \"pW3lq8cB0nEo7m4yZ2rT1g\", \"source\": \"/api/v1\","
            + " \"type\": \"accords.party.deleted\", \"subject\": \"0b8f3c1e-6a55-4d8e-9a4f-2f1d6c7e8a90\","
            + " \"time\": \"2026-12-05T10:16:02Z\", \"recordversion\": 2}]";

    /** The same change as the stream sends it. */
    static final String STREAM = "id: " + EVENT_ID + "\ndata: {\"specversion\": \"1.0\", \"id\": \"" + EVENT_ID + "\","
            + " \"source\": \"/api/v1\", \"type\": \"accords.agreement.updated\", \"subject\": \"" + SUBJECT
            + "\", \"time\": \"2026-12-05T10:15:30Z\", \"datacontenttype\": \"application/json\", \"recordversion\": 3,"
            + " \"data\": {\"id\": \"" + SUBJECT + "\", \"version\": 3, \"status\": \"IN_FORCE\"}}\n\n";
}
