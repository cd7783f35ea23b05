package io.accords.agreement;

import io.accords.common.CurrencyCode;
import io.accords.common.PartialDate;
import io.accords.http.problem.ReadBackAs;
import io.accords.record.ClassifiedInput;
import io.accords.security.Classification;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace an agreement. The service sets id, version and timestamps. */
@ChronologicalDates
@ReadBackAs(AgreementView.class)
@Schema(name = "AgreementInput", description = "An agreement as a client writes it")
public record AgreementInput(
        @NotBlank @Size(max = 300) @Schema(examples = "MOU on joint production of KF-21 fighter jet components")
        String title,

        @Size(max = 4000)
        @Schema(examples = "Korea Aerospace Industries and SEMAN agree to produce KF-21 components jointly.")
        String summary,

        @NotNull @Schema(examples = "MOU") AgreementType type,

        @NotNull @Schema(description = "A pitch or a stated wish is PROPOSED", examples = "SIGNED")
        AgreementStatus status,

        @NotEmpty @Size(max = 13) @Schema(examples = "[\"AEROSPACE\"]")
        Set<@NotNull Sector> sectors,

        @Size(max = 11) @Schema(examples = "[\"JOINT_PRODUCTION\"]")
        Set<@NotNull CooperationMode> modes,

        @NotEmpty @Size(max = 50) @Schema(description = "At least one party, each with its role")
        List<@NotNull @Valid Participation> parties,

        @Size(max = 50)
        @Schema(description = "Weapon systems and programmes named in the agreement", examples = "[\"KF-21\"]")
        List<@NotBlank @Size(max = 100) String> systems,

        @Schema(description = "When it was announced: YYYY, YYYY-MM or YYYY-MM-DD", examples = "2024-11")
        PartialDate announced,

        @Schema(description = "When it was signed: YYYY, YYYY-MM or YYYY-MM-DD", examples = "2024-11-16")
        PartialDate signed,

        @Schema(description = "Entry into force; not before signed", examples = "2025")
        PartialDate effective,

        @Schema(description = "When it expires; not before effective", examples = "2030-12")
        PartialDate expires,

        @Valid @Schema(description = "Declared value; leave out when undisclosed")
        Money value,

        @NotEmpty @Size(max = 20) @Schema(description = "Where the facts come from; at least one http(s) source")
        List<@NotNull @Valid Source> sources,

        @Schema(description = "The framework agreement this one implements")
        UUID parentId,

        @Size(max = 50) @Schema(examples = "[\"apec-2024\"]")
        List<@NotBlank @Size(max = 64) String> tags,

        @Schema(
                description = "How sensitive it is: PUBLIC when left out on create, required on a change (so it never"
                        + " changes by being left out); at most your token's clearance; only an admin lowers it",
                examples = "PUBLIC")
        Classification classification)
        implements ClassifiedInput {

    /** A party and the role it plays, as a client writes it. */
    @Schema(name = "ParticipationInput")
    public record Participation(
            @NotNull @Schema(description = "Id of an existing party")
            UUID partyId,

            @NotNull @Schema(examples = "SIGNATORY") PartyRole role) {}

    /** An amount in an ISO 4217 currency. */
    @Schema(name = "Money")
    public record Money(
            @NotNull
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 17, fraction = 2, message = "must have at most 17 digits before the point and 2 after")
            @Schema(examples = "1500000000")
            BigDecimal amount,

            @NotNull @CurrencyCode @Schema(examples = "USD") String currency) {}

    /** A published source of an agreement's facts. */
    @Schema(name = "Source")
    public record Source(
            @Size(max = 200) @Schema(examples = "AJP") String publisher,

            @Size(max = 500) @Schema(examples = "South Korea, Peru to expand cooperation in defense, critical minerals")
            String title,

            @NotBlank
            @Size(max = 2000)
            @Pattern(regexp = "(?i)https?://[^\\s/?#]+[^\\s]*", message = "must be an http or https URL")
            @Schema(examples = "https://www.ajupress.com/")
            String url,

            @Schema(description = "Publication date", examples = "2024-11-17")
            LocalDate published) {}

    public Set<CooperationMode> modes() {
        return modes == null ? Set.of() : modes;
    }

    public List<String> systems() {
        return systems == null ? List.of() : systems;
    }

    public List<String> tags() {
        return tags == null ? List.of() : tags;
    }
}
