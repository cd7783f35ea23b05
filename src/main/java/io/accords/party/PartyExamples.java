package io.accords.party;

/** What the OpenAPI document and Swagger UI show of parties, from the seed records. */
public final class PartyExamples {

    public static final String SEED_ID = "a9715a03-00b9-55c2-9eff-7f0f6beda9b3";

    /** The example party Swagger UI's changes act on (its aliases are what the patch example sets). */
    static final String REPLACE = """
            {
              "name": "Example Shipyard (the example record changes act on)",
              "acronym": "EXS",
              "aliases": ["Korea Aerospace"],
              "country": "KR",
              "kind": "COMPANY",
              "identifiers": [],
              "classification": "PUBLIC"
            }""";

    static final String INPUT = """
            {
              "name": "Example Aerostructures",
              "acronym": "EXA",
              "aliases": ["Example Aero"],
              "country": "KR",
              "kind": "COMPANY",
              "identifiers": [],
              "classification": "PUBLIC"
            }""";

    static final String PARTY = """
            {
              "id": "6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e01",
              "name": "Korea Aerospace Industries",
              "acronym": "KAI",
              "aliases": ["Korea Aerospace"],
              "editorialAliases": ["KAI"],
              "country": "KR",
              "kind": "COMPANY",
              "identifiers": [],
              "classification": "PUBLIC",
              "version": 0,
              "createdAt": "2026-11-23T10:15:30.123456Z",
              "updatedAt": "2026-11-23T10:15:30.123456Z"
            }""";

    static final String PAGE = "{\"items\": [" + PARTY + "], \"page\": 1, \"size\": 20,"
            + " \"total\": 1, \"totalRelation\": \"eq\", \"totalPages\": 1}";

    static final String DUPLICATE = """
            {
              "type": "/problems/conflict",
              "title": "Conflicts with existing records",
              "status": 409,
              "detail": "A party named 'Korea Aerospace Industries' already exists in KR with id 6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e01",
              "instance": "/api/v1/parties"
            }""";

    private PartyExamples() {}
}
