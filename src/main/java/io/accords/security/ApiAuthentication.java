package io.accords.security;

import io.accords.http.secrets.Secrets;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Everything under {@code /api} needs a valid bearer token, matched route or not, so that without one the API answers
 * 401 and nothing else (not even 404 or 405, which would map its routes). Roles are then checked by the
 * {@code @RolesAllowed} on each method; a method without one is denied
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
public class ApiAuthentication {

    private final CurrentIdentityAssociation identities;

    ApiAuthentication(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    /** Whether a request path is the API's, however many slashes separate its segments. */
    static boolean underApi(String path) {
        String normalized = SLASHES.matcher(path).replaceAll("/");
        return normalized.startsWith("/api/") || normalized.equals("/api");
    }

    /**
     * Whether the path ends in a secret the service minted (a calendar feed's address), which is then the request's
     * credential: its method must say {@code @PermitAll} and check the secret itself; every other method still denies a
     * request without a token.
     */
    static boolean bySecret(String path) {
        return SECRET_LAST.matcher(path).matches();
    }

    private static final Pattern SECRET_LAST = Pattern.compile("/api/v1/(?:[\\w-]+/)+" + Secrets.PATTERN);

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!underApi(path) || bySecret(path)) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .map(identity -> identity.isAnonymous() ? AuthProblems.missingToken(path) : null);
    }
}
