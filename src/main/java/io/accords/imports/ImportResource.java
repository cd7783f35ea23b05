package io.accords.imports;

import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.PublicUrls;
import io.accords.http.RecordIds;
import io.accords.http.Responses;
import io.accords.http.problem.ProblemException;
import io.accords.openapi.SchemaExample;
import io.accords.openapi.TextExample;
import io.accords.search.AgreementExport;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for bulk imports: take the file, answer 202 with its job, and report on jobs. */
@Path(ImportResource.PATH)
@Tag(
        name = "Imports",
        description = "Bulk import of NDJSON or CSV files in the export's shape, as jobs with a per-row report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
@SchemaExample(schema = "ImportJob", value = ImportExamples.IMPORT_JOB)
@SchemaExample(schema = "PageViewImportJobView", value = ImportExamples.IMPORT_PAGE)
@SchemaExample(schema = "PageViewImportRefusalView", value = ImportExamples.IMPORT_REFUSAL_PAGE)
@TextExample(name = "a good row and a refused one", value = ImportExamples.IMPORT_LINES)
public class ImportResource {

    static final String PATH = "/api/v1/imports";

    private final ImportService imports;

    ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes({AgreementExport.NDJSON, AgreementExport.CSV})
    @Operation(
            operationId = "importAgreements",
            summary = "Import agreements in bulk",
            description = "Takes agreements as NDJSON, one per line, in the shape the NDJSON export writes (or as"
                    + " AgreementInput with an id), or as CSV in the columns the CSV export writes (parties found by"
                    + " name; claims and source details kept from the record a row matches), keeps the file and answers 202 with the job that writes it. A row"
                    + " is matched to its record by id, else by one of its identifiers, else by its text, so importing"
                    + " the same file again changes nothing; parties a row names that do not exist are created from"
                    + " what the row shows of them. Each row is written whole or refused with the problem a single"
                    + " write would answer (GET /imports/{id}/refusals); atomic=true refuses the whole file on any bad"
                    + " row; dryRun=true checks and counts without writing. Rows are written with your role and"
                    + " clearance: a row names the id of a record you may see, or, sent by someone cleared"
                    + " CONFIDENTIAL, an id never used (ids are never reused); any other id is one and the same 409,"
                    + " whatever it holds. Jobs survive a restart and resume after the last rows written.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = AgreementExport.NDJSON,
                        schema = @Schema(type = SchemaType.STRING),
                        examples =
                                @ExampleObject(
                                        name = "a good row and a refused one",
                                        value = ImportExamples.IMPORT_LINES)),
                @Content(
                        mediaType = AgreementExport.CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "one new agreement", value = ImportExamples.IMPORT_CSV))
            })
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the file is kept and its rows are being written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(
            responseCode = "408",
            description = "The file arrived more slowly than the service waits for (on average 1 KiB a second from"
                    + " its 30th second on); nothing was kept")
    public RestResponse<ImportJobView> submit(
            InputStream body,
            @Parameter(
                            description = "true: check and count every row, write nothing",
                            example = "false",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .BOOLEAN))
                    @QueryParam("dryRun")
                    String dryRun,
            @Parameter(
                            description = "true: write every row or, when any row is bad, none",
                            example = "false",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .BOOLEAN))
                    @QueryParam("atomic")
                    String atomic,
            @Parameter(hidden = true) @Context HttpHeaders headers,
            @Parameter(hidden = true) @Context UriInfo uri) {
        ImportFormat format = MediaType.valueOf(AgreementExport.CSV).isCompatible(headers.getMediaType())
                ? ImportFormat.CSV
                : ImportFormat.NDJSON;
        ImportJobView job = imports.submit(body, format, flag("dryRun", dryRun), flag("atomic", atomic));
        return RestResponse.ResponseBuilder.<ImportJobView>create(RestResponse.Status.ACCEPTED)
                .entity(job)
                .header("Location", PublicUrls.of(PATH + "/" + job.id()))
                .build();
    }

    @GET
    @Operation(
            operationId = "listImports",
            summary = "List your imports",
            description = "Your import jobs, newest first (an admin sees every job up to their clearance).")
    @APIResponse(responseCode = "200", description = "One page of import jobs")
    public RestResponse<PageView<ImportJobView>> list(
            @BeanParam @Valid PageParams page, @Parameter(hidden = true) @Context UriInfo uri) {
        noSort(page);
        return Responses.page(uri, imports.list(page));
    }

    @GET
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "getImport",
            summary = "Get an import job",
            description = "Its status, counts (read, created, updated, unchanged, refused) and progress.")
    @APIResponse(responseCode = "200", description = "The import job")
    public ImportJobView get(
            @Parameter(
                            description = "The job's id, from the answer to POST /imports",
                            example = ImportExamples.IMPORT_JOB_ID)
                    @PathParam("id")
                    UUID id) {
        return imports.get(id);
    }

    @GET
    @Path(RecordIds.PATH + "/refusals")
    @Operation(
            operationId = "listImportRefusals",
            summary = "List the rows an import refused",
            description = "Each refused row by its line number, with the problem a single write of it would answer.")
    @APIResponse(responseCode = "200", description = "One page of refused rows, in file order")
    public RestResponse<PageView<ImportRefusalView>> refusals(
            @Parameter(description = "The job's id", example = ImportExamples.IMPORT_JOB_ID) @PathParam("id") UUID id,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        noSort(page);
        return Responses.page(uri, imports.refusals(id, page));
    }

    @POST
    @Path(RecordIds.PATH + "/cancel")
    @Operation(
            operationId = "cancelImport",
            summary = "Cancel an import",
            description = "Stops a job that is waiting or running: the rows it wrote stay written (an atomic job writes"
                    + " nothing), the rest are not read, and its status becomes CANCELLED. A job that has ended"
                    + " already stays as it ended (its status says how), so a cancel is safe to send again. Its"
                    + " sender or an admin, cleared as high as the token that sent it, may cancel it.")
    @APIResponse(responseCode = "200", description = "The job: cancelled, or as it had ended")
    public ImportJobView cancel(
            @Parameter(description = "The job's id", example = ImportExamples.IMPORT_JOB_ID) @PathParam("id") UUID id) {
        return imports.cancel(id);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be true or false, not '" + value + "'");
    }

    private static void noSort(PageParams page) {
        page.refuseSort("imports are listed newest first and refusals in file order");
    }
}
