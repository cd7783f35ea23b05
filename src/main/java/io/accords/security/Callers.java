package io.accords.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read from its verified token. */
@ApplicationScoped
public class Callers {

    private final Instance<SecurityIdentity> identity;

    Callers(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    /** The caller a background job acts for (a bulk import runs as the editor who sent it), on this thread. */
    private static final ThreadLocal<Caller> ACTING = new ThreadLocal<>();

    /** Runs work as this caller, outside any request: its clearance and role rule every read and write. */
    public <T> T actingAs(Caller caller, Supplier<T> work) {
        Caller before = ACTING.get();
        ACTING.set(caller);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    public Caller current() {
        Caller acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        if (!Arc.container().requestContext().isActive()) {
            return Caller.SYSTEM;
        }
        return of(identity.get());
    }

    /** The caller a verified identity is: its subject, the clearance its token claims, whether it is an admin. */
    public static Caller of(SecurityIdentity current) {
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
