package io.accords.http;

import io.accords.http.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page}, {@code size} and {@code sort} query parameters shared by every collection. Page and size are read
 * as text and checked here, so that {@code size=ten} is a 400 that names the parameter rather than the 404 JAX-RS
 * gives for a query parameter it cannot convert.
 */
@RegisterForReflection(fields = true)
public class PageParams {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;
    private static final String WHOLE_NUMBER = "\\d{1,9}";

    @QueryParam("page")
    @DefaultValue("1")
    @Pattern(regexp = WHOLE_NUMBER, message = "must be a whole number from 1 to " + MAX_PAGE)
    @Min(value = 1, message = "must be a whole number from 1 to " + MAX_PAGE)
    @Max(value = MAX_PAGE, message = "must be a whole number from 1 to " + MAX_PAGE)
    @Parameter(
            description = "Page number, starting at 1",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000000", defaultValue = "1"),
            example = "1")
    public String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = WHOLE_NUMBER, message = "must be a whole number between 1 and " + MAX_SIZE)
    @Min(value = 1, message = "must be a whole number between 1 and " + MAX_SIZE)
    @Max(value = MAX_SIZE, message = "must be a whole number between 1 and " + MAX_SIZE)
    @Parameter(
            description = "Items per page, 1 to " + MAX_SIZE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"),
            example = "20")
    public String size;

    @QueryParam("sort")
    @Size(max = 5, message = "takes at most 5 keys")
    @Parameter(
            description = "Sort keys, comma-separated or repeated; a leading - sorts descending; each"
                    + " collection lists its keys")
    public List<String> sort;

    public PageParams() {}

    public PageParams(int page, int size, List<String> sort) {
        this.page = String.valueOf(page);
        this.size = String.valueOf(size);
        this.sort = sort;
    }

    public int page() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    /** The zero-based page index Panache expects. */
    public int index() {
        return page() - 1;
    }

    /** Refuses a sort on a collection listed in one order only, saying which ({@code why}). */
    public void refuseSort(String why) {
        if (sort != null && !sort.isEmpty()) {
            throw ProblemException.invalid("sort", why);
        }
    }
}
