package io.accords.security;

import io.accords.problem.Problem;
import io.accords.problem.ProblemMappers;
import io.accords.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 with a {@code WWW-Authenticate} challenge and 403, both as problem details. */
public class AuthProblems {

    private static final Logger LOG = Logger.getLogger(AuthProblems.class);

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        LOG.debugf(e, "Token refused at %s", uri.getPath());
        return unauthorized(ProblemType.UNAUTHORIZED.problem("The bearer token is not valid: it may be expired,"
                + " unsigned, wrongly signed, or for another issuer or audience; get a new one", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return missingToken(uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMappers.respond(ProblemType.FORBIDDEN.problem("Your token's roles do not allow this; reading"
                + " needs reader, writing editor, deleted records' history admin", uri.getPath()));
    }

    /** The 401 for a request that sent no token. */
    static Response missingToken(String path) {
        return unauthorized(ProblemType.UNAUTHORIZED.problem("Send a bearer token: Authorization: Bearer <JWT>", path));
    }

    private static Response unauthorized(Problem problem) {
        return ProblemMappers.respondWith(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accords\"").build();
    }
}
