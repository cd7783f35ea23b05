package io.accords.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.common.SearchText;
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
 * see), on every write that changes them: a change to the agreement, a change to a party's names or classification,
 * and, on start, for agreements stored without them (before text search existed, or after a migration cleared them).
 */
@ApplicationScoped
public class AgreementReadModel {

    private static final Logger LOG = Logger.getLogger(AgreementReadModel.class);
    private static final int CHUNK = 500;

    private final AgreementRepository agreements;
    private final AgreementMapper mapper;
    private final ObjectMapper json;

    AgreementReadModel(AgreementRepository agreements, AgreementMapper mapper, ObjectMapper json) {
        this.agreements = agreements;
        this.mapper = mapper;
        this.json = json;
    }

    /** The HQL path of the words a caller of this clearance matches. */
    public static String pathFor(Classification clearance) {
        return switch (clearance) {
            case PUBLIC -> "searchTextPublic";
            case RESTRICTED -> "searchTextRestricted";
            case CONFIDENTIAL -> "searchText";
        };
    }

    /** What reads use, derived from the agreement: its search words per clearance and its document. */
    private record Derived(String publicWords, String restrictedWords, String allWords, String document) {}

    private Derived derive(Agreement agreement) {
        return new Derived(
                upTo(agreement, Classification.PUBLIC),
                upTo(agreement, Classification.RESTRICTED),
                upTo(agreement, Classification.CONFIDENTIAL),
                document(agreement));
    }

    /** After every write of the agreement, and after a change of a party it names. */
    void refresh(Agreement agreement) {
        Derived derived = derive(agreement);
        agreement.readModel(derived.publicWords(), derived.restrictedWords(), derived.allWords(), derived.document());
    }

    /** The agreement whole as JSON; its version and times are read from their columns, set when it is flushed. */
    private String document(Agreement agreement) {
        try {
            return json.writeValueAsString(mapper.toView(agreement));
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
                "searchTextPublic = ?1, searchTextRestricted = ?2, searchText = ?3, document = ?4 where id = ?5",
                derived.publicWords(),
                derived.restrictedWords(),
                derived.allWords(),
                derived.document(),
                agreement.getId());
    }

    private static String upTo(Agreement agreement, Classification clearance) {
        Stream<String> partyNames = agreement.getParties().stream()
                .map(Participant::getParty)
                .distinct()
                .filter(party -> clearance.allows(party.getClassification()))
                .flatMap(party -> party.searchableNames().stream());
        return SearchText.document(Stream.of(
                        Stream.of(agreement.getTitle(), agreement.getSummary()),
                        agreement.getSystems().stream(),
                        agreement.getTags().stream(),
                        partyNames)
                .flatMap(words -> words));
    }
}
