package io.accords.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accords.agreement.AgreementInput;
import io.accords.agreement.AgreementService;
import io.accords.common.Nouns;
import io.accords.config.AccordsConfig;
import io.accords.http.Versions;
import io.accords.milestone.MilestoneInput;
import io.accords.milestone.MilestoneService;
import io.accords.occasion.OccasionInput;
import io.accords.occasion.OccasionService;
import io.accords.party.PartyInput;
import io.accords.party.PartyService;
import io.accords.record.ClassifiedInput;
import io.accords.record.ExampleRecords;
import io.accords.record.RecordKind;
import io.accords.record.RecordResource;
import io.accords.record.RecordService;
import io.quarkus.arc.All;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the agreements reported in the seed articles, once. A row in {@code seed_log} records that a seed set was
 * applied, so restarts never duplicate it and records a user deleted stay deleted. The whole set goes in one
 * transaction: it is all there or not at all.
 */
@ApplicationScoped
public class SeedLoader {

    /** The seed sets, in the order they are applied; each once, by its name. */
    static final List<String> RESOURCES = List.of(
            "seed/seed-articles.json",
            "seed/seed-agreement-life.json",
            "seed/seed-provenance.json",
            "seed/seed-party-names.json",
            "seed/seed-programmes.json",
            "seed/seed-party-editorial-aliases.json");

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    /** The seed log's name for the example records (ExampleRecords). */
    static final String EXAMPLE_RECORDS = "example-records-v1";

    private final AccordsConfig config;
    private final String dbKind;
    private final ObjectMapper json;
    private final Validator validator;
    private final EntityManager entityManager;
    private final PartyService parties;
    private final AgreementService agreements;
    private final OccasionService occasions;
    private final MilestoneService milestones;
    private final List<RecordService<?, ?, ?>> kinds;
    private final List<RecordResource<?, ?>> resources;

