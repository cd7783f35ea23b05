package io.accords.milestone;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.accords.common.PartialDate;
import io.accords.common.SourceInput;
import io.accords.http.problem.ReadBackAs;
import io.accords.record.ClassifiedInput;
import io.accords.security.Classification;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a milestone of an agreement (named by the path, never by the body). */
@ReadBackAs(MilestoneView.class)
@Schema(name = "MilestoneInput", description = "A milestone or obligation as a client writes it")
public record MilestoneInput(
        @NotNull @Schema(examples = "DELIVERY") MilestoneKind kind,

        @NotBlank @Size(max = 300) @Schema(examples = "First KF-21 wing components delivered to SEMAN")
        String title,

        @NotNull @Schema(description = "When it is due: YYYY, YYYY-MM or YYYY-MM-DD", examples = "2026-06")
        PartialDate due,

        @Schema(description = "The day it was met; only with status MET", examples = "2026-06-12")
        LocalDate met,

        @NotNull @Schema(examples = "PLANNED") MilestoneStatus status,

        @Schema(
                description = "The party that must meet it: one of the agreement's parties",
                examples = "a9715a03-00b9-55c2-9eff-7f0f6beda9b3")
        UUID responsiblePartyId,

        @Min(value = 1, message = "must be a whole number from 1 to 1000000")
        @Max(value = 1_000_000, message = "must be a whole number from 1 to 1000000")
        @Schema(description = "How many units, for a DELIVERY", examples = "4")
        Integer quantity,

        @Size(max = 2000) String note,

        @Size(max = 20) @Schema(description = "Where the milestone is stated")
        List<@NotNull @Valid SourceInput> sources,

        @Schema(
                description = "How sensitive it is: the agreement's classification when left out on create, required"
                        + " on a change; at most your token's clearance; only an admin lowers it. Whatever it says,"
                        + " only callers who may see the agreement see its milestones",
                examples = "PUBLIC")
        Classification classification,

        /** The agreement the path names; set by the service, never read from the body. */
        @JsonIgnore @Schema(hidden = true) UUID agreementId)
        implements ClassifiedInput {

    /** Sources left out are none, so that two inputs that write the same milestone are equal. */
    public MilestoneInput {
        sources = sources == null ? List.of() : sources;
    }

    /** This input without a responsible party: what a caller who may not see the party would write back. */
    MilestoneInput withoutResponsible() {
        return new MilestoneInput(
                kind, title, due, met, status, null, quantity, note, sources, classification, agreementId);
    }

    /** This input for the agreement the path names, with its classification when the input gives none. */
    MilestoneInput under(UUID agreement, Classification agreementClassification) {
        return new MilestoneInput(
                kind,
                title,
                due,
                met,
                status,
                responsiblePartyId,
                quantity,
                note,
                sources,
                classification == null ? agreementClassification : classification,
                agreement);
    }
}
