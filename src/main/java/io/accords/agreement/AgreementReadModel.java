package io.accords.agreement;

import io.accords.common.SearchText;
import io.accords.security.Classification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
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
public class SearchWords {

    private static final Logger LOG = Logger.getLogger(SearchWords.class);
    private static final int CHUNK = 500;

    private final AgreementRepository agreements;

    SearchWords(AgreementRepository agreements) {
        this.agreements = agreements;
    }

    /** The HQL path of the words a caller of this clearance matches. */
    public static String pathFor(Classification clearance) {
        return switch (clearance) {
            case PUBLIC -> "searchTextPublic";
            case RESTRICTED -> "searchTextRestricted";
            case CONFIDENTIAL -> "searchText";
        };
    }

    /** After a write that changes the agreement's text or parties. */
    void refresh(Agreement agreement) {
        agreement.searchWords(
                upTo(agreement, Classification.PUBLIC),
                upTo(agreement, Classification.RESTRICTED),
                upTo(agreement, Classification.CONFIDENTIAL));
    }

    /** After a party's names or classification changed: every agreement that names it. */
    void refreshNaming(UUID partyId) {
        agreements.namingParty(partyId).forEach(this::refresh);
    }

    void backfill(@Observes StartupEvent event) {
        long filled = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> {
                List<Agreement> missing = agreements.withoutSearchWords(CHUNK);
                missing.forEach(this::refresh);
                return missing.size();
            });
            filled += done;
        } while (done == CHUNK);
        if (filled > 0) {
            LOG.infof("Filled in the search words of %d agreements", filled);
        }
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
