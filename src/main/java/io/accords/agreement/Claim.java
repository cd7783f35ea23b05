package io.accords.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.List;

/** One fact of an agreement, the sources that support it and how firmly ({@link Basis}). */
@Embeddable
public class Claim {

    private static final String SEPARATOR = "\n";

    @Column(nullable = false, length = 120)
    private String fact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Basis basis;

    /** The URLs of the agreement's sources that support the fact, one per line. */
    @Column(name = "source_urls", length = 42_000)
    private String sourceUrls;

    @Column(length = 1000)
    private String note;

    protected Claim() {
        // for JPA
    }

    public Claim(String fact, Basis basis, List<String> sources, String note) {
        this.fact = fact;
        this.basis = basis;
        this.sourceUrls = sources.isEmpty() ? null : String.join(SEPARATOR, sources);
        this.note = note;
    }

    public String getFact() {
        return fact;
    }

    public Basis getBasis() {
        return basis;
    }

    public List<String> getSources() {
        return sourceUrls == null ? List.of() : Arrays.asList(sourceUrls.split(SEPARATOR));
    }

    public String getNote() {
        return note;
    }
}
