package io.accords.idempotency;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.accords.config.AccordsConfig;
import io.accords.http.Versioned;
import io.accords.http.problem.ProblemException;
import io.accords.security.Callers;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates that a client may retry safely: with an {@code Idempotency-Key}, the first request creates and the id of what
 * it created is kept (in the same transaction) for {@code accords.idempotency.ttl}, never a copy of the record; a retry with the same key and the same body gets
 * that answer again and creates nothing; the same key with another body is refused with 422. Two requests racing with
 * one key cannot both create: the second one's key row collides, its transaction (and so its record) is rolled back,
 * and it answers 409 so the client retries and gets the first one's answer.
 */
@ApplicationScoped
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 200;

    /** The outcome: the record, and whether it is the answer to an earlier request rather than a new one. */
    public record Outcome<V>(V record, boolean replayed) {}

    private final EntityManager entityManager;
    private final Callers callers;
    private final ObjectMapper json;
    private final ObjectMapper fingerprints;
    private final Duration ttl;

    IdempotentCreates(EntityManager entityManager, Callers callers, ObjectMapper json, AccordsConfig config) {
        this.entityManager = entityManager;
        this.callers = callers;
        this.json = json;
        this.ttl = config.idempotency().ttl();
        // Sets have no order of their own; sorted, the same request always has the same fingerprint.
        this.fingerprints = json.copy()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .registerModule(new SimpleModule().addSerializer(new SortedSets()));
    }

    /**
     * Runs {@code create} once per key; without a key (or with an empty one), every time. A replay answers the record
     * as {@code current} reads it now for the caller now, so it is refused (404) like any read when the record has
     * since been deleted or put above the caller's clearance.
     */
    @Transactional
    public <V extends Versioned> Outcome<V> create(
            String key, String endpoint, Object input, Class<V> type, Supplier<V> create, Function<UUID, V> current) {
        if (key == null || key.isEmpty()) {
            return new Outcome<>(create.get(), false);
        }
        if (key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(
                    HEADER, "must be 1 to " + MAX_KEY + " visible ASCII characters, such as a" + " UUID");
        }
        IdempotencyKeyId id = new IdempotencyKeyId(callers.current().subject(), endpoint, key);
        String fingerprint = fingerprint(input);
        Instant now = Instant.now();
        IdempotencyKey earlier = entityManager.find(IdempotencyKey.class, id);
        if (earlier != null && earlier.expiredAt(now)) {
            entityManager.remove(earlier);
            entityManager.flush();
            earlier = null;
        }
        if (earlier != null) {
            if (!earlier.requestHash().equals(fingerprint)) {
                throw ProblemException.unprocessable("Idempotency-Key '" + key + "' was used with another body; use"
                        + " a new key for a new request");
            }
            UUID created = earlier.recordId() != null
                    ? earlier.recordId()
                    : read(earlier.response(), type).id();
            try {
                return new Outcome<>(current.apply(created), true);
            } catch (ProblemException gone) {
                // Deleted, or now above the caller's clearance: one answer for both, naming no id.
                throw ProblemException.notFoundBecause("What this Idempotency-Key created is no longer there for you"
                        + " (deleted, or out of your reach); use a new key to create again");
            }
        }
        V created = create.get();
        entityManager.persist(new IdempotencyKey(id, fingerprint, created.id(), now, now.plus(ttl)));
        entityManager.flush();
        return new Outcome<>(created, false);
    }

    /** Removes expired keys; run on start. */
    @Transactional
    void purgeExpired(@Observes StartupEvent event) {
        entityManager
                .createQuery("delete from IdempotencyKey k where k.expiresAt <= :now")
                .setParameter("now", Instant.now())
                .executeUpdate();
    }

    private String fingerprint(Object input) {
        try {
            byte[] canonical = fingerprints.writeValueAsBytes(input);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private <V> V read(String stored, Class<V> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept answer cannot be read", e);
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class SortedSets extends StdSerializer<Set> {

        SortedSets() {
            super(Set.class);
        }

        @Override
        public void serialize(Set set, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartArray();
            for (Object value : set.stream().map(String::valueOf).sorted().toList()) {
                generator.writeString((String) value);
            }
            generator.writeEndArray();
        }
    }
}
