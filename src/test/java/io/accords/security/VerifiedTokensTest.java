package io.accords.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Management;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A token is verified once and then remembered until it expires; a token that fails is never remembered. */
@QuarkusTest
class VerifiedTokensTest {

    private static double metric(String result) {
        String body = Management.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher matcher = Pattern.compile(
                        "(?m)^cache_gets_total\\{[^}]*cache=\"tokens\"[^}]*result=\"" + result + "\"[^}]*\\} (\\S+)$")
                .matcher(body);
        assertTrue(matcher.find(), "no cache_gets_total for the tokens cache, result " + result);
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        String token = Tokens.token("reader", "PUBLIC");
        double hits = metric("hit");
        double misses = metric("miss");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/v1/parties")
                    .then()
                    .statusCode(200);
        }
        assertEquals(1, metric("miss") - misses, 0.0, "verified once");
        assertEquals(2, metric("hit") - hits, 0.0, "then remembered");
    }

    @Test
    void aTokenThatFailsIsRefusedEveryTime() {
        String good = Tokens.token("reader", "PUBLIC");
        String forged =
                good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        given().header("Authorization", "Bearer " + good)
                .when()
                .get("/api/v1/parties")
                .then()
                .statusCode(200);
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + forged)
                    .when()
                    .get("/api/v1/parties")
                    .then()
                    .statusCode(401);
        }
    }

    @Test
    void aTokenIsRememberedUntilItExpiresAndAtMostAnHour() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Duration.ofMinutes(5), VerifiedTokens.lifetime(expiring(now.plusSeconds(300)), now));
        assertEquals(VerifiedTokens.LONGEST, VerifiedTokens.lifetime(expiring(now.plusSeconds(86_400)), now));
        assertEquals(Duration.ZERO, VerifiedTokens.lifetime(expiring(now.minusSeconds(1)), now));
    }

    private static JsonWebToken expiring(Instant at) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return "exp".equals(claim) ? (T) Long.valueOf(at.getEpochSecond()) : null;
            }
        };
    }
}
