package io.accords.programme;

import io.accords.record.RecordMapper;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Maps programmes between the entity and the records at the HTTP boundary. */
@Mapper
public interface ProgrammeMapper extends RecordMapper<Programme, ProgrammeInput, ProgrammeView> {

    @Mapping(target = "agreements", expression = "java(ProgrammeView.agreementsOf(programme.getSystem()))")
    ProgrammeView toView(Programme programme);

    ProgrammeInput toInput(Programme programme);

    /** Copies every client-writable field but the classification, which the service rules. */
    @Mapping(target = "classification", ignore = true)
    void update(ProgrammeInput input, @MappingTarget Programme programme);
}
