package io.accords.security;

import io.accords.problem.Problem;
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
        return unauthorized(ProblemType.UNAUTHORIZED.problem("Send a bearer token: Authorization: Bearer <JWT>",
                uri.getPath()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(ProblemType.FORBIDDEN.problem(
                "Your token's roles do not allow this; reading needs reader, writing editor, deleted records' history"
                        + " admin", uri.getPath())).build();
    }

    static Response unauthorized(Problem problem) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accords\"").entity(problem).build();
    }
}
