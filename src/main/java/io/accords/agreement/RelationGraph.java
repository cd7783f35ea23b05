package io.accords.agreement;

import io.accords.common.PartialDate;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The agreements connected to one, within a number of steps, and how: what the relations endpoint answers. */
@Schema(name = "RelationGraph", description = "The agreements around one and the relations between them")
public record RelationGraph(
        @Schema(description = "The agreement asked about", examples = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5")
        UUID root,

        @Schema(description = "How many relations away from the root the graph reaches", examples = "1")
        int depth,

        @Schema(
                description = "true when more agreements are connected within depth than a graph holds ("
                        + AgreementGraph.MAX_NODES + "); those nearest the root come first",
                examples = "false")
        boolean truncated,

        @Schema(
                description =
                        "The root's own relations, read from its side: SUPERSEDES one way, SUPERSEDED_BY the other",
                maxItems = MAX_EDGES)
        List<Link> links,

        @Schema(description = "Every agreement in the graph, the root first", maxItems = AgreementGraph.MAX_NODES)
        List<Node> nodes,

        @Schema(
                description = "Every relation between them, once, in the direction it was written",
                maxItems = MAX_EDGES)
        List<Edge> edges) {

    /** An agreement in the graph. */
    /** Every relation in a graph is one a node in it wrote: at most its relations and its parent link. */
    public static final int MAX_EDGES = AgreementGraph.MAX_NODES * (AgreementInput.MAX_RELATIONS + 1);

    @Schema(name = "RelationNode")
    public record Node(
            UUID id,

            @Schema(examples = "MOU on joint production of KF-21 fighter jet components")
            String title,

            AgreementType type,
            AgreementStatus status,
            @Schema(examples = "2024-11-16") @Nullable PartialDate signed,

            @Schema(description = "Relations between the root and it", examples = "1")
            int distance) {}

    /** A relation as written: {@code from} {@code kind} {@code to}, which {@code to} reads as {@code inverse}. */
    @Schema(name = "RelationEdge")
    public record Edge(
            UUID from,
            UUID to,
            @Schema(examples = "SUPERSEDES") RelationKind kind,

            @Schema(description = "The relation read from the other side", examples = "SUPERSEDED_BY", maxLength = 32)
            String inverse,

            @Nullable String note,
            @Nullable String source) {}

    /** One of the root's relations, read from the root's side. */
    @Schema(name = "RelationLink")
    public record Link(
            @Schema(examples = "SUPERSEDED_BY", maxLength = 32)
            String relation,

            UUID agreementId,

            @Schema(examples = "Korea–Peru summit joint declaration on defence and critical minerals cooperation")
            String title) {}
}
