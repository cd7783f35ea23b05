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
                cell(a.parties().stream()
                        .map(p -> p.party().name() + " (" + p.role() + ")")
                        .collect(Collectors.joining(";"))),
                join(a.countries()),
                cell(join(a.systems())),
                text(a.announced()),
                text(a.signed()),
                text(a.effective()),
                text(a.expires()),
                a.value() == null ? null : a.value().amount().toPlainString(),
                a.value() == null ? null : a.value().currency(),
                text(a.parentId()),
                cell(join(a.tags())),
                cell(a.sources().stream().map(s -> s.url()).collect(Collectors.joining(";"))),
                cell(a.summary()),
                a.classification().name(),
                a.version(),
                a.createdAt().toString(),
                a.updatedAt().toString());
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
