package io.accords.milestone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accords.history.SnapshotLens;
import io.accords.party.PartyService;
import io.accords.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** A milestone's revisions as the caller may see them: without a responsible party above the caller's clearance. */
@ApplicationScoped
class MilestoneSnapshots implements SnapshotLens {

    private static final String RESPONSIBLE = "responsiblePartyId";

    private final PartyService parties;
    private final Callers callers;

    MilestoneSnapshots(PartyService parties, Callers callers) {
        this.parties = parties;
        this.callers = callers;
    }

    @Override
    public String recordType() {
        return MilestoneService.RECORD;
    }

    @Override
    public JsonNode visible(JsonNode snapshot) {
        JsonNode responsible = snapshot.path(RESPONSIBLE);
        if (!responsible.isTextual() || callers.current().clearance().isHighest()) {
            return snapshot;
        }
        boolean seen = parties.visibleTo(UUID.fromString(responsible.asText()), callers.current())
                .isPresent();
        if (seen) {
            return snapshot;
        }
        ObjectNode copy = snapshot.deepCopy();
        copy.putNull(RESPONSIBLE);
        return copy;
    }
}
