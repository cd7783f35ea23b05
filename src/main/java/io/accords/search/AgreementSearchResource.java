package io.accords.search;

import io.accords.agreement.AgreementView;
import io.accords.http.CountParam;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.PublicUrls;
import io.accords.http.QueryParameterTable;
import io.accords.http.Responses;
import io.accords.http.problem.ProblemException;
import io.accords.openapi.SchemaExample;
import io.accords.openapi.TextExample;
import io.accords.search.AgreementExport.Format;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for reading agreements by filter: the list, facet counts, the sync walk and the export. */
@Path("/api/v1/agreements")
@Tag(name = "Agreements")
@SchemaExample(schema = "AgreementFacets", value = SearchExamples.FACETS)
@SchemaExample(schema = "SyncPage", value = SearchExamples.SYNC_PAGE)
@TextExample(name = "ndjson", value = SearchExamples.NDJSON)
public class AgreementSearchResource {

    private static final List<Variant> VARIANTS = Variant.mediaTypes(
                    MediaType.valueOf(AgreementExport.CSV), MediaType.valueOf(AgreementExport.NDJSON))
            .build();

    private final AgreementSearchService search;
    private final AgreementExport export;

    AgreementSearchResource(AgreementSearchService search, AgreementExport export) {
        this.search = search;
        this.export = export;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = QueryParameterTable.EXTENSION, value = AgreementFilters.NAME)
    @Operation(
            operationId = "listAgreements",
            summary = "List and search agreements",
            description = "Pages through the agreements matching every filter given (none: all of them), newest"
                    + " signature first by default, most relevant first when q is given. Sort keys: title, type,"
                    + " status, announced, signed, effective, expires, createdAt, updatedAt, and relevance (only with"
                    + " q); prefix with - for descending; agreements without the date sort last. With q, each item"
                    + " carries a snippet showing where the words were found. The order always ends with the id, so pages never overlap. Link headers give the first,"
                    + " prev, next and last pages. The total is exact up to a bound (10,000 unless configured);"
                    + " beyond it the answer says totalRelation gte and gives no last link, unless count=exact asks"
                    + " for every match to be counted. For deep pages, follow nextCursor (after=), which costs what"
                    + " the first page costs however deep it is; Link: next uses it (the relevance order pages by"
                    + " number).")
    @APIResponse(responseCode = "200", description = "One page of agreements")
    public RestResponse<PageView<AgreementView>> list(
            @BeanParam @Valid PageParams page,
            @BeanParam @Valid CountParam count,
            @BeanParam AfterParam after,
            @Parameter(hidden = true) @Context UriInfo uri) {
        PageView<AgreementView> result = search.list(
                AgreementFilter.parse(uri.getQueryParameters()),
                page,
                count.exact(),
                after.cursor(),
                uri.getQueryParameters().containsKey("page"));
        return Responses.page(uri, result);
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("facets")
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = QueryParameterTable.EXTENSION, value = AgreementFilters.NAME)
    @Operation(
            operationId = "countAgreementFacets",
            summary = "Count agreements by sector, mode, country and more",
            description = "Takes the same filters as listAgreements and counts the matching agreements by sector,"
                    + " cooperation mode, country, type, status and year of signature, most frequent first. A count"
                    + " is the total listAgreements gives with that value added to the filters (for a parameter"
                    + " already in the filters, whose values are alternatives, it counts the matching agreements"
                    + " that have the value). Exact up to the count bound (10,000 unless configured); beyond it the"
                    + " counts are made on a random sample of the matches, scaled to an estimated total, and the answer"
                    + " says approximate with its sampleSize.")
    @APIResponse(responseCode = "200", description = "The counts")
    public AgreementFacets facets(@Parameter(hidden = true) @Context UriInfo uri) {
        return search.facets(AgreementFilter.parse(uri.getQueryParameters()));
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("sync")
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = QueryParameterTable.EXTENSION, value = AgreementFilters.NAME)
    @Operation(
            operationId = "syncAgreements",
            summary = "Walk agreements in the order they changed",
            description = "For services that keep a copy: takes the same filters as listAgreements and returns the"
                    + " matching agreements ordered by their last change (then id), after the cursor. Start without a"
                    + " cursor, pass each page's nextCursor to continue, and keep the last one to ask later for what"
                    + " changed since: records inserted or changed meanwhile come after it, so the walk never repeats"
                    + " or skips a record. Deletions do not appear.")
    @APIResponse(responseCode = "200", description = "The next agreements")
    public RestResponse<SyncPage> sync(
            @BeanParam @Valid SyncParams step, @Parameter(hidden = true) @Context UriInfo uri) {
        SyncStep found = search.after(AgreementFilter.parse(uri.getQueryParameters()), step.position(), step.size());
        String nextCursor = found.position().map(SyncCursor::toString).orElse("");
        String next = PublicUrls.request(uri)
                .replaceQueryParam("cursor", nextCursor)
                .build()
                .toString();
        return RestResponse.ResponseBuilder.ok(new SyncPage(found.items(), step.size(), nextCursor))
                .header("Link", "<" + next + ">; rel=\"next\"")
                .build();
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("export")
    @Produces({AgreementExport.CSV, AgreementExport.NDJSON})
    @Extension(name = QueryParameterTable.EXTENSION, value = AgreementFilters.NAME)
    @Operation(
            operationId = "exportAgreements",
            summary = "Download agreements as CSV or NDJSON",
            description = "Streams every agreement matching the same filters as listAgreements, in the order they"
                    + " last changed: as CSV (RFC 4180, UTF-8, a header row, lists joined with ;) or as NDJSON (one"
                    + " agreement per line, as getAgreement returns it). Chosen by the format parameter, else by"
                    + " Accept; CSV when neither says.")
    @APIResponse(
            responseCode = "200",
            description = "The agreements",
            content = {
                @Content(
                        mediaType = AgreementExport.CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = SearchExamples.CSV)),
                @Content(
                        mediaType = AgreementExport.NDJSON,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "ndjson", value = SearchExamples.NDJSON),
                        // Each line's schema, as OpenAPI 3.2 says it with itemSchema; the test suite holds lines to it.
                        extensions =
                                @Extension(
                                        name = "x-item-schema",
                                        value = "{\"$ref\": \"#/components/schemas/Agreement\"}",
                                        parseValue = true))
            })
    public Response export(
            @Parameter(
                            description = "csv or ndjson; overrides Accept, for browsers",
                            schema = @Schema(enumeration = {"csv", "ndjson"}),
                            example = "csv")
                    @QueryParam("format")
                    String format,
            @Parameter(hidden = true) @Context Request request,
            @Parameter(hidden = true) @Context UriInfo uri) {
        Format chosen = format(format, request);
        AgreementFilter parsed = AgreementFilter.parse(uri.getQueryParameters());
        return Response.ok(export.stream(parsed, chosen), chosen.mediaType)
                .header("Content-Disposition", "attachment; filename=\"agreements." + chosen.extension + "\"")
                .build();
    }

    /** The format parameter if given, else the variant Accept prefers, else CSV. */
    private static Format format(String format, Request request) {
        if (format != null) {
            try {
                return Format.named(format);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("format", "must be csv or ndjson, not '" + format + "'");
            }
        }
        Variant preferred = request.selectVariant(VARIANTS);
        return preferred != null && preferred.getMediaType().isCompatible(MediaType.valueOf(AgreementExport.NDJSON))
                ? Format.NDJSON
                : Format.CSV;
    }
}
