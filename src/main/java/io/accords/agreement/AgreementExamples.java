package io.accords.agreement;

/** What the OpenAPI document and Swagger UI show of agreements, from the seed records. */
public final class AgreementExamples {

    /** The KAI–SEMAN KF-21 MOU and the parties of the seed data: examples Swagger UI can execute as they stand. */
    public static final String SEED_ID = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";

    static final String INPUT = """
            {
              "title": "Example follow-up MOU on KF-21 component training",
              "summary": "Korea Aerospace Industries and SEMAN agree to train SEMAN technicians on KF-21 components.",
              "type": "MOU",
              "status": "SIGNED",
              "sectors": ["AEROSPACE"],
              "modes": ["TRAINING"],
              "parties": [
                {"partyId": "a9715a03-00b9-55c2-9eff-7f0f6beda9b3", "role": "SIGNATORY"},
                {"partyId": "06771d74-7cce-5fb9-96d5-4fbf9d67265c", "role": "SIGNATORY"}
              ],
              "systems": ["KF-21"],
              "signed": "2024-11-16",
              "sources": [
                {
                  "publisher": "AJP",
                  "title": "South Korea, Peru to expand cooperation in defense, critical minerals",
                  "url": "https://www.ajupress.com/",
                  "published": "2024-11-17"
                }
              ],
              "claims": [
                {"fact": "signed", "basis": "STATED", "sources": ["https://www.ajupress.com/"],
                  "note": "Signed before the two presidents at their summit in Lima on 16 November 2024"},
                {"fact": "status", "basis": "STATED", "sources": ["https://www.ajupress.com/"]}
              ],
              "tags": ["apec-2024"],
              "classification": "PUBLIC"
            }""";

    private AgreementExamples() {}
}
