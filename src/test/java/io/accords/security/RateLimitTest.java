package io.accords.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.accords.config.AccordsConfig;
import io.accords.http.secrets.Secrets;
import io.accords.support.Problems;
import io.accords.support.Tokens;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** A burst above a caller's limit gets 429 with Retry-After; callers under it, and other callers, see no change. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "accords.rate-limit.reader", "3",
                    "accords.rate-limit.editor", "5",
                    "accords.rate-limit.anonymous", "2",
                    "accords.rate-limit.window", "60s");
        }
    }

    private static final String PATH = "/api/v1/parties";

    @Test
    void aReaderOverItsLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        Header reader = bearer("reader", "limited-reader-" + UUID.randomUUID());
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header(reader)
                    .when()
                    .get(PATH)
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"reader\";q=3;w=60"))
                    .header("RateLimit", containsString("\"reader\";r=" + remaining + ";t="));
        }
        Response refused = given().header(reader).when().get(PATH);
        Problems.assertProblem(refused.then(), 429, "/problems/too-many-requests", PATH)
                .header("RateLimit", containsString(";r=0;"))
                .body("detail", containsString("3 requests per 60 seconds"));
        assertEquals(1, refused.headers().getValues("RateLimit").size(), "RateLimit once: " + refused.headers());
        assertEquals(1, refused.headers().getValues("RateLimit-Policy").size(), "RateLimit-Policy once");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        // Another reader, and an editor, count on their own.
        given().header(bearer("reader", "other-reader-" + UUID.randomUUID()))
                .when()
                .get(PATH)
                .then()
                .statusCode(200);
        given().header(bearer("editor", "limited-editor-" + UUID.randomUUID()))
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", equalTo("\"editor\";q=5;w=60"));
    }

    @Test
    void requestsWithoutATokenAreCountedByAddressBeforeTheTokenCheck() {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(given().header(Tokens.NONE)
                    .when()
                    .get("/api/v1/agreements")
                    .then()
                    .header("RateLimit-Policy", equalTo("\"anonymous\";q=2;w=60"))
                    .extract()
                    .statusCode());
        }
        // The other test may have used some of this address's allowance first; every answer is 401 until it is gone.
        assertEquals(401, statuses.get(0));
        assertEquals(429, statuses.get(statuses.size() - 1));
        assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), statuses.toString());
    }

    @Test
    void theRefusalIsLoggedWithTheRequestsTraceId() {
        List<ExtLogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && record.getLoggerName().equals(RateLimits.class.getName())) {
                    ext.copyMdc();
                    logged.add(ext);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Header reader = bearer("reader", "traced-reader-" + UUID.randomUUID());
            for (int i = 0; i < 4; i++) {
                given().header(reader)
                        .header("X-Request-Id", "rate-" + i)
                        .when()
                        .get(PATH);
            }
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(1, logged.size(), "one refusal logged");
        ExtLogRecord refusal = logged.get(0);
        assertEquals("rate-3", refusal.getMdc("requestId"));
        assertTrue(refusal.getMdc("traceId").matches("[0-9a-f]{32}"), "trace id: " + refusal.getMdc("traceId"));
        assertTrue(!refusal.getMdc("traceId").matches("0+"), "a real trace id");
    }

    @Inject
    AccordsConfig config;

    @Inject
    Instance<DataSource> dataSource;

    @Test
    void onPostgreSqlEveryReplicaCountsAgainstOneAllowance() {
        assumeTrue(
                config.rateLimit().store() == AccordsConfig.RateLimit.Store.DATABASE,
                "the embedded build counts per replica");
        String subject = "shared-reader-" + UUID.randomUUID();
        // Another replica, on the same database, has let this reader make its 3 requests of the window.
        var otherReplica = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource.get())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .build();
        var counter = otherReplica
                .builder()
                .build(
                        Secrets.hash(RateLimits.key("reader", 3, Duration.ofSeconds(60), "subject " + subject)),
                        () -> BucketConfiguration.builder()
                                .addLimit(limit -> limit.capacity(3).refillGreedy(3, Duration.ofSeconds(60)))
                                .build());
        assertTrue(counter.tryConsume(3), "the other replica's three requests");
        // This replica refuses the fourth, as one replica alone would.
        Problems.assertProblem(
                given().header(bearer("reader", subject)).when().get(PATH).then(),
                429,
                "/problems/too-many-requests",
                PATH);
    }

    private static Header bearer(String role, String subject) {
        return new Header(
                "Authorization",
                "Bearer " + Tokens.sign(Tokens.claims(role, "PUBLIC").subject(subject)));
    }
}
