package io.accords.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and remembers the result until the token expires, so that a client sending the same
 * token on every request pays for the RSA signature check once (it was half of a get's CPU time). Only tokens that
 * verified are kept, each no longer than its own {@code exp} (nor longer than {@link #LONGEST}), at most
 * {@link #CAPACITY} of them; the hit rate is in metrics as {@code cache_gets_total{cache="tokens"}}. Checks that run
 * on every request after verification (roles, clearance, a token issued in the future) still run on every request.
 * A verification key that is replaced does not revoke tokens already verified with the old one before they expire.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    static final int CAPACITY = 10_000;
    static final Duration LONGEST = Duration.ofHours(1);

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> lifetime(jwt, Instant.now())))
            .recordStats()
            .build();

    VerifiedTokens(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, verified, "tokens");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = super.parse(token);
        verified.put(token, jwt);
        return jwt;
    }

    /** How long a verified token may be remembered: until it expires, at most {@link #LONGEST}, never negative. */
    static Duration lifetime(JsonWebToken jwt, Instant now) {
        Duration left = Duration.between(now, Instant.ofEpochSecond(jwt.getExpirationTime()));
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}
