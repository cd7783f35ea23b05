package io.accords.occasion;

import io.accords.record.RecordMapper;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Maps occasions between the entity and the records at the HTTP boundary. */
@Mapper
public interface OccasionMapper extends RecordMapper<Occasion, OccasionInput, OccasionView> {

    @Mapping(target = "agreements", ignore = true)
    OccasionView toView(Occasion occasion);

    OccasionInput toInput(Occasion occasion);

    /** Copies every client-writable field but the classification, which the service rules. */
    @Mapping(target = "classification", ignore = true)
    void update(OccasionInput input, @MappingTarget Occasion occasion);
}
