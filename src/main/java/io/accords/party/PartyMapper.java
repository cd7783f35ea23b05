package io.accords.party;

import org.mapstruct.Mapper;
import org.mapstruct.MappingTarget;

/** Maps parties between the entity and the records at the HTTP boundary. */
@Mapper
public interface PartyMapper {

    PartyView toView(Party party);

    PartySummary toSummary(Party party);

    PartyInput toInput(Party party);

    void update(PartyInput input, @MappingTarget Party party);

    PartyIdentifier toIdentifier(PartyInput.Identifier identifier);

    PartyInput.Identifier toIdentifier(PartyIdentifier identifier);
}
