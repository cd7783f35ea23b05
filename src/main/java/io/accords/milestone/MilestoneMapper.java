package io.accords.milestone;

import io.accords.record.RecordMapper;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Maps milestones between the entity and the records at the HTTP boundary. */
@Mapper
public interface MilestoneMapper extends RecordMapper<Milestone, MilestoneInput, MilestoneView> {

    @Mapping(target = "agreementId", source = "agreement.id")
    @Mapping(target = "agreementTitle", source = "agreement.title")
    @Mapping(target = "responsiblePartyId", source = "responsible.id")
    MilestoneView toView(Milestone milestone);

    @Mapping(target = "agreementId", source = "agreement.id")
    @Mapping(target = "responsiblePartyId", source = "responsible.id")
    MilestoneInput toInput(Milestone milestone);

    /** Copies every client-writable field but the agreement, party and classification, which the service rules. */
    @Mapping(target = "agreement", ignore = true)
    @Mapping(target = "responsible", ignore = true)
    @Mapping(target = "classification", ignore = true)
    void update(MilestoneInput input, @MappingTarget Milestone milestone);
}
