package io.accords.http.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * What every request meets before anything else: answers that must never be cached or sniffed, a 400 problem for
 * requests the API cannot answer safely (no {@code Host}, which HTTP/1.1 requires; two {@code Authorization}
 * headers, so no single identity), and metrics route tags that stay few and readable: one for every API path that
 * matches no route, and templates without their parameters' patterns.
 */
@ApplicationScoped
public class RequestGuard {

    /** The route tag requests get until the REST layer matches a route; a path no route matches keeps it. */
    static final String UNMATCHED = "/api/{unmatched}";
    /** Where Quarkus REST and Micrometer keep a request's route template. */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    private static final String NO_HOST = "Send a Host header: HTTP/1.1 requires one";

    private static final Pattern PARAMETER_PATTERN = Pattern.compile("\\{\\s*(\\w+)\\s*:[^/]*}(?=/|$)");

    private final ObjectMapper json;

    RequestGuard(ObjectMapper json) {
        this.json = json;
    }

    /**
     * A route template as metrics and idempotency scopes show it: without a path parameter's pattern (the id's UUID
     * form).
     */
    public static String withoutParameterPatterns(String template) {
        return PARAMETER_PATTERN.matcher(template).replaceAll("{$1}");
    }

    void install(@Observes Router router) {
        // Vert.x fails an HTTP/1.1 request without Host before any route runs: answered here as a problem too,
        // rather than as the framework's own error body (logged as an error of the service).
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 400
                    && context.request().authority() == null
                    && !context.response().headWritten()) {
                BodySizeGuard.refuse(context, ProblemType.INVALID_REQUEST, NO_HOST, json);
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            var response = context.response();
            response.putHeader("X-Content-Type-Options", "nosniff");
            boolean api =
                    context.request().path() != null && context.request().path().startsWith("/api");
            if (api) {
                response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                if (context.request() instanceof HttpServerRequestInternal internal) {
                    Context request = internal.context();
                    request.putLocal(ROUTE_TEMPLATE, UNMATCHED);
                    context.addHeadersEndHandler(end -> {
                        if (request.getLocal(ROUTE_TEMPLATE) instanceof String template && template.contains(":")) {
                            request.putLocal(ROUTE_TEMPLATE, withoutParameterPatterns(template));
                        }
                    });
                }
            }
            if (context.request().authority() == null
                    || context.request().authority().host().isBlank()) {
                BodySizeGuard.refuse(context, ProblemType.INVALID_REQUEST, NO_HOST, json);
                return;
            }
            int authorizations = context.request()
                    .headers()
                    .getAll(HttpHeaders.AUTHORIZATION)
                    .size();
            if (authorizations > 1) {
                BodySizeGuard.refuse(
                        context,
                        ProblemType.INVALID_REQUEST,
                        "Send one Authorization header, not " + authorizations,
                        json);
                return;
            }
            String encoding = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
            if (encoding != null && !encoding.strip().equalsIgnoreCase("chunked")) {
                BodySizeGuard.refuse(
                        context,
                        ProblemType.INVALID_REQUEST,
                        "Transfer-Encoding '" + encoding + "' is not one this service reads; send the body chunked, or"
                                + " with Content-Length",
                        json);
                return;
            }
            if (api && carriesBody(context) && context.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
                BodySizeGuard.refuse(
                        context,
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "The body has no Content-Type; say what it is: application/json (application/merge-patch+json"
                                + " for PATCH, application/x-ndjson or text/csv for an import)",
                        json);
                return;
            }
            context.next();
        });
    }

    /** Whether the request sends a body: a length above zero, or chunks. */
    private static boolean carriesBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}
