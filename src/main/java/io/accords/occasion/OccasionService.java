package io.accords.occasion;

import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.SortOrder;
import io.accords.http.problem.ProblemException;
import io.accords.record.RecordPlumbing;
import io.accords.record.RecordService;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rules for occasions: dates in order, and no deleting an occasion agreements were made at. */
@ApplicationScoped
@Transactional
public class OccasionService extends RecordService<Occasion, OccasionInput, OccasionView> {

    static final String RECORD = "occasion";

    /** How many of its agreements an occasion read by id lists. */
    public static final int LISTED_AGREEMENTS = 100;

    public static final SortOrder SORT = new SortOrder(
            Map.of(
                    "starts", "starts.first",
                    "name", "name",
                    "country", "country",
                    "kind", "kind",
                    "createdAt", "createdAt",
                    "updatedAt", "updatedAt"),
            "-starts");

    private OccasionRepository occasions;
    private OccasionReferences agreements;
    private OccasionMapper mapper;

    /** For the container's proxies only. */
    OccasionService() {}

    @Inject
    OccasionService(
            OccasionRepository occasions,
            OccasionReferences agreements,
            OccasionMapper mapper,
            RecordPlumbing plumbing) {
        super(RECORD, OccasionInput.class, occasions, agreements, plumbing, mapper);
        this.occasions = occasions;
        this.agreements = agreements;
        this.mapper = mapper;
    }

    /** The occasion with the agreements made there that the caller may see. */
    @Override
    public OccasionView get(UUID id) {
        OccasionView occasion = super.get(id);
        List<Classification> visible = callers().current().clearance().andBelow();
        return occasion.withAgreements(agreements.first(id, visible, LISTED_AGREEMENTS));
    }

    /** A page of the occasions within the caller's clearance, and how many there are. */
    public PageView<OccasionView> list(PageParams params) {
        List<Classification> visible = callers().current().clearance().andBelow();
        List<OccasionView> items =
                occasions.page(visible, SORT.parse(params.sort), params.index(), params.size()).stream()
                        .map(mapper::toView)
                        .toList();
        return PageView.of(items, params, occasions.count(visible));
    }

    @Override
    protected Occasion newEntity(UUID id) {
        return new Occasion(id);
    }

    @Override
    protected String referredToBy(UUID id) {
        return "Agreements were made at occasion " + id + "; point them elsewhere, or delete them, first";
    }

    /**
     * Copies the input onto the occasion. Agreements made there hold only its id: whether a caller may see it is
     * judged when they are read, so a change of its classification needs nothing more.
     */
    @Override
    protected void apply(OccasionInput input, Classification classification, Occasion occasion) {
        if (input.starts() != null && input.ends() != null && input.ends().isCertainlyBefore(input.starts())) {
            throw ProblemException.invalid("ends", "must not be before starts (" + input.starts() + ")");
        }
        mapper.update(input, occasion);
        occasion.setClassification(classification);
    }
}
