package io.accords.programme;

import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.SortOrder;
import io.accords.http.problem.ProblemException;
import io.accords.record.RecordPlumbing;
import io.accords.record.RecordService;
import io.accords.record.Referrers;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rules for programmes: each country named once. Nothing refers to a programme, so one is always deleted. */
@ApplicationScoped
@Transactional
public class ProgrammeService extends RecordService<Programme, ProgrammeInput, ProgrammeView> {

    static final String RECORD = "programme";

    static final SortOrder SORT = new SortOrder(
            Map.of(
                    "name", "name",
                    "system", "system",
                    "started", "started.first",
                    "createdAt", "createdAt",
                    "updatedAt", "updatedAt"),
            "name");

    private ProgrammeRepository programmes;
    private ProgrammeMapper mapper;

    /** For the container's proxies only. */
    ProgrammeService() {}

    @Inject
    ProgrammeService(ProgrammeRepository programmes, ProgrammeMapper mapper, RecordPlumbing plumbing) {
        super(RECORD, ProgrammeInput.class, programmes, Referrers.NONE, plumbing, mapper);
        this.programmes = programmes;
        this.mapper = mapper;
    }

    /** A page of the programmes the filter selects within the caller's clearance, and how many there are. */
    public PageView<ProgrammeView> list(ProgrammeFilter filter, PageParams params) {
        List<Classification> visible = callers().current().clearance().andBelow();
        List<ProgrammeView> items =
                programmes.page(filter, visible, SORT.parse(params.sort), params.index(), params.size()).stream()
                        .map(mapper::toView)
                        .toList();
        return PageView.of(items, params, programmes.count(filter, visible));
    }

    @Override
    protected Programme newEntity(UUID id) {
        return new Programme(id);
    }

    @Override
    protected void apply(ProgrammeInput input, Classification classification, Programme programme) {
        if (new HashSet<>(input.countries()).size() < input.countries().size()) {
            throw ProblemException.invalid("countries", "must name each country once");
        }
        mapper.update(input, programme);
        programme.setClassification(classification);
    }
}
