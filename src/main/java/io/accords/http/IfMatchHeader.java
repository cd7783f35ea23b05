package io.accords.http;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code If-Match} header every change must send, declared and documented once for every write. */
@RegisterForReflection(fields = true)
public class IfMatchHeader {

    @HeaderParam(HttpHeaders.IF_MATCH)
    @Parameter(
            description = "ETag of the version this change is based on (required; quoted, as the ETag header gives it;"
                    + " a list matches if any entry does)",
            required = true,
            example = "\"0\"")
    public String value;

    /** The versions it names; 428 when it is missing or {@code *}. */
    public Versions.IfMatch versions() {
        return Versions.ifMatch(value);
    }
}
