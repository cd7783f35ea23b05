package io.accords.agreement;

import io.accords.common.CurrencyCode;
import io.accords.common.PartialDate;
import io.accords.common.SourceInput;
import io.accords.http.problem.ReadBackAs;
import io.accords.record.ClassifiedInput;
import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace an agreement. The service sets id, version and timestamps. */
@ChronologicalDates
@ReadBackAs(AgreementView.class)
@Schema(name = "AgreementInput", description = "An agreement as a client writes it")
public record AgreementInput(
        @NotBlank @Size(max = MAX_TITLE) @Schema(examples = "MOU on joint production of KF-21 fighter jet components")
        String title,

        @Size(max = 4000)
        @Schema(
                description = "What it is about, in a few sentences; an empty or blank summary is stored as none",
                examples = "Korea Aerospace Industries and SEMAN agree to produce KF-21 components jointly.")
        String summary,

        @NotNull @Schema(examples = "MOU") AgreementType type,

        @NotNull @Schema(description = "A pitch or a stated wish is PROPOSED", examples = "SIGNED")
        AgreementStatus status,

        @NotEmpty @Size(max = 13) @Schema(examples = "[\"AEROSPACE\"]")
        Set<@NotNull Sector> sectors,

        @Size(max = 11) @Schema(examples = "[\"JOINT_PRODUCTION\"]")
        Set<@NotNull CooperationMode> modes,

        @NotEmpty @Size(max = MAX_PARTIES) @Schema(description = "At least one party, each with its role")
        List<@NotNull @Valid Participation> parties,

        @Size(max = MAX_SYSTEMS)
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
        List<@NotNull @Valid SourceInput> sources,

        @Size(max = 200)
        @Schema(
                description = "Which of the sources support which facts, and how firmly: STATED (the source says"
                        + " it), REPORTED (the source reports someone saying it) or INFERRED (an editor's reading,"
                        + " explained in a note). A fact no claim cites is listed as uncited when read. Facts: type,"
                        + " status, sectors, modes, announced, signed, effective, expires, value, parties/{partyId},"
                        + " parties/{partyId}/signed (consented, withdrawn) and systems/{name}")
        List<@NotNull @Valid Claim> claims,

        @Schema(description = "The framework agreement this one implements: its IMPLEMENTS relation")
        UUID parentId,

        @Size(max = MAX_RELATIONS)
        @Schema(
                description = "How this agreement stands to others: amends, supersedes, extends, follows up or relates"
                        + " to them (IMPLEMENTS is written as parentId). The other side reads each as its inverse"
                        + " (supersededBy) in GET /agreements/{id}/relations")
        List<@NotNull @Valid Relation> relations,

        @Schema(
                description = "The summit, visit, exhibition or ceremony it was signed or announced at",
                examples = "0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78")
        UUID occasionId,

        @Size(max = 20)
        @Schema(description = "How it is known in other registers; one scheme and value names one agreement")
        List<@NotNull @Valid Identifier> identifiers,

        @Size(max = 50) @Schema(examples = "[\"apec-2024\"]")
        List<@NotBlank @Size(max = 64) String> tags,

        @Schema(
                description = "How sensitive it is: PUBLIC when left out on create, required on a change (so it never"
                        + " changes by being left out); at most your token's clearance; only an admin lowers it",
                examples = "PUBLIC")
        Classification classification)
        implements ClassifiedInput {

    public static final int MAX_PARTIES = 50;
    public static final int MAX_SYSTEMS = 50;
    public static final int MAX_TITLE = 300;
    public static final int MAX_RELATIONS = 50;

    /** A party and the role it plays, as a client writes it. */
    @Schema(name = "ParticipationInput")
    public record Participation(
            @NotNull @Schema(description = "Id of an existing party")
            UUID partyId,

            @NotNull @Schema(examples = "SIGNATORY") PartyRole role,

            @Schema(description = "When this party signed, if not on the agreement's date", examples = "2024-11-16")
            PartialDate signed,

            @Schema(
                    description = "When this party consented to be bound (ratification, acceptance, approval); not"
                            + " before it signed",
                    examples = "2025-03")
            PartialDate consented,

            @Schema(description = "When this party withdrew; not before it signed or consented", examples = "2029")
            PartialDate withdrawn) {}

    /** A typed link to another agreement. */
    @Schema(name = "Relation")
    public record Relation(
            @NotNull @Schema(examples = "RELATED") RelationKind kind,

            @NotNull @Schema(description = "The other agreement", examples = "e00caf6c-330a-5333-ae42-6ee3039d37c3")
            UUID agreementId,

            @Size(max = 1000) @Schema(examples = "Signed before both presidents at the same summit") @Nullable
            String note,

            @Size(max = 2000)
            @Pattern(regexp = SourceInput.URL, message = "must be an http or https URL")
            @Schema(description = "Where the link is stated", examples = "https://www.ajupress.com/")
            @Nullable
            String source) {}

    /** A fact of the agreement, the sources that support it and how firmly. */
    @Schema(name = "Claim")
    public record Claim(
            @NotBlank
            @Size(max = Claim.MAX_FACT)
            @Schema(
                    description = "The fact: type, status, sectors, modes, announced, signed, effective, expires,"
                            + " value, parties/{partyId}, parties/{partyId}/signed, parties/{partyId}/consented,"
                            + " parties/{partyId}/withdrawn or systems/{name}",
                    examples = "signed")
            String fact,

            @NotNull @Schema(examples = "STATED") Basis basis,

            @Size(max = 20)
            @Schema(
                    description = "URLs of this agreement's sources that support the fact; at least one unless the"
                            + " basis is INFERRED",
                    examples = "[\"https://ajupress.com/view/20241117095639112\"]")
            List<@NotBlank @Size(max = 2000) String> sources,

            @Size(max = 1000)
            @Schema(
                    description = "Why an editor reads the fact so; required when the basis is INFERRED",
                    examples = "Reported among the signings the two presidents witnessed at their summit")
            @Nullable
            String note) {

        public static final int MAX_FACT = 120;

        public Claim {
            sources = sources == null ? List.of() : sources;
        }
    }

    /** How an agreement is known in another register. */
    @Schema(name = "AgreementIdentifier")
    public record Identifier(
            @NotBlank
            @Size(max = 32)
            @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits or -, such as sipri")
            @Schema(
                    description = "The register: sipri (SIPRI arms transfers), unts (UN treaty registration), ocds"
                            + " (an OCDS ocid), contract (a national contract number), press (a press-release"
                            + " reference), or another lower-case name",
                    examples = "sipri")
            String scheme,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with white space")
            @Schema(description = "The identifier in that register", examples = "KR-PE-2024-0042")
            String value) {}

    /** An amount in an ISO 4217 currency. */
    @Schema(name = "Money")
    public record Money(
            @NotNull
            @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 17, fraction = 2, message = "must have at most 17 digits before the point and 2 after")
            // @Digits alone lets an exponent such as 1E+2147483647 through (its digit count overflows an int).
            @DecimalMax(value = "99999999999999999.99", message = "must be less than 10^17")
            @Schema(examples = "1500000000")
            BigDecimal amount,

            @NotNull @CurrencyCode @Schema(examples = "USD", minLength = 3, maxLength = 3)
            String currency) {

        /** Cents, as the amount is stored: 463000000, 4.63E+8 and 463000000.00 are one amount, written once. */
        public Money {
            if (amount != null && amount.scale() < CENTS && (long) amount.precision() - amount.scale() <= DIGITS) {
                amount = amount.setScale(CENTS);
            }
        }

        private static final int CENTS = 2;
        /** More digits before the point than any amount may have: such an amount is refused, not rescaled. */
        private static final int DIGITS = 20;
    }

    /**
     * This input with other sources, claims and relations' notes and sources: where its facts come from, the facts
     * themselves unchanged.
     */
    public AgreementInput withProvenance(List<SourceInput> sources, List<Claim> claims, List<Relation> relations) {
        return new AgreementInput(
                title,
                summary,
                type,
                status,
                sectors,
                modes,
                parties,
                systems,
                announced,
                signed,
                effective,
                expires,
                value,
                sources,
                claims,
                parentId,
                relations,
                occasionId,
                identifiers,
                tags,
                classification);
    }

    /**
     * Lists left out are empty and an empty or blank summary is none, so that two inputs that write the same record
     * are equal (a CSV cell cannot tell an empty summary from a left-out one).
     */
    public AgreementInput {
        summary = summary == null || summary.isBlank() ? null : summary;
        modes = modes == null ? Set.of() : modes;
        systems = systems == null ? List.of() : systems;
        claims = claims == null ? List.of() : claims;
        relations = relations == null ? List.of() : relations;
        identifiers = identifiers == null ? List.of() : identifiers;
        tags = tags == null ? List.of() : tags;
    }
}
