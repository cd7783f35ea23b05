package io.accords.agreement;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON written out as it is: the first {@code length} bytes of a stored document (UTF-8, as the database sent it)
 * followed by a tail made here, copied into the generator's buffer without being decoded or encoded again. Jackson
 * writes it with {@code writeRawValue}; only its unquoted UTF-8 forms are used there, the rest decode it.
 */
final class StoredJson implements SerializableString {

    private final byte[] head;
    private final int length;
    private final byte[] tail;

    StoredJson(byte[] head, int length, String tail) {
        this.head = head;
        this.length = length;
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] asUnquotedUTF8() {
        byte[] whole = Arrays.copyOf(head, length + tail.length);
        System.arraycopy(tail, 0, whole, length, tail.length);
        return whole;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        if (offset + length + tail.length > buffer.length) {
            return -1;
        }
        System.arraycopy(head, 0, buffer, offset, length);
        System.arraycopy(tail, 0, buffer, offset + length, tail.length);
        return length + tail.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(head, 0, length);
        out.write(tail);
        return length + tail.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (buffer.remaining() < length + tail.length) {
            return -1;
        }
        buffer.put(head, 0, length).put(tail);
        return length + tail.length;
    }

    @Override
    public String getValue() {
        return new String(head, 0, length, StandardCharsets.UTF_8) + new String(tail, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        return text().appendUnquoted(buffer, offset);
    }

    @Override
    public char[] asQuotedChars() {
        return text().asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
        return text().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return text().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        return text().appendQuoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        return text().writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
        return text().putQuotedUTF8(buffer);
    }

    @Override
    public String toString() {
        return getValue();
    }

    private SerializedString text() {
        return new SerializedString(getValue());
    }
}
