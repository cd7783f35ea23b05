package io.accords.search;

import io.accords.agreement.AgreementView;
import io.accords.agreement.AgreementViews;
import io.accords.agreement.StoredAgreement;
import io.accords.config.AccordsConfig;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.SortOrder;
import io.accords.http.Total;
import io.accords.http.problem.ProblemException;
import io.accords.party.PartyService;
import io.accords.security.Callers;
import io.accords.security.Classification;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads agreements by filter: pages with totals, facet counts, and the walk by last change used by sync and export. */
@ApplicationScoped
@Transactional
public class AgreementSearchService {

    /** The orders a list may ask for; relevance only with a text query, and then by default. */
    static final SortOrder SORT = new SortOrder(
            Map.ofEntries(
                    Map.entry("title", "title"),
                    Map.entry("type", "type"),
                    Map.entry("status", "status"),
                    Map.entry("announced", "announced.first"),
                    Map.entry("signed", "signed.first"),
                    Map.entry("effective", "effective.first"),
                    Map.entry("expires", "expires.first"),
                    Map.entry("createdAt", "createdAt"),
                    Map.entry("updatedAt", "updatedAt"),
                    Map.entry(AgreementSearch.RELEVANCE, AgreementSearch.RELEVANCE)),
            "-signed,title");

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

    /**
     * A page of the matching agreements: by number, or after a cursor from the page before (then {@code pageAsked}
     * must be false). The total is exact up to the configured bound, or exact when asked; the answer carries the
     * cursor to the next page.
     */
    public PageView<AgreementView> list(
            AgreementFilter filter,
            PageParams params,
            boolean exactTotal,
            Optional<ListCursor> cursor,
            boolean pageAsked) {
        Classification clearance = callerClearance();
        Optional<TextQuery> text = filter.text();
        List<String> sortAsked = params.sort == null || params.sort.isEmpty()
                ? text.map(q -> List.of(AgreementSearch.RELEVANCE)).orElse(params.sort)
                : params.sort;
        Sort sort = SORT.parse(sortAsked);
        boolean byRelevance =
                sort.getColumns().stream().anyMatch(column -> column.getName().equals(AgreementSearch.RELEVANCE));
        if (byRelevance && text.isEmpty()) {
            throw ProblemException.invalid("sort", "relevance needs a q to measure it against; give q or another key");
        }
        String sortKey = ListCursor.sortOf(params.sort);
        int page = params.page();
        int countLimit = config.search().countLimit();
        List<StoredAgreement> found;
        Optional<Total> counted = Optional.empty();
        if (cursor.isPresent()) {
            ListCursor after = cursor.get();
            if (pageAsked) {
                throw ProblemException.invalid("page", "cannot be sent with after; send one of them");
            }
            if (byRelevance) {
                throw ProblemException.invalid(
                        "after",
                        "does not work with the relevance order; page through it with page, or sort by a field");
            }
            if (!after.sort().equals(sortKey)) {
                throw ProblemException.invalid(
                        "after",
                        "was given for sort=" + (after.sort().isEmpty() ? " (the default)" : after.sort())
                                + "; send the same sort, or start again without after");
            }
            search.planForTheirValues();
            Object[] position = search.position(after.after(), sort, clearance)
                    .orElseThrow(() -> ProblemException.invalid(
                            "after",
                            "continues from an agreement that no longer exists for you; start again from the first"
                                    + " page"));
            page = after.page();
            found = search.pageAfter(filter, clearance, sort, position, params.size());
        } else if (byRelevance) {
            return byRelevance(filter, text.get(), sort, params, exactTotal, clearance);
        } else if (exactTotal) {
            search.planForTheirValues();
            found = search.page(filter, clearance, sort, params.index(), params.size());
        } else {
            // Planned for its values only when it binds some (countedPage).
            CountedPage counting =
                    search.countedPage(filter, clearance, sort, params.index(), params.size(), countLimit);
            found = counting.items();
            counted = Optional.of(counting.total());
        }
        List<AgreementView> items = withSnippets(views.ofStored(found, clearance), text);
        Total total = counted.orElseGet(() -> exactTotal
                ? Total.exactly(search.count(filter, clearance))
                : search.countUpTo(filter, clearance, countLimit));
        boolean more =
                items.size() == params.size() && (total.atLeast() || (long) page * params.size() < total.count());
        String next = more
                ? new ListCursor(sortKey, page + 1, found.get(found.size() - 1).id()).toString()
                : null;
        return PageView.of(items, params, total).at(page, next);
    }

