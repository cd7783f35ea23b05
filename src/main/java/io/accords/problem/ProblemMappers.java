package io.accords.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem detail, so that no client ever sees a stack trace, an HTML page or an
 * empty error body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Set<String> SERVICE_FIELDS = Set.of("id", "version", "createdAt", "updatedAt", "countries");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .distinct()
                .toList();
        return respond(ProblemException.invalid(errors).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    /** Quarkus' own Jackson mapper for this type answers with an empty body; this one says which field is wrong. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleRecord(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleRecord(uri);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (concurrentWrite(e)) {
            LOG.debugf(e, "Write refused by a database constraint at %s", path(uri));
            return respond(ProblemType.CONFLICT.problem(
                    "The write conflicts with a record written at the same time; read it again and retry", path(uri)));
        }
        if (causedBy(e, StaleStateException.class) || causedBy(e, OptimisticLockException.class)) {
            return staleRecord(uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return respond(jsonProblem(cause, path(uri)));
        }
        Response original = e.getResponse();
        int status = original.getStatus();
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
                        + ("PATCH".equals(request.getMethod())
                                ? "application/merge-patch+json (a JSON merge patch, RFC 7396)"
                                : "application/json");
            case 406 -> "This resource cannot answer in any of the types in Accept; ask for application/json";
            case 413 -> "The body is larger than this service accepts";
            default -> e.getMessage();
        };
        Response.ResponseBuilder builder =
                respondWith(new Problem(type.uri(), type.title(), status, detail, path(uri), null, null));
        if (e instanceof NotAllowedException) {
            builder.allow(AllowedMethods.at(path(uri)));
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnreachable(e)) {
            LOG.warnf("Database unreachable at %s: %s", path(uri), e.getMessage());
            return unavailable(
                    5,
                    "The database cannot be reached just now; nothing was written. Retry in a few" + " seconds",
                    uri);
        }
        if (timedOut(e)) {
            LOG.warnf("Transaction timed out at %s: %s", path(uri), e.getMessage());
            return unavailable(
                    30,
                    "The request took longer than the service allows"
                            + " (QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT) and was rolled back; narrow the"
                            + " filters, or retry when the service is less busy",
                    uri);
        }
        LOG.errorf(e, "Unexpected failure at %s", path(uri));
        return respond(ProblemType.INTERNAL_ERROR.problem(
                "The service failed to handle this request; it has been logged", path(uri)));
    }

    private Response staleRecord(UriInfo uri) {
        return respond(ProblemType.PRECONDITION_FAILED.problem(
                "The record was changed by someone else while this request ran; read it again and retry", path(uri)));
    }

    public static Response respond(Problem problem) {
        return respondWith(problem).build();
    }

    /** A problem response still open for headers such as {@code Retry-After} or {@code WWW-Authenticate}. */
    public static Response.ResponseBuilder respondWith(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static Response unavailable(int retryAfterSeconds, String detail, UriInfo uri) {
        return respondWith(ProblemType.SERVICE_UNAVAILABLE.problem(detail, path(uri)))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static Problem jsonProblem(JsonProcessingException e, String instance) {
        JsonProcessingException syntax = syntaxError(e);
        if (syntax == null && e instanceof JsonMappingException mapping) {
            return ProblemException.invalid(fieldPath(mapping), describe(mapping))
                    .toProblem(instance);
        }
        e = syntax == null ? e : syntax;
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return ProblemType.MALFORMED_JSON.problem(
                "The body is not well-formed JSON: " + plain(e.getOriginalMessage()) + where, instance);
    }

    /** Where a parser's message stops speaking of the body and starts speaking of the parser's own settings. */
    private static final Pattern PARSER_INTERNALS = Pattern.compile(
            "\\s*(\\(for |, from `|: enable `|\\(not recognized as one since|\\(through reference chain)|\\s*at \\[Source");

    private static final Pattern CODE_NAMES = Pattern.compile(
            "`[^`]*`|\\b[a-z]+(\\.[a-z]\\w*)+\\.[A-Z][\\w$]*\\b" + "|\\b[A-Z]\\w*(\\.[A-Za-z_]\\w*)*\\.\\w+\\(\\)");

    /**
     * A parser's message in the user's terms: without what it says about its own configuration (which setting would
     * allow this, which constraint class set the limit) and without class or method names.
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        java.util.regex.Matcher internals = PARSER_INTERNALS.matcher(message);
        String body = internals.find() ? message.substring(0, internals.start()) : message;
        String plain = CODE_NAMES
                .matcher(body)
                .replaceAll("a value")
                .replaceAll("\\s+", " ")
                .strip();
        return plain.chars().filter(c -> c == '(').count()
                        > plain.chars().filter(c -> c == ')').count()
                ? plain + ")"
                : plain;
    }

    /** The error that makes the body not JSON at all, as opposed to JSON of the wrong shape; null if none. */
    private static JsonProcessingException syntaxError(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException parse) {
                return parse;
            }
        }
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Trailing token") ? e : null;
    }

    /**
     * The last segment of the path as the client sent it (still percent-encoded): decoding it again, as
     * {@code UriInfo.getPathSegments()} does, throws on a segment that decodes to a lone {@code %}.
     */
    private static String lastSegment(UriInfo uri) {
        String raw = path(uri);
        return raw == null ? "" : raw.substring(raw.lastIndexOf('/') + 1);
    }

    private static String describeMediaType(String type) {
        return type == null ? "(none)" : "'" + type + "'";
    }

    /**
     * A connection that could not be made, was lost, or was not free within the pool's acquisition timeout, or a
     * server shutting down, starting up or out of connections: the database is down or overloaded, which a client
     * should retry, not a fault of the service.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || (t instanceof java.sql.SQLException sql
                            && (unavailableState(sql.getSQLState())
                                    || String.valueOf(sql.getMessage()).contains("Acquisition timeout")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (the server is shutting down, crashed, or not yet accepting
     * connections: PostgreSQL ends open sessions with these when it stops) and 53300 (too many connections).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }

    /**
     * A unique key or a reference broken by a write that ran at the same time (SQLSTATE 23505, 23503): the client
     * should read again and retry. Any other refusal by the database (a CHECK, a NOT NULL) means the service sent
     * what it never should, and is reported as the service's fault, never as a conflict.
     */
    static boolean concurrentWrite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String state = violation.getSQLState();
                return "23505".equals(state) || "23503".equals(state);
            }
        }
        return false;
    }

    /** The transaction outlived its timeout and was rolled back, or a statement hit its query timeout. */
    static boolean timedOut(Throwable e) {
        return causedBy(e, jakarta.transaction.RollbackException.class)
                || causedBy(e, jakarta.persistence.QueryTimeoutException.class)
                || causedBy(e, org.hibernate.QueryTimeoutException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A violation's path as a client wrote it: {@code parties[0].role}, or a parameter's name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = String.valueOf(unknown.getPropertyName());
            return SERVICE_FIELDS.contains(name)
                    ? "is set by the service and cannot be sent"
                    : "is not a field of this resource";
        }
        if (e instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of "
                    + Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))
                    + ", not '" + invalid.getValue() + "'";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describeType(mismatch.getTargetType());
        }
        return "cannot be read: " + plain(e.getOriginalMessage());
    }

    private static String describeType(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
