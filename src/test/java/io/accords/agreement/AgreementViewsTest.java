package io.accords.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.accords.security.Classification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A write maps the agreement to its view once: the read model's document, the revision and the answer share it. */
class AgreementViewsTest {

    /** The generated mapper, counting its maps. */
    static final class CountingMapper extends AgreementMapperImpl {
        int views;

        @Override
        public AgreementView toView(Agreement agreement) {
            views++;
            return super.toView(agreement);
        }
    }

    @Test
    void theRevisionAndTheAnswerOfAWriteReuseTheViewItsDocumentWasMadeFrom() {
        CountingMapper mapper = new CountingMapper();
        Agreement agreement = new Agreement(UUID.randomUUID());
        agreement.setTitle("A written agreement");
        agreement.setClassification(Classification.PUBLIC);
        AgreementView whole = mapper.toView(agreement);
        agreement.readModel("", "", "", whole, "{}", new String[0], null);
        AgreementViews views = new AgreementViews(mapper, null, null, null, null, null);

        AgreementView snapshot = views.whole(agreement);
        AgreementView answer = views.of(agreement, Classification.highest());

        assertEquals(1, mapper.views, "maps of the entity to its view during one write");
        assertEquals("A written agreement", snapshot.title());
        assertEquals(snapshot, answer);
    }

    @Test
    void anAgreementReadButNotWrittenIsMappedFromItsEntity() {
        CountingMapper mapper = new CountingMapper();
        Agreement agreement = new Agreement(UUID.randomUUID());
        agreement.setTitle("A read agreement");
        assertNull(agreement.written());
        AgreementView view = new AgreementViews(mapper, null, null, null, null, null).whole(agreement);
        assertEquals(1, mapper.views);
        assertEquals("A read agreement", view.title());
    }
}
