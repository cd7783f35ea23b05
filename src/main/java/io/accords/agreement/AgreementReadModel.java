package io.accords.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.common.SearchText;
import io.accords.config.AccordsConfig;
import io.accords.security.Classification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The one place an agreement's search words are kept up to date: computed from its title, summary, systems, tags and
 * the names of its parties, once per clearance (a caller's text search never matches the names of parties it may not
 * see); its filter keys ({@link SearchKeys}); and its stored document. PostgreSQL derives the text-search vectors from
 * the words itself (generated columns). Refreshed in the transaction of every write that changes them: a change to the
 * agreement, a change to a party's names or classification, and, on start, for agreements stored without them (before
 * they existed, or after a migration cleared them); all of them when {@code accords.read-model.rebuild} is set.
 */
@ApplicationScoped
public class AgreementReadModel {

    private static final Logger LOG = Logger.getLogger(AgreementReadModel.class);
    private static final int CHUNK = 500;

    private final AgreementRepository agreements;
    private final AgreementMapper mapper;
    private final ObjectMapper json;
    private final AccordsConfig config;

    AgreementReadModel(
            AgreementRepository agreements, AgreementMapper mapper, ObjectMapper json, AccordsConfig config) {
        this.config = config;
        this.agreements = agreements;
        this.mapper = mapper;
        this.json = json;
    }

    /** The HQL path of the words a caller of this clearance matches. */
    public static String pathFor(Classification clearance) {
        return "searchText" + columnSuffix(clearance);
    }

    /**
     * The HQL path of the text-search vector a caller of this clearance matches (PostgreSQL computes it from the
     * words at {@link #pathFor}).
     */
    public static String vectorPathFor(Classification clearance) {
        return "searchVector" + columnSuffix(clearance);
    }

    /** Which of the per-clearance columns serves a clearance: the unsuffixed one holds every party's names. */
    private static String columnSuffix(Classification clearance) {
        return switch (clearance) {
            case PUBLIC -> "Public";
            case RESTRICTED -> "Restricted";
            case CONFIDENTIAL -> "";
        };
    }

    /** What reads use, derived from the agreement: its search words per clearance, its document and its keys. */
    private record Derived(
            String publicWords,
            String restrictedWords,
            String allWords,
            AgreementView whole,
            String document,
            String[] keys) {}

    private Derived derive(Agreement agreement) {
        AgreementView whole = mapper.toView(agreement);
        return new Derived(
                upTo(agreement, Classification.PUBLIC),
                upTo(agreement, Classification.RESTRICTED),
                upTo(agreement, Classification.CONFIDENTIAL),
                whole,
                document(whole),
                SearchKeys.array(SearchKeys.of(agreement)));
    }

    /** After every write of the agreement, and after a change of a party it names. */
    void refresh(Agreement agreement) {
        Derived derived = derive(agreement);
        agreement.readModel(
                derived.publicWords(),
                derived.restrictedWords(),
                derived.allWords(),
                derived.whole(),
                derived.document(),
                derived.keys());
    }

    /** The agreement whole as JSON; its version and times are read from their columns, set when it is flushed. */
    private String document(AgreementView whole) {
        try {
            return json.writeValueAsString(whole);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An agreement cannot be written as JSON", e);
        }
    }

    /** The agreement as its document holds it, with the stored version and times; empty when it has none yet. */
    Optional<AgreementView> read(StoredAgreement stored) {
        if (stored.document() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored.document(), AgreementView.class)
                    .as(stored.version(), stored.createdAt(), stored.updatedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored agreement cannot be read", e);
        }
    }

    /** After a party's names or classification changed: every agreement that names it. */
    void refreshNaming(UUID partyId) {
        agreements.namingParty(partyId).forEach(this::refresh);
    }

    /**
     * On start, for agreements stored without their read model (before it existed): written by a bulk update, so the
     * agreement itself is not changed (neither its version nor its last change).
     */
    void backfill(@Observes StartupEvent event) {
        if (config.readModel().rebuild()) {
            int cleared = QuarkusTransaction.requiringNew().call(() -> agreements.update("document = null"));
            LOG.infof("Rebuilding the read model of %d agreements (accords.read-model.rebuild=true)", cleared);
        }
        long filled = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> {
                List<Agreement> missing = agreements.withoutReadModel(CHUNK);
                missing.forEach(this::fill);
                return missing.size();
            });
            filled += done;
        } while (done == CHUNK);
        if (filled > 0) {
            LOG.infof("Filled in the read model (search words, document) of %d agreements", filled);
        }
    }

    private void fill(Agreement agreement) {
        Derived derived = derive(agreement);
        agreements.update(
                "searchTextPublic = ?1, searchTextRestricted = ?2, searchText = ?3, document = ?4, searchKeys = ?5"
                        + " where id = ?6",
                derived.publicWords(),
                derived.restrictedWords(),
                derived.allWords(),
                derived.document(),
                derived.keys(),
                agreement.getId());
    }

    private static String upTo(Agreement agreement, Classification clearance) {
        Stream<String> partyNames = agreement.getParties().stream()
                .map(Participant::getParty)
                .distinct()
                .filter(party -> clearance.allows(party.getClassification()))
                .flatMap(party -> party.searchableNames().stream());
        return SearchText.document(SearchFields.of(
                        agreement.getTitle(),
                        agreement.getSummary(),
                        agreement.getSystems(),
                        agreement.getTags(),
                        partyNames)
                .values()
                .stream()
                .flatMap(List::stream));
    }
}