    /**
     * The relevance order: at most {@code accords.relevance.rank-limit} matches are ranked, the first the database
     * finds, and the total is counted up to its bound, so that a common word costs a bounded amount
     * however many agreements have it. When more match, the page says its order is approximate: the best of those
     * ranked, which are the first the index yields. It has no cursor: Link: next gives the next page by number.
     */
    private PageView<AgreementView> byRelevance(
            AgreementFilter filter,
            TextQuery text,
            Sort sort,
            PageParams params,
            boolean exactTotal,
            Classification clearance) {
        search.planForTheirValues();
        int countLimit = config.search().countLimit();
        int rankLimit = config.relevance().rankLimit();
        Total total = exactTotal
                ? Total.exactly(search.count(filter, clearance))
                : search.countUpTo(filter, clearance, countLimit);
        boolean sampled = total.count() > rankLimit
                || (total.atLeast()
                        && search.countUpTo(filter, clearance, rankLimit).atLeast());
        List<StoredAgreement> found = search.ranked(filter, clearance, sort, rankLimit, params.index(), params.size());
        return PageView.of(withSnippets(views.ofStored(found, clearance), Optional.of(text)), params, total)
                .rankedBy(sampled ? rankLimit : null);
    }

    /** Each agreement of the page with where the text was found, its parties read by all they are found by. */
    private List<AgreementView> withSnippets(List<AgreementView> views, Optional<TextQuery> text) {
        if (text.isEmpty()) {
            return views;
        }
        Map<UUID, List<String>> names = parties.searchableNames(views.stream()
                .flatMap(view -> view.parties().stream())
                .map(participation -> participation.party().id())
                .collect(Collectors.toSet()));
        return views.stream()
                .map(view -> text.flatMap(q -> Snippets.of(view, q, names))
                        .map(snippet -> AgreementView.found(view, snippet))
                        .orElse(view))
                .toList();
    }

    /** The agreements naming a party, in any role; 404 when there is no such party or the caller may not see it. */
    public PageView<AgreementView> listNamingParty(
            UUID partyId, PageParams params, boolean exactTotal, Optional<ListCursor> cursor, boolean pageAsked) {
        parties.requireVisible(partyId);
        return list(AgreementFilter.namingParty(partyId), params, exactTotal, cursor, pageAsked);
    }

    /** Which of these agreements match the filter now, for a caller of this clearance (a subscription's owner). */
    public Set<UUID> matching(AgreementFilter filter, Classification clearance, Collection<UUID> ids) {
        return search.matching(filter, clearance, ids);
    }

    public AgreementFacets facets(AgreementFilter filter) {
        search.planForTheirValues();
        return search.facets(
                filter,
                callerClearance(),
                config.search().countLimit(),
                config.facets().sampleSize());
    }

    /** Up to {@code size} agreements after a position in the order of their last change, and the position after. */
    public SyncStep after(AgreementFilter filter, Optional<SyncCursor> position, int size) {
        return walk(filter, callerClearance(), position, size);
    }

    /** The step of {@link #after} for a clearance read while the request was at hand, as export's stream runs. */
    SyncStep walk(AgreementFilter filter, Classification clearance, Optional<SyncCursor> position, int size) {
        List<StoredAgreement> found = search.after(filter, clearance, position, size);
        if (found.isEmpty()) {
            return new SyncStep(List.of(), position);
        }
        StoredAgreement last = found.get(found.size() - 1);
        return new SyncStep(views.ofStored(found, clearance), Optional.of(new SyncCursor(last.updatedAt(), last.id())));
    }
}
