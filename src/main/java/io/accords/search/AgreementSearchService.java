package io.accords.search;

import io.accords.agreement.Agreement;
import io.accords.agreement.AgreementService;
import io.accords.agreement.AgreementView;
import io.accords.agreement.AgreementViews;
import io.accords.paging.PageParams;
import io.accords.paging.PageView;
import io.accords.party.PartyRepository;
import io.accords.problem.ProblemException;
import io.accords.security.Callers;
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
    private final PartyRepository parties;

    private final Callers callers;

    AgreementSearchService(AgreementSearch search, AgreementViews views, PartyRepository parties, Callers callers) {
        this.search = search;
        this.views = views;
        this.parties = parties;
        this.callers = callers;
    }

    /** The filter restricted to what the current caller may see; every search goes through it. */
    public AgreementFilter forCaller(AgreementFilter filter) {
        return filter.visibleTo(callers.current().clearance());
    }

    public PageView<AgreementView> list(AgreementFilter requested, PageParams params) {
        AgreementFilter filter = forCaller(requested);
        List<AgreementView> items =
                search.page(filter, AgreementService.SORT.parse(params.sort), params.index(), params.size()).stream()
                        .map(views::of)
                        .toList();
        return PageView.of(items, params, search.count(filter));
    }

    /** The agreements naming a party, in any role; 404 when there is no such party or the caller may not see it. */
    public PageView<AgreementView> listNamingParty(UUID partyId, PageParams params) {
        if (parties.findByIdOptional(partyId)
                .filter(p -> callers.current().sees(p.getClassification()))
                .isEmpty()) {
            throw ProblemException.notFound("party", partyId);
        }
        return list(AgreementFilter.namingParty(partyId), params);
    }

    public AgreementFacets facets(AgreementFilter filter) {
        return search.facets(forCaller(filter));
    }

    /** Up to {@code size} agreements after a position in the order of their last change, and the position after. */
    public SyncStep after(AgreementFilter filter, Optional<SyncCursor> position, int size) {
        return walk(forCaller(filter), position, size);
    }

    /** The step of {@link #after} for a filter already restricted by {@link #forCaller}, as export's stream runs. */
    SyncStep walk(AgreementFilter visible, Optional<SyncCursor> position, int size) {
        List<Agreement> found = search.after(visible, position, size);
        if (found.isEmpty()) {
            return new SyncStep(List.of(), position);
        }
        Agreement last = found.get(found.size() - 1);
        return new SyncStep(
                found.stream().map(a -> views.of(a, visible.clearance())).toList(),
                Optional.of(new SyncCursor(last.getUpdatedAt(), last.getId())));
    }
}
