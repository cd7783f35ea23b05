package io.accords.changes;

import io.accords.http.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque cursors and event ids: positions in the feed, enciphered (AES, one block) with a key every replica shares, so
 * that a caller cannot tell how far apart two changes it was shown are, nor how many it was not shown between them.
 */
@ApplicationScoped
public class ChangeCursors {

    /** What a deciphered cursor ends with; anything else was not made here (a forgery passes once in 2^32). */
    private static final int CURSOR = 0x61634331;
    /** What a deciphered event id ends with. */
    private static final int EVENT = 0x61634531;

    private final EntityManager entities;
    private volatile SecretKeySpec key;

    ChangeCursors(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Where a follower is: after {@code position}, having last read when the feed's last position was {@code head}
     * (what it could have been told of a record then decides whether it is told the record left its view).
     */
    public record Cursor(long position, long head) {}

    String of(Cursor cursor) {
        return seal(cursor.position(), cursor.head(), CURSOR);
    }

    /** An event's id: its position, enciphered, the same whoever reads it and whenever. */
    String eventId(long position) {
        return seal(position, 0, EVENT);
    }

    /** The cursor a parameter holds; 400 naming the parameter when it is not a cursor this feed gave. */
    Cursor read(String cursor, String parameter) {
        byte[] block;
        try {
            block = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            block = new byte[0];
        }
        if (block.length == 16) {
            ByteBuffer plain = ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, block));
            long position = six(plain);
            long head = six(plain);
            int mark = plain.getInt();
            if (mark == CURSOR) {
                return new Cursor(position, head);
            }
            if (mark == EVENT) {
                throw ProblemException.invalid(
                        parameter,
                        "is an event's id, not a cursor: go on from the Link header's next (or, in a stream, the last"
                                + " SSE id)");
            }
        }
        throw ProblemException.invalid(
                parameter,
                "is not a cursor of this feed: send the Link header's next of your last read (or \"now\", or nothing"
                        + " to start from the beginning)");
    }

    private String seal(long first, long second, int mark) {
        ByteBuffer block = ByteBuffer.allocate(16);
        block.putShort((short) (first >>> 32)).putInt((int) first);
        block.putShort((short) (second >>> 32)).putInt((int) second);
        block.putInt(mark);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cipher(Cipher.ENCRYPT_MODE, block.array()));
    }

    /** A number of six bytes (positions stay below 2^48). */
    private static long six(ByteBuffer buffer) {
        long high = buffer.getShort() & 0xFFFFL;
        return (high << 32) | (buffer.getInt() & 0xFFFFFFFFL);
    }

    private byte[] cipher(int mode, byte[] block) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(mode, key());
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    /** The shared key, made by the first replica that needs one. */
    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            String hex = QuarkusTransaction.requiringNew().call(() -> {
                SequencerState state =
                        entities.find(SequencerState.class, SequencerState.ID, LockModeType.PESSIMISTIC_WRITE);
                if (state.cursorKey() == null) {
                    byte[] fresh = new byte[16];
                    new SecureRandom().nextBytes(fresh);
                    state.keyWith(java.util.HexFormat.of().formatHex(fresh));
                }
                return state.cursorKey();
            });
            known = new SecretKeySpec(java.util.HexFormat.of().parseHex(hex), "AES");
            key = known;
        }
        return known;
    }
}