    SeedLoader(
            AccordsConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            ObjectMapper json,
            Validator validator,
            EntityManager entityManager,
            PartyService parties,
            AgreementService agreements,
            OccasionService occasions,
            MilestoneService milestones,
            @All List<RecordService<?, ?, ?>> kinds,
            @All List<RecordResource<?, ?>> resources) {
        this.config = config;
        this.dbKind = dbKind;
        this.json = json;
        this.validator = validator;
        this.entityManager = entityManager;
        this.parties = parties;
        this.agreements = agreements;
        this.occasions = occasions;
        this.milestones = milestones;
        this.kinds = kinds;
        this.resources = resources;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.seed().enabled().orElse("h2".equals(dbKind))) {
            LOG.debug("Seeding is off");
            return;
        }
        for (String resource : RESOURCES) {
            JsonNode seed = read(resource);
            String name = seed.path("name").asText();
            QuarkusTransaction.requiringNew().run(() -> load(name, seed));
        }
        QuarkusTransaction.requiringNew().run(this::loadExampleRecords);
    }

    /**
     * The example records the OpenAPI document's prefilled writes name ({@link ExampleRecords}), from each kind's
     * declaration: for each, one deleted as soon as it is made, from the create example (the delete example names it),
     * then the one the change examples act on, from the replace example; a kind under a parent goes under the parent's
     * example record. Once, like a seed set.
     */
    private void loadExampleRecords() {
        if (!claim(EXAMPLE_RECORDS)) {
            return;
        }
        List<RecordKind> declared = new ArrayList<>();
        for (RecordResource<?, ?> resource : resources) {
            for (Class<?> type = resource.getClass(); type != null; type = type.getSuperclass()) {
                if (type.isAnnotationPresent(RecordKind.class)) {
                    declared.add(type.getAnnotation(RecordKind.class));
                    break;
                }
            }
        }
        declared.sort(java.util.Comparator.comparing(kind -> !kind.parent().isEmpty()));
        for (RecordKind kind : declared) {
            RecordService<?, ?, ?> service = kinds.stream()
                    .filter(k -> k.noun().equals(kind.noun()))
                    .findFirst()
                    .orElseThrow();
            addExample(service, kind, ExampleRecords.deleted(kind.noun()), kind.input());
            service.delete(ExampleRecords.deleted(kind.noun()), Versions.ifMatch("\"0\""));
            addExample(service, kind, ExampleRecords.changed(kind.noun()), kind.replace());
        }
        LOG.infof("Loaded the example records of %d record kinds", declared.size());
    }

    private <I extends ClassifiedInput> void addExample(
            RecordService<?, I, ?> service, RecordKind kind, UUID id, String input) {
        UUID parent = kind.parent().isEmpty() ? null : ExampleRecords.changed(kind.parent());
        try {
            service.add(parent, id, valid(json.readTree(input), service.inputType()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The example of " + kind.noun() + " is not JSON", e);
        }
    }

    /** Records in the seed log that this set is applied, unless it was: a second replica starting at once fails. */
    private boolean claim(String name) {
        Number applied = (Number) entityManager
                .createNativeQuery("select count(*) from seed_log where name = :name")
                .setParameter("name", name)
                .getSingleResult();
        if (applied.longValue() > 0) {
            LOG.debugf("Seed set %s was applied before", name);
            return false;
        }
        entityManager
                .createNativeQuery("insert into seed_log (name, applied_at) values (:name, :at)")
                .setParameter("name", name)
                .setParameter("at", Instant.now())
                .executeUpdate();
        return true;
    }

    private void load(String name, JsonNode seed) {
        // Claim the set first: a second replica starting at the same time fails here and rolls back.
        if (!claim(name)) {
            return;
        }
        for (JsonNode party : seed.path("parties")) {
            parties.create(idOf(party), valid(withoutId(party), PartyInput.class));
        }
        for (JsonNode occasion : seed.path("occasions")) {
            occasions.create(idOf(occasion), valid(withoutId(occasion), OccasionInput.class));
        }
        for (JsonNode agreement : seed.path("agreements")) {
            agreements.create(idOf(agreement), valid(withoutId(agreement), AgreementInput.class));
        }
        // An agreement a user deleted stays deleted; a party a user changed since it was seeded keeps the change.
        int patched = patchEach(seed.path("patches"), agreements, id -> versionOf("agreement", id));
        int renamed = patchEach(
                seed.path("partyPatches"), parties, id -> versionOf("party", id).filter(version -> version == 0));
        // The editors' aliases are added to a party whatever a user changed since, as they change nothing else.
        renamed += patchEach(seed.path("editorialAliasPatches"), parties, id -> versionOf("party", id));
        // A kind that links to nothing a seed set names loads the same way, from the list named by its noun in the
        // plural ("programmes"): a new kind needs a seed entry, not a change here.
        Set<String> linked = Set.of(parties.noun(), occasions.noun(), agreements.noun(), milestones.noun());
        for (RecordService<?, ?, ?> kind : kinds) {
            if (!linked.contains(kind.noun())) {
                for (JsonNode record : seed.path(Nouns.plural(kind.noun()))) {
                    createSeeded(kind, idOf(record), withoutId(record));
                }
            }
        }
        int milestoneCount = 0;
        for (JsonNode milestone : seed.path("milestones")) {
            UUID agreement = UUID.fromString(milestone.path("agreementId").asText());
            if (versionOf("agreement", agreement).isPresent()) {
                ObjectNode input = (ObjectNode) withoutId(milestone);
                input.remove("agreementId");
                milestones.add(agreement, idOf(milestone), valid(input, MilestoneInput.class));
                milestoneCount++;
            }
        }
        LOG.infof(
                "Loaded seed set %s: %d parties, %d occasions, %d agreements, %d agreements changed, %d parties"
                        + " changed, %d milestones",
                name,
                seed.path("parties").size(),
                seed.path("occasions").size(),
                seed.path("agreements").size(),
                patched,
                renamed,
                milestoneCount);
    }

    /** Applies each JSON merge patch to its record at the version {@code version} names; none skips the record. */
    private static int patchEach(
            JsonNode changes, RecordService<?, ?, ?> records, Function<UUID, Optional<Long>> version) {
        int patched = 0;
        for (JsonNode change : changes) {
            UUID id = idOf(change);
            Optional<Long> expected = version.apply(id);
            if (expected.isPresent()) {
                try {
                    records.patch(id, new Versions.IfMatch(Set.of(expected.get()), false), change.path("patch"));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Seed patch cannot be read: " + change, e);
                }
                patched++;
            }
        }
        return patched;
    }

    /** The record's current version, or none when there is no such record (a user deleted it). */
    private Optional<Long> versionOf(String table, UUID id) {
        return entityManager
                .createNativeQuery("select version from " + table + " where id = :id")
                .setParameter("id", id)
                .getResultList()
                .stream()
                .findFirst()
                .map(version -> ((Number) version).longValue());
    }

    private JsonNode read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed resource " + resource + " is missing");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed resource " + resource, e);
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

    private <I extends ClassifiedInput> void createSeeded(RecordService<?, I, ?> kind, UUID id, JsonNode record) {
        kind.create(id, valid(record, kind.inputType()));
    }
}
