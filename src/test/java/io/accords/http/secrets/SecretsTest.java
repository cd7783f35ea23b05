package io.accords.http.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Minted secrets are random, recognisable, stored as hashes and found and left out wherever they appear. */
class SecretsTest {

    @Test
    void aMintedSecretIsRandomRecognisableAndLeftOutOfAnyText() {
        String secret = Secrets.mint();
        assertTrue(secret.matches(Secrets.PATTERN), secret);
        assertNotEquals(secret, Secrets.mint());
        assertEquals(64, Secrets.hash(secret).length());
        assertTrue(Secrets.sameHash(Secrets.hash(secret), Secrets.hash(secret)));
        assertFalse(Secrets.sameHash(Secrets.hash(secret), Secrets.hash(Secrets.mint())));
        String path = "/api/v1/calendar/feeds/6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/" + secret;
        assertEquals("/api/v1/calendar/feeds/6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/acs_…", Secrets.redact(path));
        assertEquals("/api/v1/agreements", Secrets.redact("/api/v1/agreements"));
    }
}
