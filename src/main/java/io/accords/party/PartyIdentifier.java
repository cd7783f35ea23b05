package io.accords.party;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An identifier a party holds in some scheme: an LEI, an NCAGE code, a national register number. */
@Embeddable
public class PartyIdentifier {

    @Column(nullable = false, length = 32)
    private String scheme;

    @Column(name = "identifier", nullable = false, length = 100)
    private String value;

    public String getScheme() {
        return scheme;
    }

    public void setScheme(String scheme) {
        this.scheme = scheme;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
