package io.accords.agreement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.OutputStream;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Agreements as a caller sees them, for a page, a sync step or an export: those the caller sees whole are written
 * out as their stored documents hold them ({@link AgreementReadModel#asStored}), without being read and written
 * again; the others (a link hidden from the caller, a document of an earlier shape) from their views. Read as a list,
 * each is the view it writes out, read from its document on first use.
 */
@JsonSerialize(using = AgreementDocuments.Writer.class)
@RegisterForReflection
public final class AgreementDocuments extends AbstractList<AgreementView> implements RandomAccess {

    /** One agreement: its row and its JSON as stored, or its view. */
    record Item(StoredAgreement row, StoredJson json, AgreementView view) {

        static Item asStored(StoredAgreement row, StoredJson json) {
            return new Item(row, json, null);
        }

        static Item seen(AgreementView view) {
            return new Item(null, null, view);
        }
    }

    private final List<Item> items;
    private final Function<StoredAgreement, AgreementView> reader;
    private final AgreementView[] read;

    /** The reader gives the view of an agreement written out as stored, when the list is read. */
    AgreementDocuments(List<Item> items, Function<StoredAgreement, AgreementView> reader) {
        this.items = List.copyOf(items);
        this.reader = reader;
        this.read = new AgreementView[items.size()];
    }

    @Override
    public AgreementView get(int index) {
        AgreementView view = items.get(index).view();
        if (view != null) {
            return view;
        }
        if (read[index] == null) {
            read[index] = reader.apply(items.get(index).row());
        }
        return read[index];
    }

    @Override
    public int size() {
        return items.size();
    }

    /** How many of them are written out as stored: for tests that hold the list to its promise. */
    public long asStored() {
        return items.stream().filter(item -> item.view() == null).count();
    }

    /** Writes them one a line (NDJSON): each stored JSON as it is, the others as Jackson writes a view. */
    public void writeLines(OutputStream output, ObjectMapper json) throws IOException {
        for (Item item : items) {
            if (item.view() == null) {
                item.json().writeUnquotedUTF8(output);
            } else {
                output.write(json.writeValueAsBytes(item.view()));
            }
            output.write('\n');
        }
    }

    /** Writes each agreement's stored JSON as it is, and the others as Jackson writes a view. */
    @RegisterForReflection
    public static final class Writer extends JsonSerializer<AgreementDocuments> {

        @Override
        public void serialize(AgreementDocuments agreements, JsonGenerator output, SerializerProvider provider)
                throws IOException {
            output.writeStartArray(agreements, agreements.size());
            for (Item item : agreements.items) {
                if (item.view() == null) {
                    output.writeRawValue(item.json());
                } else {
                    provider.defaultSerializeValue(item.view(), output);
                }
            }
            output.writeEndArray();
        }
    }
}
