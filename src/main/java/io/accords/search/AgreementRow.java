package io.accords.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.accords.agreement.AgreementView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/** One agreement as a flat CSV row; lists are joined with {@code ;}. */
@RegisterForReflection
@JsonPropertyOrder({"id", "title", "type", "status", "sectors", "modes", "parties", "countries", "systems",
    "announced", "signed", "effective", "expires", "valueAmount", "valueCurrency", "parentId", "tags", "sources",
    "summary", "version", "createdAt", "updatedAt"})
public record AgreementRow(String id, String title, String type, String status, String sectors, String modes,
        String parties, String countries, String systems, String announced, String signed, String effective,
        String expires, String valueAmount, String valueCurrency, String parentId, String tags, String sources,
        String summary, long version, String createdAt, String updatedAt) {

    static AgreementRow of(AgreementView a) {
        return new AgreementRow(a.id().toString(), a.title(), a.type().name(), a.status().name(), join(a.sectors()),
                join(a.modes()),
                a.parties().stream().map(p -> p.party().name() + " (" + p.role() + ")")
                        .collect(Collectors.joining(";")),
                join(a.countries()), join(a.systems()), text(a.announced()), text(a.signed()), text(a.effective()),
                text(a.expires()), a.value() == null ? null : a.value().amount().toPlainString(),
                a.value() == null ? null : a.value().currency(), text(a.parentId()), join(a.tags()),
                a.sources().stream().map(s -> s.url()).collect(Collectors.joining(";")), a.summary(), a.version(),
                a.createdAt().toString(), a.updatedAt().toString());
    }

    private static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(";"));
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }
}
