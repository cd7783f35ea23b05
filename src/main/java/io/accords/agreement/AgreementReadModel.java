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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.FlushMode;
import org.hibernate.Session;
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

    /**
     * The shape of the documents this code writes: raise it with every change to what {@link AgreementView} writes
     * (a field, a name, a rule such as {@code uncited}'s), so that documents of the shape before are read and written
     * again, never sent as stored ({@link #asStored}).
     */
    static final int DOCUMENT_FORMAT = 1;

    /** Where a document's version and times begin: its last members, which the database holds apart (columns). */
    private static final byte[] VERSION_MEMBER = ",\"version\":".getBytes(StandardCharsets.US_ASCII);

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
            String[] keys,
            Set<SearchWord> words) {}

    private Derived derive(Agreement agreement) {
        AgreementView whole = mapper.toView(agreement);
        String publicWords = upTo(agreement, Classification.PUBLIC);
        // The words a clearance finds differ from the one below only by the names of parties it alone may see.
        String restrictedWords = seesMoreParties(agreement, Classification.PUBLIC, Classification.RESTRICTED)
                ? upTo(agreement, Classification.RESTRICTED)
                : publicWords;
        String allWords = seesMoreParties(agreement, Classification.RESTRICTED, Classification.CONFIDENTIAL)
                ? upTo(agreement, Classification.CONFIDENTIAL)
                : restrictedWords;
        return new Derived(
                publicWords,
                restrictedWords,
                allWords,
                whole,
                document(whole),
                SearchKeys.array(SearchKeys.of(agreement)),
                agreements.keepsWords() ? SearchWord.of(List.of(publicWords, restrictedWords, allWords)) : null);
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
                derived.keys(),
                derived.words());
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
        } catch (IOException e) {
            throw new IllegalStateException("A stored agreement cannot be read", e);
        }
    }

    /**
     * The agreement as JSON exactly as {@link #read} and Jackson would write it, without reading it: the document's
     * bytes as stored, with the version and times of their columns put in place of those it was written with. Empty
     * when the document is missing or of an earlier shape, or does not end as this code writes it.
     */
    Optional<StoredJson> asStored(StoredAgreement stored) {
        byte[] document = stored.document();
        if (document == null || stored.documentFormat() != DOCUMENT_FORMAT) {
            return Optional.empty();
        }
        int tail = lastIndexOf(document, VERSION_MEMBER);
        if (tail < 0) {
            return Optional.empty();
        }
        for (int i = tail; i < document.length; i++) {
            if (document[i] == '{' || document[i] == '[') {
                return Optional.empty();
            }
        }
        return Optional.of(new StoredJson(
                document,
                tail,
                new String(VERSION_MEMBER, StandardCharsets.US_ASCII) + stored.version() + ",\"createdAt\":"
                        + instant(stored.createdAt()) + ",\"updatedAt\":" + instant(stored.updatedAt()) + "}"));
    }

    /** Where the bytes last hold these (ASCII) ones, or -1. */
    private static int lastIndexOf(byte[] bytes, byte[] sought) {
        outer:
        for (int i = bytes.length - sought.length; i >= 0; i--) {
            for (int j = 0; j < sought.length; j++) {
                if (bytes[i + j] != sought[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** An instant as Jackson writes it (ISO-8601 in UTC, as {@link Instant#toString}), quoted, or null. */
    private static String instant(Instant instant) {
        return instant == null ? "null" : "\"" + instant + "\"";
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
                // The chunk's words are written at its commit, in batches: a flush before each agreement's update
                // would look at every agreement of the chunk again.
                Session session = agreements.getEntityManager().unwrap(Session.class);
                session.setHibernateFlushMode(FlushMode.COMMIT);
                session.setJdbcBatchSize(CHUNK);
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
        if (derived.words() != null) {
            // Written by the session with the chunk, like any change of the agreement's words; the version stays.
            agreement.keepWords(derived.words());
        }
        agreements.update(
                "searchTextPublic = ?1, searchTextRestricted = ?2, searchText = ?3, document = ?4, searchKeys = ?5,"
                        + " documentFormat = ?7, wordsKept = ?8 where id = ?6",
                derived.publicWords(),
                derived.restrictedWords(),
                derived.allWords(),
                derived.document(),
                derived.keys(),
                agreement.getId(),
                DOCUMENT_FORMAT,
                derived.words() != null);
    }

    /** Whether a caller cleared {@code higher} sees a party of the agreement that one cleared {@code lower} does not. */
    private static boolean seesMoreParties(Agreement agreement, Classification lower, Classification higher) {
        return agreement.getParties().stream()
                .map(participant -> participant.getParty().getClassification())
                .anyMatch(classification -> higher.allows(classification) && !lower.allows(classification));
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
