package io.accords.agreement;

import io.accords.party.PartyMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;

/** Maps agreements between the entity and the records at the HTTP boundary. */
@Mapper(uses = PartyMapper.class)
public interface AgreementMapper {

    @Mapping(target = "parentId", source = "parent.id")
    @Mapping(target = "occasionId", source = "occasion.id")
    @Mapping(target = "countries", expression = "java(countries(agreement))")
    @Mapping(target = "snippet", ignore = true)
    @Mapping(target = "uncited", ignore = true)
    AgreementView toView(Agreement agreement);

    /** The input that would write this record as it is shown; a merge patch applies to it. */
    AgreementInput toInput(AgreementView view);

    @Mapping(target = "partyId", source = "party.id")
    AgreementInput.Participation toParticipationInput(AgreementView.Participation participation);

    @Mapping(target = "agreementId", source = "target.id")
    AgreementInput.Relation toRelation(AgreementRelation relation);

    default AgreementInput.Claim toClaim(Claim claim) {
        return new AgreementInput.Claim(claim.getFact(), claim.getBasis(), claim.getSources(), claim.getNote());
    }

    /** Identifiers in a stable order: by scheme, then value. */
    default List<AgreementInput.Identifier> identifiers(Set<AgreementIdentifier> identifiers) {
        return identifiers.stream()
                .map(i -> new AgreementInput.Identifier(i.getScheme(), i.getValue()))
                .sorted(Comparator.comparing(AgreementInput.Identifier::scheme)
                        .thenComparing(AgreementInput.Identifier::value))
                .toList();
    }

    /**
     * Copies every client-writable field but the links to other records (parties, parent, relations, occasion,
     * identifiers) and classification, which the service rules.
     */
    @Mapping(target = "parent", ignore = true)
    @Mapping(target = "relations", ignore = true)
    @Mapping(target = "occasion", ignore = true)
    @Mapping(target = "identifiers", ignore = true)
    @Mapping(target = "claims", ignore = true)
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
