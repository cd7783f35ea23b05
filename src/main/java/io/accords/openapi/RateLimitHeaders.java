package io.accords.openapi;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents what {@code security.RateLimits} sends: the IETF {@code RateLimit-Policy} and {@code RateLimit} headers
 * on every success and client-error answer of the API, and {@code Retry-After} on a 429 and a 503; and CORS's
 * {@code Access-Control-Allow-Origin}, which an answer carries only for a browser origin the service is configured to
 * allow.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String REMAINING = "RateLimit";
    static final String RETRY_AFTER = "Retry-After";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String REF = "#/components/headers/";

    private static final int MAX_LENGTH = 2000;

    private RateLimitHeaders() {}

    static void document(OpenAPI openAPI) {
        openAPI.getComponents()
                .addHeader(
                        ALLOW_ORIGIN,
                        header(
                                "Only for a browser calling from an origin listed in QUARKUS_HTTP_CORS_ORIGINS (none by"
                                        + " default): that origin",
                                "https://analyst.example.org"))
                .addHeader(
                        POLICY,
                        header(
                                "The caller's rate limit policy (IETF draft-ietf-httpapi-ratelimit-headers): its name"
                                        + " (the caller's highest role, or anonymous), quota q and window w in seconds",
                                "\"reader\";q=600;w=60"))
                .addHeader(
                        REMAINING,
                        header(
                                "What is left of the policy: r requests, and t seconds until the allowance is whole"
                                        + " again",
                                "\"reader\";r=599;t=1"))
                .addHeader(
                        RETRY_AFTER,
                        OASFactory.createHeader()
                                .description("Seconds to wait before trying again")
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.INTEGER)
                                        .format("int32")
                                        .minimum(BigDecimal.ONE)
                                        .maximum(BigDecimal.valueOf(Integer.MAX_VALUE)))
                                .example(12));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                for (Map.Entry<String, APIResponse> response :
                        operation.getResponses().getAPIResponses().entrySet()) {
                    String status = response.getKey();
                    // A shared response (components/responses) carries the headers for every operation that refers
                    // to it, each with the same status.
                    String ref = response.getValue().getRef();
                    APIResponse described = ref == null
                            ? response.getValue()
                            : openAPI.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
                    described.addHeader(ALLOW_ORIGIN, OASFactory.createHeader().ref(REF + ALLOW_ORIGIN));
                    if (status.startsWith("2") || status.startsWith("4")) {
                        described.addHeader(POLICY, OASFactory.createHeader().ref(REF + POLICY));
                        described.addHeader(REMAINING, OASFactory.createHeader().ref(REF + REMAINING));
                    }
                    if (status.equals("429") || status.equals("503")) {
                        described.addHeader(
                                RETRY_AFTER, OASFactory.createHeader().ref(REF + RETRY_AFTER));
                    }
                }
            });
        });
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .maxLength(100))
                .example(example);
    }
}
