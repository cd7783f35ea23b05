package io.accords.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read from its verified token. */
@ApplicationScoped
public class Callers {

    private final Instance<SecurityIdentity> identity;

    Callers(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    public Caller current() {
        if (!Arc.container().requestContext().isActive()) {
            return Caller.SYSTEM;
        }
        SecurityIdentity current = identity.get();
        if (current.isAnonymous()) {
            // Every /api request is authenticated before it gets here; anything else sees only public records.
            return new Caller("anonymous", io.accords.security.Classification.PUBLIC, false);
        }
        Optional<String> clearance = current.getPrincipal() instanceof JsonWebToken token
                ? Optional.ofNullable(token.getClaim("clearance"))
                        .map(c -> c.toString().replace("\"", ""))
                : Optional.empty();
        return new Caller(current.getPrincipal().getName(), Caller.clearance(clearance), current.hasRole(Roles.ADMIN));
    }
}
