package io.accords.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with a 413 problem detail: before reading it
 * when its declared length is too large, and in place of the HTTP layer's empty 413 when a chunked body runs past the
 * limit.
 */
@ApplicationScoped
public class BodySizeGuard {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /** Every API body but an import's: JSON documents of one record. */
    public static final long LIMIT = 1024 * 1024;

    /** The paths whose bodies are streamed, each with its own limit, as the features that serve them declare. */
    private final Map<String, Long> streamed;

    private final ObjectMapper json;

    BodySizeGuard(Instance<StreamedBody> streamed, ObjectMapper json) {
        this.streamed =
                streamed.stream().collect(Collectors.toUnmodifiableMap(StreamedBody::path, StreamedBody::limit));
        this.json = json;
    }

    private long limitFor(RoutingContext context) {
        return streamed.getOrDefault(context.request().path(), LIMIT);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long limit = limitFor(context);
            if (declared != null && exceeds(declared, limit)) {
                refuse(context, "The body declares " + declared + " bytes; this service accepts at most " + limit);
                return;
            }
            context.next();
        });
        // A chunked body declares no length: API bodies are read whole (they are small JSON documents) by a body
        // handler that fails the request with 413 once the limit is passed, and the failure becomes a problem.
        BodyHandler chunkedBodies =
                BodyHandler.create(false).setBodyLimit(LIMIT).setHandleFileUploads(false);
        router.route("/api/*").order(Integer.MIN_VALUE + 2).handler(context -> {
            if (!context.request().headers().contains(HttpHeaders.CONTENT_LENGTH)
                    && WITH_BODY.contains(context.request().method())
                    && !streamed.containsKey(context.request().path())) {
                chunkedBodies.handle(context);
            } else {
                context.next();
            }
        });
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().ended()) {
                refuse(context, "The body is larger than the " + limitFor(context) + " bytes this service accepts");
                return;
            }
            context.next();
        });
    }

    private void refuse(RoutingContext context, String detail) {
        refuse(context, ProblemType.PAYLOAD_TOO_LARGE, detail, json);
    }

    /** Ends the exchange with a problem, before the request reaches the REST layer, and closes the connection. */
    static void refuse(RoutingContext context, ProblemType type, String detail, ObjectMapper json) {
        Problem problem = type.problem(detail, context.request().path());
        context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(write(problem, json));
    }

    private static boolean exceeds(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String write(Problem problem, ObjectMapper json) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
