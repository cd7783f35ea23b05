package io.accords.search;

import io.accords.agreement.Agreement;
import io.accords.agreement.AgreementService;
import io.accords.agreement.AgreementView;
import io.accords.agreement.AgreementViews;
import io.accords.config.AccordsConfig;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.Total;
import io.accords.party.PartyService;
import io.accords.security.Callers;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads agreements by filter: pages with totals, facet counts, and the walk by last change used by sync and export. */
@ApplicationScoped
@Transactional
public class AgreementSearchService {

    private final AgreementSearch search;
    private final AgreementViews views;
    private final PartyService parties;

    private final Callers callers;
    private final AccordsConfig config;

    AgreementSearchService(
            AgreementSearch search, AgreementViews views, PartyService parties, Callers callers, AccordsConfig config) {
        this.config = config;
        this.search = search;
        this.views = views;
        this.parties = parties;
        this.callers = callers;
    }

    /** The current caller's clearance: every search is made for it, apart from what the caller asked for. */
    public Classification callerClearance() {
        return callers.current().clearance();
    }

    /** A page of the matching agreements; the total is exact up to the configured bound, or exact when asked. */
    public PageView<AgreementView> list(AgreementFilter filter, PageParams params, boolean exactTotal) {
        Classification clearance = callerClearance();
        List<AgreementView> items = search
                .page(filter, clearance, AgreementService.SORT.parse(params.sort), params.index(), params.size())
                .stream()
                .map(a -> views.of(a, clearance))
                .toList();
        Total total = exactTotal
                ? Total.exactly(search.count(filter, clearance))
                : search.countUpTo(filter, clearance, config.search().countLimit());
        return PageView.of(items, params, total);
    }

    /** The agreements naming a party, in any role; 404 when there is no such party or the caller may not see it. */
    public PageView<AgreementView> listNamingParty(UUID partyId, PageParams params, boolean exactTotal) {
        parties.requireVisible(partyId);
        return list(AgreementFilter.namingParty(partyId), params, exactTotal);
    }

    public AgreementFacets facets(AgreementFilter filter) {
        return search.facets(filter, callerClearance());
    }

    /** Up to {@code size} agreements after a position in the order of their last change, and the position after. */
    public SyncStep after(AgreementFilter filter, Optional<SyncCursor> position, int size) {
        return walk(filter, callerClearance(), position, size);
    }

    /** The step of {@link #after} for a clearance read while the request was at hand, as export's stream runs. */
    SyncStep walk(AgreementFilter filter, Classification clearance, Optional<SyncCursor> position, int size) {
        List<Agreement> found = search.after(filter, clearance, position, size);
        if (found.isEmpty()) {
            return new SyncStep(List.of(), position);
        }
        Agreement last = found.get(found.size() - 1);
        return new SyncStep(
                found.stream().map(a -> views.of(a, clearance)).toList(),
                Optional.of(new SyncCursor(last.getUpdatedAt(), last.getId())));
    }
}
