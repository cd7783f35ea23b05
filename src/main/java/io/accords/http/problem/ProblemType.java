package io.accords.http.problem;

/** The kinds of problem this service reports, each with a stable type URI and a human title. */
public enum ProblemType {
    INVALID_REQUEST(400, "Request is not valid"),
    MALFORMED_JSON(400, "Body is not valid JSON"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    REQUEST_TIMEOUT(408, "Request arrived too slowly"),
    CONFLICT(409, "Conflicts with existing records"),
    PRECONDITION_FAILED(412, "Record has changed"),
    PAYLOAD_TOO_LARGE(413, "Body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Request cannot be processed"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A relative URI reference, documented in README and the OpenAPI document. */
    public String uri() {
        return "/problems/" + name().toLowerCase().replace('_', '-');
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_JSON) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }

    public Problem problem(String detail, String instance) {
        return new Problem(uri(), title, status, detail, instance, null, null);
    }
}
