package io.accords.rights;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Notes, for every caller, the rights its tokens last showed (clearance, and whether it may read), written only when
 * they change, off the request's path. Whatever acts for a caller without its token (a calendar feed's read) asks here
 * what that caller may do now.
 */
@ApplicationScoped
public class KnownCallers implements PanacheRepositoryBase<CallerRights, String> {

    private static final Logger LOG = Logger.getLogger(KnownCallers.class);

    private final CurrentIdentityAssociation identities;

    /** What this replica last wrote for each caller, so that an unchanged token writes nothing. */
    private final Cache<String, String> noted = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    private final ExecutorService writer = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "accords-known-callers");
        thread.setDaemon(true);
        return thread;
    });

    KnownCallers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** Before the request is matched, so that a request its roles refuse still tells what its token shows. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> note() {
        return identities.getDeferredIdentity().map(identity -> {
            if (!identity.isAnonymous()) {
                note(Callers.of(identity), identity.hasRole(Roles.READER));
            }
            return null;
        });
    }

    /** Notes these rights for the caller, now, unless this replica noted the same lately. */
    public void note(Caller caller, boolean reader) {
        String rights = caller.clearance() + "|" + reader;
        if (rights.equals(noted.getIfPresent(caller.subject()))) {
            return;
        }
        noted.put(caller.subject(), rights);
        writer.submit(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> write(caller, reader));
            } catch (RuntimeException e) {
                noted.invalidate(caller.subject());
                LOG.debugf(e, "Rights of %s not noted this time", caller.subject());
            }
        });
    }

    /**
     * Notes these rights at once, in a transaction of its own (a feed's creation, which must find them when it is
     * first read). The request's own note may be writing the same row just now: then that one stands.
     */
    public void noteNow(Caller caller, boolean reader) {
        try {
            QuarkusTransaction.requiringNew().run(() -> write(caller, reader));
            noted.put(caller.subject(), caller.clearance() + "|" + reader);
        } catch (RuntimeException e) {
            LOG.debugf(e, "Rights of %s were being noted at the same time", caller.subject());
        }
    }

    private void write(Caller caller, boolean reader) {
        Optional<CallerRights> known = findByIdOptional(caller.subject());
        CallerRights rights = known.orElseGet(CallerRights::new);
        rights.subject = caller.subject();
        rights.clearance = caller.clearance();
        rights.reader = reader;
        rights.seenAt = Instant.now();
        if (known.isEmpty()) {
            persist(rights);
        }
    }

    /** The rights the caller's tokens last showed, if it was ever seen. */
    public Optional<CallerRights> latest(String subject) {
        return findByIdOptional(subject);
    }
}
