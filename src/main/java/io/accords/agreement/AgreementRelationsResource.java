package io.accords.agreement;

import io.accords.http.RecordIds;
import io.accords.openapi.SchemaExample;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * HTTP for the relations around an agreement: one operation, answered as JSON or as text that draws the graph, as the
 * Accept header asks.
 */
@Path("/api/v1/agreements")
@Tag(name = "Agreements")
@SchemaExample(schema = "RelationGraph", value = AgreementExamples.RELATION_GRAPH)
public class AgreementRelationsResource {

    private final AgreementService agreements;

    AgreementRelationsResource(AgreementService agreements) {
        this.agreements = agreements;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH + "/relations")
    @Produces({MediaType.APPLICATION_JSON, RelationPictures.DOT, RelationPictures.MERMAID})
    @Operation(
            operationId = "getAgreementRelations",
            summary = "Draw the relations around an agreement",
            description = "The agreements connected to this one within depth relations, both ways: its parent and the"
                    + " arrangements under it (IMPLEMENTS), and the agreements it amends, supersedes, extends, follows"
                    + " up or relates to, and those that do so to it. links reads the root's own relations from its"
                    + " side (SUPERSEDED_BY for an agreement that supersedes it). Agreements above your clearance are"
                    + " left out and not walked through. Accept: text/vnd.graphviz answers Graphviz DOT (dot -Tsvg),"
                    + " text/vnd.mermaid a Mermaid flowchart.")
    @APIResponse(
            responseCode = "200",
            description = "The graph",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RelationGraph.class)),
                @Content(
                        mediaType = RelationPictures.DOT,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "dot", value = AgreementExamples.RELATIONS_DOT)),
                @Content(
                        mediaType = RelationPictures.MERMAID,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "mermaid", value = AgreementExamples.RELATIONS_MERMAID))
            })
    public RestResponse<Object> relations(
            @Parameter(description = "The agreement's id", example = AgreementExamples.SEED_ID) @PathParam("id")
                    UUID id,
            @BeanParam @Valid Depth depth,
            @Parameter(hidden = true) @Context HttpHeaders headers) {
        RelationGraph graph = agreements.relations(id, depth.value());
        return switch (picture(headers)) {
            case RelationPictures.DOT -> text(RelationPictures.dot(graph), RelationPictures.DOT);
            case RelationPictures.MERMAID -> text(RelationPictures.mermaid(graph), RelationPictures.MERMAID);
            default ->
                RestResponse.ResponseBuilder.<Object>ok(graph, MediaType.APPLICATION_JSON_TYPE)
                        .build();
        };
    }

    /** The picture the Accept header names, if it names one before JSON; JSON for anything else, such as any type. */
    private static String picture(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            String type = accepted.getType() + "/" + accepted.getSubtype();
            if (type.equals(RelationPictures.DOT) || type.equals(RelationPictures.MERMAID)) {
                return type;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON;
            }
        }
        return MediaType.APPLICATION_JSON;
    }

    private static RestResponse<Object> text(String text, String type) {
        return RestResponse.ResponseBuilder.<Object>ok(text, type + ";charset=UTF-8")
                .build();
    }

    /** How many relations away a graph reaches. */
    public static class Depth {

        private static final String RULE = "must be a whole number from 1 to " + AgreementGraph.MAX_DEPTH;

        @QueryParam("depth")
        @DefaultValue("1")
        @Pattern(regexp = "[1-" + AgreementGraph.MAX_DEPTH + "]", message = RULE)
        @Parameter(
                description = "How many relations away to reach, 1 to " + AgreementGraph.MAX_DEPTH,
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5", defaultValue = "1"),
                example = "2")
        public String depth;

        int value() {
            return Integer.parseInt(depth);
        }
    }
}
