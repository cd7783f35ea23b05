package io.accords.search;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code cursor} and {@code size} query parameters of the sync walk. Size is read as text and checked here, like
 * {@link io.accords.http.PageParams}, so a bad value is a 400 naming the parameter.
 */
@RegisterForReflection(fields = true)
public class SyncParams {

    public static final int MAX_SIZE = 500;
    private static final String SIZE_RULE = "must be a whole number between 1 and " + MAX_SIZE;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page; none to start")
    public String cursor;

    @QueryParam("size")
    @DefaultValue("100")
    @Pattern(regexp = "\\d{1,9}", message = SIZE_RULE)
    @Min(value = 1, message = SIZE_RULE)
    @Max(value = MAX_SIZE, message = SIZE_RULE)
    @Parameter(
            description = "Items per step, 1 to " + MAX_SIZE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"),
            example = "20")
    public String size;

    public Optional<SyncCursor> position() {
        return SyncCursor.parse(cursor);
    }

    public int size() {
        return Integer.parseInt(size);
    }
}
