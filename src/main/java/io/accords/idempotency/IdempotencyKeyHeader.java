package io.accords.idempotency;

import io.accords.http.problem.RequestGuard;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code Idempotency-Key} header a create may send, declared and documented once, with the scope a key belongs to:
 * the method and route the request matched, read from the resource's own annotations rather than written again.
 */
@RegisterForReflection(fields = true)
public class IdempotencyKeyHeader {

    @HeaderParam(IdempotentCreates.HEADER)
    @Parameter(
            description = "Any unique value (a UUID): a retry with the same key and body answers with the record it"
                    + " created, as you may see it now, and creates nothing; the same key with another body answers"
                    + " 422. Kept 24 hours. Swagger UI fills in an example key, so that trying a create twice makes"
                    + " one record: change the key (or clear it) to make another.",
            example = "swagger-ui-example")
    public String value;

    @Context
    ResourceInfo resource;

    @Context
    Request request;

    /**
     * Where the key applies: {@code POST /api/v1/agreements}, or {@code POST /api/v1/agreements/{agreementId}/milestones}
     * (a path parameter without the pattern its id must match, which would not fit the stored scope).
     */
    public String scope() {
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String route = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        return request.getMethod() + " " + RequestGuard.withoutParameterPatterns(route);
    }
}
