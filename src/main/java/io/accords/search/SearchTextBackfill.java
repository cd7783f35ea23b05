package io.accords.search;

import io.accords.agreement.Agreement;
import io.accords.agreement.AgreementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/** Fills in the search words of agreements stored before text search existed, a chunk per transaction. */
@ApplicationScoped
public class SearchTextBackfill {

    private static final Logger LOG = Logger.getLogger(SearchTextBackfill.class);
    private static final int CHUNK = 500;

    private final AgreementRepository agreements;

    SearchTextBackfill(AgreementRepository agreements) {
        this.agreements = agreements;
    }

    void onStart(@Observes StartupEvent event) {
        long filled = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> {
                List<Agreement> missing =
                        agreements.find("searchText is null").page(0, CHUNK).list();
                missing.forEach(Agreement::refreshSearchText);
                return missing.size();
            });
            filled += done;
        } while (done == CHUNK);
        if (filled > 0) {
            LOG.infof("Filled in the search words of %d agreements", filled);
        }
    }
}
