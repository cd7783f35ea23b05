package io.accords.agreement;

import io.accords.party.PartyMapper;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Maps agreements between the entity and the records at the HTTP boundary. */
@Mapper(uses = PartyMapper.class)
public interface AgreementMapper {

    @Mapping(target = "parentId", source = "parent.id")
    @Mapping(target = "countries", expression = "java(countries(agreement))")
    @Mapping(target = "snippet", ignore = true)
    AgreementView toView(Agreement agreement);

    /** The input that would write this record as it is shown; a merge patch applies to it. */
    AgreementInput toInput(AgreementView view);

    @Mapping(target = "partyId", source = "party.id")
    AgreementInput.Participation toParticipationInput(AgreementView.Participation participation);

    /** Copies every client-writable field but the parties, parent and classification, which the service rules. */
    @Mapping(target = "parent", ignore = true)
    @Mapping(target = "parties", ignore = true)
    @Mapping(target = "classification", ignore = true)
    void update(AgreementInput input, @MappingTarget Agreement agreement);

    default List<Sector> sortedSectors(Set<Sector> sectors) {
        return sectors.stream().sorted().toList();
    }

    default List<CooperationMode> sortedModes(Set<CooperationMode> modes) {
        return modes.stream().sorted().toList();
    }

    default List<String> countries(Agreement agreement) {
        return agreement.getParties().stream()
                .map(p -> p.getParty().getCountry())
                .distinct()
                .sorted()
                .toList();
    }
}
