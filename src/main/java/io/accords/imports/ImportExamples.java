package io.accords.imports;

/** Examples for the import's documentation. */
final class ImportExamples {

    static final String LINES =
            "{\"id\":\"5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e3f\",\"title\":\"Example MOU on training\","
                    + "\"type\":\"MOU\",\"status\":\"SIGNED\",\"sectors\":[\"TRAINING\"],\"parties\":[{\"partyId\":"
                    + "\"a9715a03-00b9-55c2-9eff-7f0f6beda9b3\",\"role\":\"SIGNATORY\"}],\"signed\":\"2025-03\",\"sources\":"
                    + "[{\"url\":\"https://example.org/news/1\"}],\"classification\":\"PUBLIC\"}\n"
                    + "{\"id\":\"5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e40\",\"title\":\"Example of a refused row: its status\","
                    + "\"type\":\"MOU\",\"status\":\"MAYBE\",\"sectors\":[\"TRAINING\"],\"parties\":[{\"partyId\":"
                    + "\"a9715a03-00b9-55c2-9eff-7f0f6beda9b3\",\"role\":\"SIGNATORY\"}],\"sources\":"
                    + "[{\"url\":\"https://example.org/news/1\"}],\"classification\":\"PUBLIC\"}\n";

    static final String CSV = "id,title,type,status,sectors,modes,parties,countries,systems,announced,signed,"
            + "effective,expires,valueAmount,valueCurrency,parentId,relations,occasionId,identifiers,tags,sources,"
            + "summary,classification,version,createdAt,updatedAt\n"
            + "5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e41,Example MOU on KF-21 training,MOU,SIGNED,TRAINING,,"
            + "Korea Aerospace Industries (SIGNATORY),KR,KF-21,,2025-03,,,,,,,,,example,https://example.org/news/1,"
            + ",PUBLIC,0,,\n";

    private ImportExamples() {}
}
