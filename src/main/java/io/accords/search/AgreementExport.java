package io.accords.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.accords.agreement.AgreementDocuments;
import io.accords.agreement.AgreementView;
import io.accords.config.AccordsConfig;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Streams every agreement matching a filter as CSV (RFC 4180, UTF-8, a header row) or NDJSON, fetching them a chunk
 * at a time in the order of their last change, so memory stays flat whatever the number of rows.
 */
@ApplicationScoped
public class AgreementExport {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";

    /** The two formats, by the name the {@code format} parameter takes. */
    public enum Format {
        CSV(AgreementExport.CSV + ";charset=UTF-8", "csv"),
        NDJSON(AgreementExport.NDJSON + ";charset=UTF-8", "ndjson");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Format named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private static final CsvMapper CSV_MAPPER =
            CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    private static final CsvSchema CSV_SCHEMA =
            CSV_MAPPER.schemaFor(AgreementRow.class).withHeader().withLineSeparator("\r\n");

    private final AgreementSearchService search;
    private final ObjectMapper json;
    private final int chunk;

    AgreementExport(AgreementSearchService search, ObjectMapper json, AccordsConfig config) {
        this.search = search;
        this.json = json;
        this.chunk = config.export().chunkSize();
    }

    /** Reads the caller's clearance now, while the request's identity is at hand, then streams. */
    public StreamingOutput stream(AgreementFilter filter, Format format) {
        Classification clearance = search.callerClearance();
        return output -> {
            try (RowWriter rows = format == Format.CSV ? new CsvRows(output) : new JsonLines(output)) {
                Optional<SyncCursor> position = Optional.empty();
                SyncStep step;
                do {
                    step = search.walk(filter, clearance, position, chunk);
                    position = step.position();
                    rows.write(step.items());
                    output.flush();
                } while (step.items().size() == chunk);
            }
        };
    }

    private interface RowWriter extends AutoCloseable {
        void write(List<AgreementView> agreements) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class CsvRows implements RowWriter {
        private final SequenceWriter writer;

        CsvRows(OutputStream output) throws IOException {
            writer = CSV_MAPPER.writer(CSV_SCHEMA).writeValues(output);
        }

        @Override
        public void write(List<AgreementView> agreements) throws IOException {
            for (AgreementView agreement : agreements) {
                writer.write(AgreementRow.of(agreement));
            }
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    private final class JsonLines implements RowWriter {
        private final OutputStream output;

        JsonLines(OutputStream output) {
            this.output = output;
        }

        /** One agreement a line: those the caller sees whole as their stored documents hold them. */
        @Override
        public void write(List<AgreementView> agreements) throws IOException {
            if (agreements instanceof AgreementDocuments documents) {
                documents.writeLines(output, json);
                return;
            }
            for (AgreementView agreement : agreements) {
                output.write(json.writeValueAsBytes(agreement));
                output.write('\n');
            }
        }

        @Override
        public void close() throws IOException {
            output.flush();
        }
    }
}
