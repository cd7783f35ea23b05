package io.accords.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accords.common.PartialDate;
import io.accords.common.SourceInput;
import io.accords.http.Versioned;
import io.accords.party.PartySummary;
import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agreement as the service returns it. */
@Schema(name = "Agreement", description = "A defence-industry cooperation agreement")
public record AgreementView(
        UUID id,

        @Schema(examples = "MOU on joint production of KF-21 fighter jet components")
        String title,

        @Nullable String summary,
        AgreementType type,
        AgreementStatus status,
        List<Sector> sectors,
        List<CooperationMode> modes,
        List<Participation> parties,

        @Schema(
                description = "The parties' countries, ISO 3166-1 alpha-2, sorted",
                examples = "[\"KR\", \"PE\"]",
                maxItems = AgreementInput.MAX_PARTIES)
        List<@Size(min = 2, max = 2) String> countries,

        @Schema(examples = "[\"KF-21\"]") List<String> systems,
        @Schema(examples = "2024-11-16") @Nullable PartialDate announced,
        @Schema(examples = "2024-11-16") @Nullable PartialDate signed,
        @Schema(examples = "2025") @Nullable PartialDate effective,
        @Schema(examples = "2030-12") @Nullable PartialDate expires,
        @Nullable AgreementInput.Money value,
        List<SourceInput> sources,

        @Schema(description = "Which sources support which facts, and how firmly")
        List<AgreementInput.Claim> claims,

        @Schema(
                description = "The facts this agreement holds that no claim cites: shown so, never as if certain",
                examples = "[\"effective\", \"systems/KF-21\"]",
                maxItems = Facts.MAX_FACTS)
        List<@Size(max = AgreementInput.Claim.MAX_FACT) String> uncited,

        @Nullable UUID parentId,
        List<AgreementInput.Relation> relations,

        @Schema(examples = "0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78") @Nullable
        UUID occasionId,

        List<AgreementInput.Identifier> identifiers,
        List<String> tags,

        @Schema(
                description = "How sensitive it is; callers see it only up to their token's clearance",
                examples = "PUBLIC")
        Classification classification,

        @Schema(description = "Increases with every change; also sent as the ETag", examples = "0")
        long version,

        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Snippet snippet)
        implements Versioned {

    /** Lists a document stored before they existed leaves out are empty, never null. */
    public AgreementView {
        relations = relations == null ? List.of() : relations;
        identifiers = identifiers == null ? List.of() : identifiers;
        claims = claims == null ? List.of() : claims;
        uncited = Facts.uncited(
                Facts.present(
                        type,
                        status,
                        sectors,
                        modes,
                        Arrays.asList(announced, signed, effective, expires),
                        value,
                        parties == null
                                ? List.of()
                                : parties.stream()
                                        .map(p -> new Facts.PartyFacts(
                                                p.party().id(), p.signed(), p.consented(), p.withdrawn()))
                                        .toList(),
                        systems),
                claims);
    }

    /**
     * This agreement as a caller sees it: without its parent, occasion and related agreements when the caller may not
     * see them, without the parties the caller may not see, and so with only their countries. The one place the rule
     * is written; live records and stored snapshots (history, idempotent replays) both go through it.
     */
    public AgreementView seenThrough(
            Predicate<UUID> agreementVisible, Predicate<UUID> partyVisible, Predicate<UUID> occasionVisible) {
        List<Participation> visibleParties =
                parties.stream().filter(p -> partyVisible.test(p.party().id())).toList();
        List<AgreementInput.Claim> visibleClaims = claims.stream()
                .filter(c -> Facts.partyOf(c.fact()) == null || partyVisible.test(Facts.partyOf(c.fact())))
                .toList();
        List<String> visibleCountries = visibleParties.stream()
                .map(p -> p.party().country())
                .distinct()
                .sorted()
                .toList();
        Links visible = new Links(
                parentId != null && agreementVisible.test(parentId) ? parentId : null,
                relations.stream()
                        .filter(r -> agreementVisible.test(r.agreementId()))
                        .toList(),
                occasionId != null && occasionVisible.test(occasionId) ? occasionId : null);
        return copy(visibleParties, visibleCountries, visibleClaims, visible, version, createdAt, updatedAt, snippet);
    }

    /** This view with the version and times the database holds now (a stored document is written before them). */
    AgreementView as(long version, Instant createdAt, Instant updatedAt) {
        return copy(parties, countries, claims, links(), version, createdAt, updatedAt, snippet);
    }

    /**
     * An agreement as a search result, with where the search found its words (static, so that mappers do not take it
     * for a property).
     */
    public static AgreementView found(AgreementView view, Snippet snippet) {
        return view.copy(
                view.parties,
                view.countries,
                view.claims,
                view.links(),
                view.version,
                view.createdAt,
                view.updatedAt,
                snippet);
    }

    /** The other records this one links to, which a caller may or may not see. */
    private Links links() {
        return new Links(parentId, relations, occasionId);
    }

    private record Links(UUID parentId, List<AgreementInput.Relation> relations, UUID occasionId) {}

    /** This view with the fields the methods above change; the rest as they are. */
    private AgreementView copy(
            List<Participation> parties,
            List<String> countries,
            List<AgreementInput.Claim> claims,
            Links links,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Snippet snippet) {
        return new AgreementView(
                id,
                title,
                summary,
                type,
                status,
                sectors,
                modes,
                parties,
                countries,
                systems,
                announced,
                signed,
                effective,
                expires,
                value,
                sources,
                claims,
                null,
                links.parentId(),
                links.relations(),
                links.occasionId(),
                identifiers,
                tags,
                classification,
                version,
                createdAt,
                updatedAt,
                snippet);
    }

    /** A party and the role it plays. */
    @Schema(name = "Participation")
    public record Participation(
            PartySummary party,
            @Schema(examples = "SIGNATORY") PartyRole role,

            @Schema(description = "When this party signed, when known apart from the agreement") @Nullable
            PartialDate signed,

            @Schema(description = "When this party consented to be bound (ratification, approval)") @Nullable
            PartialDate consented,

            @Schema(description = "When this party withdrew") @Nullable
            PartialDate withdrawn) {}
}
