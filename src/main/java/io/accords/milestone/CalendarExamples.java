package io.accords.milestone;

/** What the OpenAPI document and Swagger UI show of calendar feeds. */
final class CalendarExamples {

    /** A calendar feed's id and secret: feeds are made by callers, so no instance holds them until one is made. */
    static final String CALENDAR_FEED_ID = "6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    static final String CALENDAR_FEED_SECRET = "acs_EXAMPLEexampleEXAMPLEexampleEXAMPLEexample0";

    /** A feed that is not there: the revoke example, which answers an admin 204 and changes nothing. */
    static final String REVOKED_FEED_ID = "6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4e";

    static final String CALENDAR_FEED = """
            {
              "id": "6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
              "name": "Korea–Peru milestones",
              "clearance": "PUBLIC",
              "filters": {"withinDays": "365", "country": ["PE"], "sector": [], "status": [], "kind": []},
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "url": "/api/v1/calendar/feeds/6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/\
            acs_EXAMPLEexampleEXAMPLEexampleEXAMPLEexample0"
            }""";

    static final String CALENDAR_FEED_PAGE = """
            {"items": [{"id": "6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "name": "Korea–Peru milestones",
              "clearance": "PUBLIC",
              "filters": {"withinDays": "365", "country": ["PE"], "sector": [], "status": [], "kind": []},
              "createdAt": "2026-11-23T10:15:30.123456Z", "lastReadAt": "2026-11-24T06:00:00.000000Z"}],
             "page": 1, "size": 20, "total": 1, "totalRelation": "eq", "totalPages": 1}""";

    private CalendarExamples() {}
}
