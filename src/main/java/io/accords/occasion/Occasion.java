package io.accords.occasion;

import io.accords.common.PartialDate;
import io.accords.common.Source;
import io.accords.record.ClassifiedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A summit, state visit, exhibition or ceremony where agreements were announced or signed. */
@Entity
@Table(name = "occasion")
public class Occasion extends ClassifiedEntity {

    @Column(nullable = false, length = 300)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private OccasionKind kind;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(length = 100)
    private String city;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "starts_first"))
    @AttributeOverride(name = "last", column = @Column(name = "starts_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "starts_precision"))
    private PartialDate starts;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "ends_first"))
    @AttributeOverride(name = "last", column = @Column(name = "ends_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "ends_precision"))
    private PartialDate ends;

    @ElementCollection
    @CollectionTable(name = "occasion_source", joinColumns = @JoinColumn(name = "occasion_id"))
    @OrderColumn(name = "position")
    private List<Source> sources = new ArrayList<>();

    protected Occasion() {
        // for JPA
    }

    public Occasion(UUID id) {
        super(id);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public OccasionKind getKind() {
        return kind;
    }

    public void setKind(OccasionKind kind) {
        this.kind = kind;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public PartialDate getStarts() {
        return starts;
    }

    public void setStarts(PartialDate starts) {
        this.starts = starts;
    }

    public PartialDate getEnds() {
        return ends;
    }

    public void setEnds(PartialDate ends) {
        this.ends = ends;
    }

    public List<Source> getSources() {
        return sources;
    }

    public void setSources(List<Source> sources) {
        this.sources = sources;
    }
}
