package io.accords.search;

import io.accords.agreement.AgreementExamples;

/** What the OpenAPI document and Swagger UI show of the agreement search, facets, sync and export. */
final class SearchExamples {

    static final String FACETS = """
            {
              "total": 5,
              "approximate": false,
              "sectors": [{"value": "NAVAL", "count": 3}, {"value": "AEROSPACE", "count": 2}],
              "modes": [{"value": "CO_DEVELOPMENT", "count": 2}, {"value": "JOINT_PRODUCTION", "count": 2}],
              "countries": [{"value": "KR", "count": 5}, {"value": "PE", "count": 5}],
              "types": [{"value": "MOU", "count": 4}, {"value": "CONTRACT", "count": 1}],
              "statuses": [{"value": "SIGNED", "count": 4}, {"value": "PROPOSED", "count": 1}],
              "signedYears": [{"value": "2024", "count": 3}, {"value": "2023", "count": 2}],
              "occasions": [{"value": "0c7d2a8e-4b1f-4e8a-9f0e-7a6b5c4d3e21", "count": 3}]
            }""";

    static final String SYNC_PAGE = "{\"items\": [" + AgreementExamples.AGREEMENT + "], \"size\": 100,"
            + " \"nextCursor\": \"MTc2Mzg5MzMzMC4xMjM0NTYwMDAvMGM3ZDJhOGUtNGIxZi00ZThhLTlmMGUtN2E2YjVjNGQzZTIx\"}";

    static final String CSV = "id,title,type,status,sectors,modes,parties,countries,systems,announced,signed,"
            + "effective,expires,valueAmount,valueCurrency,parentId,relations,occasionId,identifiers,tags,sources,"
            + "summary,classification,version,createdAt,updatedAt"
            + "\r\n0c7d2a8e-4b1f-4e8a-9f0e-7a6b5c4d3e21,MOU on joint production of KF-21 fighter jet components,MOU,"
            + "SIGNED,AEROSPACE,JOINT_PRODUCTION,Korea Aerospace Industries (SIGNATORY);SEMAN (SIGNATORY),KR;PE,KF-21,,"
            + "2024-11-16,,,,,,,,,apec-2024,https://www.ajupress.com/,Korea Aerospace Industries and SEMAN agree to"
            + " produce KF-21 components jointly.,PUBLIC,0,2026-11-23T10:15:30.123456Z,2026-11-23T10:15:30.123456Z\r\n";

    static final String NDJSON = "{\"id\": \"0c7d2a8e-4b1f-4e8a-9f0e-7a6b5c4d3e21\", \"title\": \"MOU on"
            + " joint production of KF-21 fighter jet components\", \"type\": \"MOU\", \"status\": \"SIGNED\","
            + " \"countries\": [\"KR\", \"PE\"], \"signed\": \"2024-11-16\", \"version\": 0}\n";

    private SearchExamples() {}
}
