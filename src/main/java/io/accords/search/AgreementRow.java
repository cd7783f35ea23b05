package io.accords.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.accords.agreement.AgreementView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/** One agreement as a flat CSV row; lists are joined with {@code ;}. */
@RegisterForReflection
@JsonPropertyOrder({
    "id",
    "title",
    "type",
    "status",
    "sectors",
    "modes",
    "parties",
    "countries",
    "systems",
    "announced",
    "signed",
    "effective",
    "expires",
    "valueAmount",
    "valueCurrency",
    "parentId",
    "relations",
    "occasionId",
    "identifiers",
    "tags",
    "sources",
    "summary",
    "classification",
    "version",
    "createdAt",
    "updatedAt"
})
public record AgreementRow(
        String id,
        String title,
        String type,
        String status,
        String sectors,
        String modes,
        String parties,
        String countries,
        String systems,
        String announced,
        String signed,
        String effective,
        String expires,
        String valueAmount,
        String valueCurrency,
        String parentId,
        String relations,
        String occasionId,
        String identifiers,
        String tags,
        String sources,
        String summary,
        String classification,
        long version,
        String createdAt,
        String updatedAt) {

    /** What makes a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    static AgreementRow of(AgreementView a) {
        return new AgreementRow(
                a.id().toString(),
                cell(a.title()),
                a.type().name(),
                a.status().name(),
                join(a.sectors()),
                join(a.modes()),
                cell(a.parties().stream().map(AgreementRow::party).collect(Collectors.joining(";"))),
                join(a.countries()),
                cell(join(a.systems())),
                text(a.announced()),
                text(a.signed()),
                text(a.effective()),
                text(a.expires()),
                a.value() == null ? null : a.value().amount().toPlainString(),
                a.value() == null ? null : a.value().currency(),
                text(a.parentId()),
                join(a.relations().stream()
                        .map(r -> r.kind() + ":" + r.agreementId())
                        .toList()),
                text(a.occasionId()),
                cell(join(a.identifiers().stream()
                        .map(i -> i.scheme() + ":" + i.value())
                        .toList())),
                cell(join(a.tags())),
                cell(a.sources().stream().map(s -> s.url()).collect(Collectors.joining(";"))),
                cell(a.summary()),
                a.classification().name(),
                a.version(),
                a.createdAt().toString(),
                a.updatedAt().toString());
    }

    /** A party, its role and the dates it has of its own: "SEMAN (SIGNATORY, consented 2025-03)". */
    private static String party(AgreementView.Participation p) {
        StringBuilder text = new StringBuilder(p.party().name()).append(" (").append(p.role());
        appendDate(text, "signed", p.signed());
        appendDate(text, "consented", p.consented());
        appendDate(text, "withdrawn", p.withdrawn());
        return text.append(')').toString();
    }

    private static void appendDate(StringBuilder text, String what, Object date) {
        if (date != null) {
            text.append(", ").append(what).append(' ').append(date);
        }
    }

    /**
     * A text cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe, as OWASP's
     * CSV injection guidance advises. NDJSON keeps the text as it is.
     */
    static String cell(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(";"));
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
