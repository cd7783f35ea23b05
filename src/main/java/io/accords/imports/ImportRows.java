package io.accords.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accords.agreement.AgreementInput;
import io.accords.agreement.AgreementService;
import io.accords.agreement.AgreementView;
import io.accords.http.problem.ProblemException;
import io.accords.party.PartySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one NDJSON line of an import: an agreement as the export writes it (its parties inline, with their ids), or as
 * a client writes one ({@code partyId}). The row's record is the one with its {@code id}; without one, the agreement
 * holding one of its identifiers; without either, an id derived from the line's text, so that importing the same file
 * again matches the same records.
 */
@ApplicationScoped
public class ImportRows {

    /** Longest line read; longer ones are refused (a part of the stored file holds at most about a megabyte). */
    static final int MAX_LINE = 500_000;

    /** What only an export shows, never written by a client. */
    private static final List<String> READ_ONLY = List.of("countries", "uncited", "version", "createdAt", "updatedAt");

    private final ObjectMapper json;
    private final Validator validator;
    private final AgreementService agreements;
    private final CsvRows csv;

    ImportRows(ObjectMapper json, Validator validator, AgreementService agreements, CsvRows csv) {
        this.json = json;
        this.validator = validator;
        this.agreements = agreements;
        this.csv = csv;
    }

    /**
     * A row read: the record it writes, what to write, and the parties it names as the export showed them; {@code
     * ownId} when the row names the id itself (rather than matching a record by an identifier or by its text).
     */
    record Row(UUID id, AgreementInput input, List<PartySummary> parties, boolean ownId) {}

    /** What the stored file holds in place of a line too long to read: a marker with its length. */
    static String tooLong(int length) {
        return TOO_LONG + length;
    }

    private static final String TOO_LONG = "#too-long:";

    /** A row of this job's file, checked as a single write would check it. */
    Row read(ImportJob job, String line) throws IOException {
        if (line.startsWith(TOO_LONG)) {
            throw ProblemException.invalid(
                    "row",
                    "is " + line.substring(TOO_LONG.length()) + " characters long; a row may have at most " + MAX_LINE);
        }
        Row row = job.csv() ? csv.read(job.header, line) : json(line);
        Set<ConstraintViolation<AgreementInput>> violations = validator.validate(row.input());
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (row.id() != null) {
            return row;
        }
        UUID matched = row.input().identifiers().stream()
                .map(i -> agreements.visibleHolderOf(i.scheme(), i.value()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(UUID.nameUUIDFromBytes(line.getBytes(StandardCharsets.UTF_8)));
        return new Row(matched, row.input(), row.parties(), false);
    }

    private Row json(String line) throws IOException {
        JsonNode node = json.readTree(line);
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("row", "must be one JSON object, an agreement as the export writes it");
        }
        ObjectNode row = (ObjectNode) node;
        UUID id = idOf(row.remove("id"));
        row.remove("snippet");
        AgreementInput input;
        List<PartySummary> parties = new ArrayList<>();
        // What the export shows of the record's own life (version, times) and derives is not written.
        READ_ONLY.forEach(row::remove);
        if (exported(row)) {
            row.put("version", 0);
            AgreementView view = json.treeToValue(row, AgreementView.class);
            view.parties().forEach(p -> parties.add(p.party()));
            input = agreements.inputOf(view);
        } else {
            input = json.treeToValue(row, AgreementInput.class);
        }
        return new Row(id, input, parties, id != null);
    }

    /** The id a row names, when it names a well-formed one: a refusal says which record it was about. */
    UUID idNamedBy(ImportJob job, String line) {
        try {
            String id = job.csv()
                    ? CsvRows.cells(job.header, line).get("id")
                    : json.readTree(line).path("id").asText(null);
            return id == null ? null : UUID.fromString(id);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** An export's row names its parties inline ({@code party}), a client's by {@code partyId}. */
    private static boolean exported(ObjectNode row) {
        JsonNode first = row.path("parties").path(0);
        return first.has("party");
    }

    private static UUID idOf(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID such as a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5");
        }
    }
}
