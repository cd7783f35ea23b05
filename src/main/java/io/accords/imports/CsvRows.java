package io.accords.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.accords.agreement.AgreementInput;
import io.accords.agreement.AgreementService;
import io.accords.agreement.AgreementStatus;
import io.accords.agreement.AgreementType;
import io.accords.agreement.AgreementView;
import io.accords.agreement.CooperationMode;
import io.accords.agreement.Facts;
import io.accords.agreement.PartyRole;
import io.accords.agreement.RelationKind;
import io.accords.agreement.Sector;
import io.accords.common.PartialDate;
import io.accords.common.SourceInput;
import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import io.accords.party.PartyService;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one CSV record of an import, in the columns the CSV export writes: lists joined with {@code ;}, each party as
 * "Name (ROLE, signed 2024-11-16)" and found by its name among the parties the caller may see, sources by URL. What the
 * CSV does not carry (claims; a source's publisher, title and date) is kept from the record the row matches.
 */
@ApplicationScoped
public class CsvRows {

    private static final CsvMapper CSV = new CsvMapper();
    private static final Pattern PARTY = Pattern.compile(
            "(.+) \\(([A-Z_]+)(?:, signed ([0-9-]+))?(?:, consented ([0-9-]+))?(?:, withdrawn ([0-9-]+))?\\)");

    /** What makes a spreadsheet read a cell as a formula, which the export protects with a leading apostrophe. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final PartyService parties;
    private final AgreementService agreements;

    CsvRows(PartyService parties, AgreementService agreements) {
        this.parties = parties;
        this.agreements = agreements;
    }

    /** The cells of a record by the header's column names. */
    static Map<String, String> cells(String header, String record) throws IOException {
        try (MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(header + "\n" + record)) {
            if (!rows.hasNext()) {
                throw ProblemException.invalid("row", "is empty");
            }
            return rows.next();
        }
    }

    ImportRows.Row read(String header, String record) throws IOException {
        Map<String, String> cell = cells(header, record);
        List<FieldViolation> errors = new ArrayList<>();
        Cells c = new Cells(cell, errors);
        UUID id = c.one("id", UUID::fromString, "a UUID");
        List<AgreementInput.Participation> participation = new ArrayList<>();
        for (String text : c.list("parties")) {
            Matcher party = PARTY.matcher(text);
            if (!party.matches()) {
                errors.add(new FieldViolation("parties", "'" + text + "' is not Name (ROLE), as the export writes it"));
                continue;
            }
            List<UUID> named = parties.visibleNamed(party.group(1));
            if (named.size() != 1) {
                errors.add(new FieldViolation(
                        "parties",
                        (named.isEmpty() ? "no party you may see is named '" : "several parties are named '")
                                + party.group(1) + "'; import the NDJSON export, which names parties by id"));
                continue;
            }
            participation.add(new AgreementInput.Participation(
                    named.get(0),
                    c.parse("parties", party.group(2), v -> PartyRole.valueOf(v), "a party role"),
                    date(party.group(3)),
                    date(party.group(4)),
                    date(party.group(5))));
        }
        String amount = c.text("valueAmount");
        AgreementInput.Money value = amount == null
                ? null
                : new AgreementInput.Money(c.one("valueAmount", BigDecimal::new, "an amount"), c.text("valueCurrency"));
        AgreementInput input = new AgreementInput(
                c.text("title"),
                c.text("summary"),
                c.one("type", AgreementType::valueOf, "an agreement type"),
                c.one("status", AgreementStatus::valueOf, "a status"),
                new LinkedHashSet<>(c.each("sectors", Sector::valueOf, "a sector")),
                new LinkedHashSet<>(c.each("modes", CooperationMode::valueOf, "a cooperation mode")),
                participation,
                c.list("systems"),
                c.one("announced", PartialDate::parse, "a date"),
                c.one("signed", PartialDate::parse, "a date"),
                c.one("effective", PartialDate::parse, "a date"),
                c.one("expires", PartialDate::parse, "a date"),
                value,
                c.list("sources").stream()
                        .map(url -> new SourceInput(null, null, url, null))
                        .toList(),
                List.of(),
                c.one("parentId", UUID::fromString, "a UUID"),
                c.each("relations", CsvRows::relation, "KIND:agreement id"),
                c.one("occasionId", UUID::fromString, "a UUID"),
                c.each("identifiers", CsvRows::identifier, "scheme:value"),
                c.list("tags"),
                c.one("classification", Classification::valueOf, "a classification"));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ImportRows.Row(id, kept(id, input), List.of(), id != null);
    }

    /**
     * The row's input with what the CSV does not carry taken from the record it matches, as the caller sees it: its
     * claims on facts the row still holds, its sources' publisher, title and date for the URLs the row names, and the
     * note and source of each relation the row names (CSV keeps a relation as its kind and agreement only).
     */
    private AgreementInput kept(UUID id, AgreementInput row) {
        if (id == null) {
            return row;
        }
        AgreementView existing;
        try {
            existing = agreements.get(id);
        } catch (ProblemException notThereOrHidden) {
            return row;
        }
        Map<String, SourceInput> known =
                existing.sources().stream().collect(Collectors.toMap(SourceInput::url, s -> s, (a, b) -> a));
        Set<String> facts = Set.copyOf(Facts.of(row));
        Map<String, AgreementInput.Relation> related =
                existing.relations().stream().collect(Collectors.toMap(CsvRows::relationKey, r -> r, (a, b) -> a));
        return row.withProvenance(
                row.sources().stream().map(s -> known.getOrDefault(s.url(), s)).toList(),
                existing.claims().stream()
                        .filter(claim -> facts.contains(claim.fact()))
                        .toList(),
                row.relations().stream()
                        .map(r -> related.getOrDefault(relationKey(r), r))
                        .toList());
    }

    private static String relationKey(AgreementInput.Relation relation) {
        return relation.kind() + ":" + relation.agreementId();
    }

    private static AgreementInput.Relation relation(String text) {
        int colon = text.indexOf(':');
        return new AgreementInput.Relation(
                RelationKind.valueOf(text.substring(0, colon)), UUID.fromString(text.substring(colon + 1)), null, null);
    }

    private static AgreementInput.Identifier identifier(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException(text);
        }
        return new AgreementInput.Identifier(text.substring(0, colon), text.substring(colon + 1));
    }

    private static PartialDate date(String text) {
        return text == null ? null : PartialDate.parse(text);
    }

    /** A record's cells, read as the export wrote them; a cell that does not read adds its error. */
    private record Cells(Map<String, String> cells, List<FieldViolation> errors) {

        String text(String column) {
            String value = cells.get(column);
            if (value == null || value.isEmpty()) {
                return null;
            }
            return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0
                    ? value.substring(1)
                    : value;
        }

        List<String> list(String column) {
            String value = text(column);
            return value == null
                    ? List.of()
                    : Arrays.stream(value.split(";"))
                            .map(String::strip)
                            .filter(v -> !v.isEmpty())
                            .toList();
        }

        <T> T one(String column, Function<String, T> reading, String what) {
            String value = text(column);
            return value == null ? null : parse(column, value, reading, what);
        }

        <T> List<T> each(String column, Function<String, T> reading, String what) {
            return list(column).stream()
                    .map(v -> parse(column, v, reading, what))
                    .filter(v -> v != null)
                    .toList();
        }

        <T> T parse(String column, String value, Function<String, T> reading, String what) {
            try {
                return reading.apply(value.strip());
            } catch (RuntimeException e) {
                errors.add(new FieldViolation(column, "'" + value + "' is not " + what));
                return null;
            }
        }
    }
}
