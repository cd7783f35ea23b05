package io.accords.http.problem;

import java.util.List;

/** A refusal that the service reports to the client as a problem detail. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> errors;
    private final List<RecordReference> agreements;
    private final Integer retryAfterSeconds;

    private ProblemException(
            ProblemType type, String detail, List<FieldViolation> errors, List<RecordReference> agreements) {
        this(type, detail, errors, agreements, null);
    }

    private ProblemException(
            ProblemType type,
            String detail,
            List<FieldViolation> errors,
            List<RecordReference> agreements,
            Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.agreements = agreements;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 429: the caller has more under way than it may; it may retry after the given seconds. */
    public static ProblemException tooMany(String detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail, null, null, retryAfterSeconds);
    }

    /** A 503: the service has more under way than it takes at once; retry after the given seconds. */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE, detail, null, null, retryAfterSeconds);
    }

    /** A 408: the request arrived too slowly to be waited for. */
    public static ProblemException requestTimeout(String detail) {
        return new ProblemException(ProblemType.REQUEST_TIMEOUT, detail, null, null);
    }

    /** Seconds after which a retry may succeed (the {@code Retry-After} header), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " has id " + id, null, null);
    }

    /** A 404 that says more than that no record has the id, such as that none existed at a past instant. */
    public static ProblemException notFoundBecause(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, null, null);
    }

    public static ProblemException invalid(List<FieldViolation> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid; see errors";
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, List.copyOf(errors), null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, null, null);
    }

    public static ProblemException conflict(String detail, List<RecordReference> agreements) {
        return new ProblemException(ProblemType.CONFLICT, detail, null, List.copyOf(agreements));
    }

    /**
     * A 409 for records in the way of a delete, listing those the caller may see. When others the caller may not see
     * are in the way too, it says only that: never how many, nor which.
     */
    public static ProblemException inTheWay(String detail, List<RecordReference> visible, boolean hiddenToo) {
        return conflict(hiddenToo ? detail + " (records you cannot see are in the way too)" : detail, visible);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail, null, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail, null, null);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail, null, null);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, detail, null, null);
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem(String instance) {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), instance, errors, agreements);
    }
}
