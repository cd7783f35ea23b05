package io.accords.party;

import io.accords.common.CountryCode;
import io.accords.http.problem.ReadBackAs;
import io.accords.record.ClassifiedInput;
import io.accords.security.Classification;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a party. The service sets id, version and timestamps. */
@ReadBackAs(PartyView.class)
@Schema(name = "PartyInput", description = "A party as a client writes it")
public record PartyInput(
        @NotBlank
        @Size(max = 200)
        @Schema(description = "Official name, unique within the country", examples = "Korea Aerospace Industries")
        String name,

        @Size(max = 32)
        @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with white space")
        @Schema(description = "Short name", examples = "KAI")
        String acronym,

        @Size(max = 20) @Schema(description = "Other spellings and former names", examples = "[\"Korea Aerospace\"]")
        List<@NotBlank @Size(max = 200) String> aliases,

        @Size(max = 20)
        @Schema(
                description = "Acronyms and short names in common use that the sources do not give, added by the"
                        + " registry's editors: found by search and the party filter like the others, never shown as"
                        + " a source's words",
                examples = "[\"KAI\"]")
        List<@NotBlank @Size(max = 200) String> editorialAliases,

        @NotNull
        @CountryCode
        @Schema(
                description = "ISO 3166-1 alpha-2 country code",
                examples = "KR",
                pattern = CountryCode.PATTERN,
                minLength = 2,
                maxLength = 2)
        String country,

        @NotNull @Schema(description = "What sort of body the party is", examples = "COMPANY")
        PartyKind kind,

        @Size(max = 10) @Schema(description = "Identifiers in registers such as LEI or NCAGE")
        List<@NotNull @Valid Identifier> identifiers,

        @Schema(
                description = "How sensitive it is: PUBLIC when left out on create, required on a change; at most your"
                        + " token's clearance; only an admin lowers it",
                examples = "PUBLIC")
        Classification classification)
        implements ClassifiedInput {

    /** An identifier in a named scheme. */
    @Schema(name = "PartyIdentifier")
    public record Identifier(
            @NotBlank
            @Size(max = 32)
            @Pattern(regexp = "[A-Z0-9_-]+", message = "must be upper-case letters, digits, _ or -")
            @Schema(description = "Scheme, such as LEI, NCAGE or a national register", examples = "NCAGE")
            String scheme,

            @NotBlank @Size(max = 100) @Schema(description = "The identifier within the scheme", examples = "SC123")
            String value) {}

    public List<@NotBlank @Size(max = 200) String> aliases() {
        return aliases == null ? List.of() : aliases;
    }

    public List<@NotBlank @Size(max = 200) String> editorialAliases() {
        return editorialAliases == null ? List.of() : editorialAliases;
    }

    public List<Identifier> identifiers() {
        return identifiers == null ? List.of() : identifiers;
    }
}
