package io.accords.agreement;

import io.accords.idempotency.IdempotentCreates;
import io.accords.record.RecordKind;
import io.accords.record.RecordResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * HTTP for agreements: the record's own routes from {@link RecordResource}; the list, search and export are
 * {@code search}'s, the relations {@link AgreementRelationsResource}'s.
 */
@Path("/api/v1/agreements")
@Tag(
        name = "Agreements",
        description =
                "MOUs, contracts, joint declarations and licences: create, change, search, export, history and relations")
@RecordKind(
        noun = "agreement",
        seedId = AgreementExamples.SEED_ID,
        get = "Returns one agreement with its parties, dates at the precision known, sources and version. The ETag"
                + " header carries the version, for If-Match on later writes.",
        create = "Records an agreement. Its parties and parent must already exist; dates take YYYY, YYYY-MM or"
                + " YYYY-MM-DD. Answers 201 with the agreement, its Location and its ETag.",
        delete = "Deletes an agreement that no other agreement names as its parent; otherwise answers 409 listing"
                + " them.",
        conflict = "Other agreements name it as their parent",
        duplicate = "One of its identifiers already names another agreement",
        duplicateExample = AgreementExamples.DUPLICATE,
        input = AgreementExamples.INPUT,
        inputName = "agreement",
        replace = AgreementExamples.REPLACE,
        patch = "{\"status\": \"IN_FORCE\", \"effective\": \"2025-01\"}",
        patchName = "now in force",
        example = AgreementExamples.AGREEMENT,
        pageExample = AgreementExamples.AGREEMENT_PAGE)
public class AgreementResource extends RecordResource<AgreementInput, AgreementView> {

    AgreementResource(AgreementService agreements, IdempotentCreates idempotency) {
        super(agreements, AgreementView.class, idempotency);
    }
}
