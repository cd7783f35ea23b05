package io.accords.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token issued in the future beyond the allowed clock skew: smallrye-jwt checks expiry, but a token whose
 * {@code iat} lies ahead was minted by a clock (or a hand) that cannot be trusted.
 */
@ApplicationScoped
public class TokenTimes implements SecurityIdentityAugmentor {

    static final String ISSUED_IN_THE_FUTURE = "The token was issued in the future";

    private final long skewSeconds;

    TokenTimes(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long skewSeconds) {
        this.skewSeconds = skewSeconds;
    }

    @Override
    public int priority() {
        // Before the role hierarchy: nothing is granted to a token refused here.
        return 10;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getIssuedAtTime() > 0
                && token.getIssuedAtTime() > Instant.now().getEpochSecond() + skewSeconds) {
            return Uni.createFrom().failure(new AuthenticationFailedException(ISSUED_IN_THE_FUTURE));
        }
        return Uni.createFrom().item(identity);
    }
}
