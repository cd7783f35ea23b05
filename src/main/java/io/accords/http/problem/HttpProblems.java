package io.accords.http.problem;

import static io.accords.http.problem.ProblemResponses.path;
import static io.accords.http.problem.ProblemResponses.respond;
import static io.accords.http.problem.ProblemResponses.respondWith;
import static io.accords.http.problem.ProblemResponses.unavailable;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The service's own refusals (ProblemException), what the HTTP layer refuses (404, 405 with Allow, 406, 413, 415), and
 * the last resort for anything else; so no client ever sees a stack trace, an HTML page or an empty error body.
 */
public class HttpProblems {

    private static final Logger LOG = Logger.getLogger(HttpProblems.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.retryAfterSeconds() != null) {
            return respondWith(e.toProblem(path(uri)))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                    .build();
        }
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return respond(JsonProblems.jsonProblem(cause, path(uri)));
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        // A path two resources share (an agreement's, and its milestones' under it) that neither serves for this
        // method: Quarkus REST, having tried both, answers 404, yet the path is there for other methods.
        boolean notAllowed = e instanceof NotAllowedException
                || (status == 404
                        && !(e.getCause() instanceof IllegalArgumentException)
                        && !AllowedMethods.at(path(uri)).isEmpty());
        if (notAllowed) {
            status = 405;
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 ->
                e.getCause() instanceof IllegalArgumentException || AllowedMethods.isRecordPathWithBadId(path(uri))
                        ? "'" + lastSegment(uri) + "' is not a valid id; ids are UUIDs"
                        : "Nothing is served at " + path(uri) + "; the API lives under /api/v1";
            case 405 ->
                "This resource does not accept " + request.getMethod() + "; it accepts "
                        + String.join(", ", AllowedMethods.at(path(uri)));
            case 415 ->
                "Content-Type " + describeMediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE))
                        + " is not accepted here; send "
                        + offered(AllowedMethods.consumed(path(uri), request.getMethod()), "application/json");
            case 406 ->
                "This operation cannot answer in any of the types in Accept; it answers in "
                        + offered(AllowedMethods.produced(path(uri), request.getMethod()), "application/json")
                        + ", and its refusals in application/problem+json";
            case 413 -> "The body is larger than this service accepts";
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder =
                respondWith(new Problem(type.uri(), type.title(), status, detail, path(uri), null, null));
        if (notAllowed) {
            builder.allow(AllowedMethods.at(path(uri)));
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e, UriInfo uri) {
        return fault(e, uri);
    }

    /**
     * The answer to anything no other mapper knows: a database outage, rows held by another write, or a time-out (503),
     * else a logged 500.
     */
    static Response fault(Throwable e, UriInfo uri) {
        if (PersistenceProblems.databaseUnreachable(e)) {
            LOG.warnf("Database unreachable at %s: %s", path(uri), e.getMessage());
            return unavailable(
                    5,
                    "The database cannot be reached just now; nothing was written. Retry in a few" + " seconds",
                    uri);
        }
        if (PersistenceProblems.lockConflict(e)) {
            LOG.infof("Write held up by another at %s: %s", path(uri), e.getMessage());
            return unavailable(
                    1,
                    "Another write held the records this request writes for too long; nothing was written. Retry in a"
                            + " second",
                    uri);
        }
        if (PersistenceProblems.timedOut(e)) {
            LOG.warnf("Transaction timed out at %s: %s", path(uri), e.getMessage());
            return unavailable(
                    30,
                    "The request took longer than the service allows"
                            + " (QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT) and was rolled back; narrow the"
                            + " filters, or retry when the service is less busy",
                    uri);
        }
        if (PersistenceProblems.unstorableText(e)) {
            return respond(ProblemException.invalid(
                            "body",
                            PersistenceProblems.UNSTORABLE_TEXT + "; nothing was written. Remove it and send again")
                    .toProblem(path(uri)));
        }
        LOG.errorf(e, "Unexpected failure at %s", path(uri));
        return respond(ProblemType.INTERNAL_ERROR.problem(
                "The service failed to handle this request; it has been logged", path(uri)));
    }

    /**
     * The last segment of the path as the client sent it (still percent-encoded): decoding it again, as
     * {@code UriInfo.getPathSegments()} does, throws on a segment that decodes to a lone {@code %}.
     */
    private static String lastSegment(UriInfo uri) {
        String raw = path(uri);
        return raw == null ? "" : raw.substring(raw.lastIndexOf('/') + 1);
    }

    /** The media types an operation offers, in words: "a or b". */
    private static String offered(java.util.Set<String> types, String otherwise) {
        return types.isEmpty() ? otherwise : String.join(" or ", types);
    }

    private static String describeMediaType(String type) {
        return type == null ? "(none)" : "'" + type + "'";
    }
}
