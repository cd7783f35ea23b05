package io.accords.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.accords.config.AccordsConfig;
import io.accords.http.problem.ProblemResponses;
import io.accords.http.problem.ProblemType;
import io.accords.http.secrets.Secrets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate limits per caller, counted by Bucket4j token buckets: a token's subject gets its highest role's allowance, a
 * request without a valid token its client address's. Every API answer says the caller's policy and what is left of
 * it in the IETF {@code RateLimit-Policy} and {@code RateLimit} headers; a request over the limit gets 429 with
 * {@code Retry-After}. It runs before the token check, so guessing tokens is limited too. The counters live in each
 * replica's memory ({@code accords.rate-limit.store=replica}: behind N replicas a caller may make up to N times its
 * allowance), or in a PostgreSQL table every replica shares ({@code database}, Bucket4j's PostgreSQL store), each
 * replica adding what it counted at least every {@code sync-every} (README, "Rate limits").
 */
@ApplicationScoped
public class RateLimits {

    static final String POLICY = "RateLimit-Policy";
    static final String REMAINING = "RateLimit";
    static final String ANONYMOUS = "anonymous";

    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final AccordsConfig.RateLimit config;
    private final CurrentIdentityAssociation identities;
    private final Cache<String, Bucket> buckets;
    /** The shared store's counters, or null when each replica counts on its own. */
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

    RateLimits(AccordsConfig config, CurrentIdentityAssociation identities, Instance<DataSource> dataSource) {
        this.config = config.rateLimit();
        this.identities = identities;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(this.config.callers())
                .expireAfterAccess(this.config.window().multipliedBy(2))
                .build();
        this.shared = this.config.store() == AccordsConfig.RateLimit.Store.DATABASE
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource.get())
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table("rate_limit_bucket")
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofSeconds(10)))
                        .build()
                : null;
    }

    /** With the shared store, the rows of callers whose allowance has refilled are removed once a minute. */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeRefilled() {
        if (shared != null) {
            try {
                shared.removeExpired(1000);
            } catch (RuntimeException e) {
                LOG.debugf(e, "Could not remove refilled rate limit counters now");
            }
        }
    }

    /**
     * Counted in this replica's memory: before routing, on the event loop, unmatched paths included. With the shared
     * store, only requests without a valid token are counted here (per replica: they are refused before anything is
     * read, so counting them costs no database work).
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        return counted(request, http, false);
    }

    /**
     * Counted in the shared store, which may be read and written in the database: after routing, on the worker thread
     * the request runs on anyway (a path no route matches is a 404 that reads nothing, and is not counted).
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Uni<Response> limitShared(ContainerRequestContext request, HttpServerRequest http) {
        return counted(request, http, true);
    }

    private Uni<Response> counted(ContainerRequestContext request, HttpServerRequest http, boolean routed) {
        String path = request.getUriInfo().getPath();
        if (!config.enabled() || !ApiAuthentication.underApi(path) || (routed && shared == null)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().chain(who -> {
            String policy = policyOf(who);
            boolean inDatabase = shared != null && !policy.equals(ANONYMOUS);
            if (inDatabase != routed) {
                return Uni.createFrom().nullItem(); // counted by the other filter
            }
            Callable<Response> answer = () -> answer(path, policy, callerOf(who, http), http, inDatabase);
            Context context = Vertx.currentContext();
            if (!inDatabase || context == null || !Context.isOnEventLoopThread()) {
                return Uni.createFrom().item(Unchecked.supplier(answer::call));
            }
            // An operation that runs on the event loop: the shared counter is read on a worker, in the request's own
            // context, so its log lines keep the request's ids.
            return Uni.createFrom()
                    .completionStage(context.executeBlocking(answer, false).toCompletionStage());
        });
    }

    /** The answer for a request over its limit, or null to let it through; either way the headers say the limit. */
    private Response answer(String path, String policy, String caller, HttpServerRequest http, boolean inDatabase) {
        int quota = quota(policy);
        Bucket bucket = buckets.get(key(policy, quota, config.window(), caller), key -> bucket(key, quota, inDatabase));
        ConsumptionProbe probe;
        try {
            probe = bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // The shared store cannot be reached: the request goes on uncounted (it meets the database's own 503).
            LOG.warnf("Rate limit not counted for a request to %s: %s", path, e.getMessage());
            return null;
        }
        String policyHeader =
                "\"%s\";q=%d;w=%d".formatted(policy, quota, config.window().toSeconds());
        String remainingHeader = "\"%s\";r=%d;t=%d"
                .formatted(policy, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()));
        http.response().putHeader(POLICY, policyHeader).putHeader(REMAINING, remainingHeader);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        long window = config.window().toSeconds();
        LOG.infof("Refused a request to %s: the %s rate limit (%d per %d s) is used up", path, policy, quota, window);
        String whose = policy.equals(ANONYMOUS) ? "requests without a valid token" : "the " + policy + " role";
        return ProblemResponses.respondWith(ProblemType.TOO_MANY_REQUESTS.problem(
                        "You have used the %d requests per %d seconds allowed to %s; try again in %d seconds"
                                .formatted(quota, window, whose, retryAfter),
                        path))
                // RateLimit-Policy and RateLimit are on the response already, once.
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter))
                .build();
    }

    /**
     * What a caller's counter is kept under (hashed, in the shared store). The allowance is part of it: a changed
     * setting starts new counters rather than reading old ones.
     */
    static String key(String policy, int quota, Duration window, String caller) {
        return policy + " " + quota + "/" + window.toSeconds() + " " + caller;
    }

    /**
     * A caller's counter: in this replica's memory, or the shared one, which this replica adds to at least every
     * {@code sync-every} or after a fiftieth of the allowance. It is kept under a hash of the policy and caller.
     */
    private Bucket bucket(String key, int quota, boolean inDatabase) {
        BucketConfiguration limits = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(quota).refillGreedy(quota, config.window()))
                .build();
        if (!inDatabase) {
            return Bucket.builder().addLimit(limits.getBandwidths()[0]).build();
        }
        return shared.builder()
                .withOptimization(
                        Optimizations.delaying(new DelayParameters(Math.max(1, quota / 50), config.syncEvery())))
                .build(Secrets.hash(key), () -> limits);
    }

    /** The policy a caller is counted under: its highest role, or anonymous without a valid token. */
    static String policyOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        for (String role : new String[] {Roles.ADMIN, Roles.EDITOR, Roles.READER}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return ANONYMOUS;
    }

    static String callerOf(SecurityIdentity identity, HttpServerRequest http) {
        if (identity == null || identity.isAnonymous()) {
            return "address "
                    + (http.remoteAddress() == null
                            ? "unknown"
                            : http.remoteAddress().hostAddress());
        }
        return "subject " + identity.getPrincipal().getName();
    }

    private int quota(String policy) {
        return switch (policy) {
            case Roles.ADMIN -> config.admin();
            case Roles.EDITOR -> config.editor();
            case Roles.READER -> config.reader();
            default -> config.anonymous();
        };
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
