package io.accords.party;

import io.accords.record.RecordMapper;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Maps parties between the entity and the records at the HTTP boundary. */
@Mapper
public interface PartyMapper extends RecordMapper<Party, PartyInput, PartyView> {

    PartyView toView(Party party);

    PartySummary toSummary(Party party);

    PartyInput toInput(Party party);

    /** Copies every client-writable field but the classification, which the service rules. */
    @Mapping(target = "classification", ignore = true)
    void update(PartyInput input, @MappingTarget Party party);

    PartyIdentifier toIdentifier(PartyInput.Identifier identifier);

    PartyInput.Identifier toIdentifier(PartyIdentifier identifier);
}
