package io.accords.changes;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What a follower asks the feed for: where to go on from, which kinds, and what data. */
@RegisterForReflection(fields = true)
public class ChangeParams {

    @QueryParam("after")
    @Size(max = 64, message = "is at most 64 characters: the id of the last change you read")
    @Parameter(
            description = "Go on after this change: the id of the last one you read (the Link header's next has it)."
                    + " \"now\" starts after the last change you may see; nothing starts from the first.")
    public String after;

    @QueryParam("kind")
    @Size(max = 20, message = "takes at most 20 kinds")
    @Parameter(
            description = "Only changes of these kinds of record (repeat it: kind=agreement&kind=party); all kinds"
                    + " when not given")
    public List<String> kind;

    @QueryParam("data")
    @DefaultValue("RECORD")
    @Pattern(regexp = "RECORD|PATCH", message = "is RECORD (the record as it stood) or PATCH (what changed)")
    @Parameter(
            description = "RECORD: each event carries the record as it stood after the change; PATCH: what changed"
                    + " from the version before it that you may see, as a RevisionDiff",
            schema =
                    @Schema(
                            enumeration = {"RECORD", "PATCH"},
                            defaultValue = "RECORD"))
    public String data;

    ChangeData data() {
        return data == null ? ChangeData.RECORD : ChangeData.valueOf(data);
    }
}
