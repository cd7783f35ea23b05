package io.accords.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** How an agreement is known in another register: a scheme and the value it has there. One pair, one agreement. */
@Embeddable
public class AgreementIdentifier {

    @Column(nullable = false, length = 32)
    private String scheme;

    @Column(name = "identifier", nullable = false, length = 200)
    private String value;

    protected AgreementIdentifier() {
        // for JPA
    }

    public AgreementIdentifier(String scheme, String value) {
        this.scheme = scheme;
        this.value = value;
    }

    public String getScheme() {
        return scheme;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgreementIdentifier identifier
                && scheme.equals(identifier.scheme)
                && value.equals(identifier.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, value);
    }
}
