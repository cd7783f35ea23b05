package io.accords.support;

import io.accords.security.DevKeys;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.Header;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tokens for tests, signed with the key pair the test profile verifies with ({@code target/test-keys}). Registered as
 * a global JUnit extension, it makes every REST Assured request carry an admin token with CONFIDENTIAL clearance
 * unless the request sets its own Authorization header; {@link #NONE} sends none.
 */
public class Tokens implements BeforeAllCallback, QuarkusTestBeforeEachCallback {

    public static final Path KEYS = Path.of("target/test-keys");
    public static final String ISSUER = "accords-dev";
    public static final String AUDIENCE = "accords";
    private static final long LIFETIME_SECONDS = 600;
    private static final Map<String, Signed> CACHE = new ConcurrentHashMap<>();
    /** Marks a request that must go without a token. */
    public static final Header NONE = new Header("Authorization", "none");

    private static final Filter BEARER = (request, response, context) -> {
        String given = request.getHeaders().getValue("Authorization");
        if (given == null) {
            request.header("Authorization", defaultAuthorization());
        } else if (given.equals(NONE.getValue())) {
            request.removeHeader("Authorization");
        }
        return context.next(request, response);
    };

    /**
     * The {@code Authorization} value a request without one is sent with: an admin with CONFIDENTIAL clearance. For
     * clients other than REST Assured, which the filter does not reach.
     */
    public static String defaultAuthorization() {
        return "Bearer " + cached("admin", "CONFIDENTIAL");
    }

    /** For {@code @QuarkusIntegrationTest} classes, loaded by the ordinary class loader, before the app starts. */
    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    /** For {@code @QuarkusTest} classes, which see REST Assured through Quarkus' own class loader. */
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    private static void install() {
        DevKeys.ensure(KEYS);
        RestAssured.replaceFiltersWith(BEARER, ContractFilter.INSTANCE);
    }

    public static String token(String role, String clearance) {
        return sign(claims(role, clearance));
    }

    /**
     * A token for a role and clearance, signed once and reused until half its life is over: the default token goes on
     * every request of the suite, and an RSA signature for each of them is wasted work.
     */
    public static String cached(String role, String clearance) {
        long now = System.currentTimeMillis() / 1000;
        return CACHE.compute(
                        role + "/" + clearance,
                        (key, signed) -> signed != null && signed.reusableAt(now)
                                ? signed
                                : new Signed(token(role, clearance), now))
                .token();
    }

    private record Signed(String token, long signedAt) {
        boolean reusableAt(long now) {
            return now - signedAt < LIFETIME_SECONDS / 2;
        }
    }

    public static Header bearer(String role, String clearance) {
        return new Header("Authorization", "Bearer " + token(role, clearance));
    }

    /** Valid claims for a role and clearance, to change before {@link #sign}. */
    public static JwtClaimsBuilder claims(String role, String clearance) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("test-" + role)
                .groups(Set.of(role))
                .claim("clearance", clearance)
                .expiresIn(LIFETIME_SECONDS);
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().sign(privateKey());
    }

    static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(KEYS.resolve("private.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
