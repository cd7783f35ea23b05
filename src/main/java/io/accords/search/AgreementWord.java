package io.accords.search;

import io.accords.agreement.SearchWord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A row of the word table as queries read it: which agreement holds a word, from which clearance up. Written only
 * through the agreement's own words ({@link SearchWord}, kept by the read model on H2); read by
 * {@link PortableSearch} to find the few agreements that hold a rare word without reading every agreement's words.
 */
@Entity
@Immutable
@Table(name = "agreement_word")
@IdClass(AgreementWord.Key.class)
public class AgreementWord {

    @Id
    @Column(name = "word", length = SearchWord.MAX_LENGTH)
    String word;

    @Id
    @Column(name = "agreement_id")
    UUID agreementId;

    @Column(name = "visible_from")
    short visibleFrom;

    protected AgreementWord() {
        // for JPA
    }

    /** The key: a word is held by an agreement at most once. */
    public static class Key implements Serializable {
        String word;
        UUID agreementId;

        public Key() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(word, key.word)
                    && Objects.equals(agreementId, key.agreementId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, agreementId);
        }
    }
}
