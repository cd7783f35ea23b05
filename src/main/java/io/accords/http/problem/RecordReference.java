package io.accords.http.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record named by a problem, such as an agreement that still refers to a party being deleted. */
@RegisterForReflection
@Schema(description = "A record that blocks the request")
public record RecordReference(
        UUID id,

        @Schema(examples = "MOU on joint production of KF-21 fighter jet components")
        String title) {}
