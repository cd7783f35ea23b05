package io.accords.search;

import io.accords.agreement.AgreementView;
import io.accords.http.PageView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step of the walk through agreements in the order they last changed. */
@RegisterForReflection
@Schema(name = "SyncPage")
public record SyncPage(
        @Schema(
                description = "Agreements changed after the cursor, oldest change first",
                maxItems = SyncParams.MAX_SIZE)
        List<AgreementView> items,

        @Schema(description = "The requested number of items", examples = "100")
        int size,

        @Schema(
                description = "Pass as cursor to continue after the last item; when the page is short, keep it and"
                        + " ask again later for what changed since",
                examples = "MTczMjAwMDAwMC4wL2E5ZWYxZmE4",
                maxLength = PageView.MAX_CURSOR)
        String nextCursor) {}
