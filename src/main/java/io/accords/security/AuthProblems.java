package io.accords.security;

import io.accords.http.problem.Problem;
import io.accords.http.problem.ProblemResponses;
import io.accords.http.problem.ProblemType;
import io.accords.http.secrets.Secrets;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/** 401 with a {@code WWW-Authenticate} challenge and 403, both as problem details. */
public class AuthProblems {

    private static final Logger LOG = Logger.getLogger(AuthProblems.class);

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        LOG.debugf(e, "Token refused at %s", path(uri));
        return unauthorized(ProblemType.UNAUTHORIZED.problem(why(e), path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return missingToken(uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.respond(ProblemType.FORBIDDEN.problem(
                "Your token's roles do not allow this; reading"
                        + " needs reader, writing editor, deleted records' history admin",
                path(uri)));
    }

    private static final String NOT_YET_VALID =
            "The bearer token is not valid yet: it was issued in the future; check the clock that made it";

    /** Why a token was refused, as precisely as the verification says, so the caller knows what to fix. */
    static String why(Throwable refusal) {
        for (Throwable t = refusal; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException jwt) {
                if (jwt.hasExpired()) {
                    return "The bearer token has expired; get a new one";
                }
                if (jwt.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || jwt.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "The bearer token is not signed by a key this service trusts; get one from the identity"
                            + " provider it is configured with (MP_JWT_VERIFY_PUBLICKEY_LOCATION)";
                }
                if (jwt.hasErrorCode(ErrorCodes.ISSUER_INVALID) || jwt.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "The bearer token is from another issuer than the one this service trusts";
                }
                if (jwt.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || jwt.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "The bearer token is for another audience; ask for one for this service";
                }
                if (jwt.hasErrorCode(ErrorCodes.NOT_YET_VALID)
                        || jwt.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
                    return NOT_YET_VALID;
                }
            }
            if (TokenTimes.ISSUED_IN_THE_FUTURE.equals(t.getMessage())) {
                return NOT_YET_VALID;
            }
        }
        return "The bearer token cannot be read as a signed JWT (it is malformed or unsigned); send"
                + " Authorization: Bearer <JWT>";
    }

    /** The 401 for a request that sent no token. */
    static Response missingToken(String path) {
        return unauthorized(ProblemType.UNAUTHORIZED.problem(
                "Send a bearer token: Authorization: Bearer <JWT>", Secrets.redact(path)));
    }

    /** The request's path, with any secret the service minted left out. */
    private static String path(UriInfo uri) {
        return Secrets.redact(uri.getPath());
    }

    private static Response unauthorized(Problem problem) {
        return ProblemResponses.respondWith(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"accords\"")
                .build();
    }
}
