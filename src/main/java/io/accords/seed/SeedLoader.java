package io.accords.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accords.agreement.AgreementInput;
import io.accords.agreement.AgreementService;
import io.accords.config.AccordsConfig;
import io.accords.party.PartyInput;
import io.accords.party.PartyService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the agreements reported in the seed articles, once. A row in {@code seed_log} records that a seed set was
 * applied, so restarts never duplicate it and records a user deleted stay deleted. The whole set goes in one
 * transaction: it is all there or not at all.
 */
@ApplicationScoped
public class SeedLoader {

    static final String RESOURCE = "seed/seed-articles.json";
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final AccordsConfig config;
    private final String dbKind;
    private final ObjectMapper json;
    private final Validator validator;
    private final EntityManager entityManager;
    private final PartyService parties;
    private final AgreementService agreements;

    SeedLoader(
            AccordsConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            ObjectMapper json,
            Validator validator,
            EntityManager entityManager,
            PartyService parties,
            AgreementService agreements) {
        this.config = config;
        this.dbKind = dbKind;
        this.json = json;
        this.validator = validator;
        this.entityManager = entityManager;
        this.parties = parties;
        this.agreements = agreements;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.seed().enabled().orElse("h2".equals(dbKind))) {
            LOG.debug("Seeding is off");
            return;
        }
        JsonNode seed = read();
        String name = seed.path("name").asText();
        QuarkusTransaction.requiringNew().run(() -> load(name, seed));
    }

    private void load(String name, JsonNode seed) {
        Number applied = (Number) entityManager
                .createNativeQuery("select count(*) from seed_log where name = :name")
                .setParameter("name", name)
                .getSingleResult();
        if (applied.longValue() > 0) {
            LOG.debugf("Seed set %s was applied before", name);
            return;
        }
        // Claim the set first: a second replica starting at the same time fails here and rolls back.
        entityManager
                .createNativeQuery("insert into seed_log (name, applied_at) values (:name, :at)")
                .setParameter("name", name)
                .setParameter("at", Instant.now())
                .executeUpdate();
        for (JsonNode party : seed.path("parties")) {
            parties.create(idOf(party), valid(withoutId(party), PartyInput.class));
        }
        for (JsonNode agreement : seed.path("agreements")) {
            agreements.create(idOf(agreement), valid(withoutId(agreement), AgreementInput.class));
        }
        LOG.infof(
                "Loaded seed set %s: %d parties, %d agreements",
                name, seed.path("parties").size(), seed.path("agreements").size());
    }

    private JsonNode read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Seed resource " + RESOURCE + " is missing");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed resource " + RESOURCE, e);
        }
    }

    private static UUID idOf(JsonNode record) {
        return UUID.fromString(record.path("id").asText());
    }

    private static JsonNode withoutId(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        copy.remove("id");
        return copy;
    }

    private <T> T valid(JsonNode node, Class<T> type) {
        try {
            T value = json.treeToValue(node, type);
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("Seed record is not valid: " + violations);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("Seed record cannot be read: " + node, e);
        }
    }
}
