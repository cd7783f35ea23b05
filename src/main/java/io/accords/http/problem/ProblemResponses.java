package io.accords.http.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Problem responses as every mapper and filter builds them: the media type, and headers such as Retry-After. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static Response respond(Problem problem) {
        return respondWith(problem).build();
    }

    /** A problem response still open for headers such as {@code Retry-After} or {@code WWW-Authenticate}. */
    public static Response.ResponseBuilder respondWith(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    static Response unavailable(int retryAfterSeconds, String detail, UriInfo uri) {
        return respondWith(ProblemType.SERVICE_UNAVAILABLE.problem(detail, path(uri)))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .build();
    }

    /** The request's path as the client sent it, with any secret the service minted left out (problems and logs). */
    static String path(UriInfo uri) {
        return uri == null
                ? null
                : io.accords.http.secrets.Secrets.redact(uri.getRequestUri().getRawPath());
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return anyCause(e, type::isInstance);
    }

    /** Whether the failure or any of its causes is one the test accepts. */
    static boolean anyCause(Throwable e, java.util.function.Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
