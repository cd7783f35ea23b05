package io.accords.http;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code count} query parameter of a collection whose total can be costly: bounded (the default) or exact. */
@RegisterForReflection(fields = true)
public class CountParam {

    public static final String BOUNDED = "bounded";
    public static final String EXACT = "exact";

    @QueryParam("count")
    @Pattern(regexp = BOUNDED + "|" + EXACT, message = "must be bounded or exact")
    @Parameter(
            description = "How the total is counted. bounded (the default): exactly up to the service's bound"
                    + " (10,000 unless configured), beyond it total is the bound and totalRelation is gte, which costs"
                    + " at most a read of that many ids. exact: every match is counted, which on a large registry"
                    + " costs as much as reading them all",
            schema =
                    @Schema(
                            enumeration = {BOUNDED, EXACT},
                            defaultValue = BOUNDED))
    public String count;

    public boolean exact() {
        return EXACT.equals(count);
    }
}
