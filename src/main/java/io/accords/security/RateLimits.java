package io.accords.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.accords.config.AccordsConfig;
import io.accords.http.problem.ProblemResponses;
import io.accords.http.problem.ProblemType;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate limits per caller, counted by Bucket4j token buckets: a token's subject gets its highest role's allowance, a
 * request without a valid token its client address's. Every API answer says the caller's policy and what is left of
 * it in the IETF {@code RateLimit-Policy} and {@code RateLimit} headers; a request over the limit gets 429 with
 * {@code Retry-After}. It runs before the token check, so guessing tokens is limited too. The counters live in each
 * replica's memory: behind N replicas a caller may make up to N times its allowance (README, "Rate limits").
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

    RateLimits(AccordsConfig config, CurrentIdentityAssociation identities) {
        this.config = config.rateLimit();
        this.identities = identities;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(this.config.callers())
                .expireAfterAccess(this.config.window().multipliedBy(2))
                .build();
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!config.enabled() || !ApiAuthentication.underApi(path)) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .map(identity -> answer(path, policyOf(identity), callerOf(identity, http), http));
    }

    /** The answer for a request over its limit, or null to let it through; either way the headers say the limit. */
    private Response answer(String path, String policy, String caller, HttpServerRequest http) {
        int quota = quota(policy);
        Bucket bucket = buckets.get(
                policy + " " + caller,
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(quota).refillGreedy(quota, config.window()))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
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

    private static String callerOf(SecurityIdentity identity, HttpServerRequest http) {
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
