package io.accords.programme;

import io.accords.common.PartialDate;
import io.accords.common.Source;
import io.accords.record.ClassifiedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A programme: the development, production or acquisition of one weapon system (KF-21, FA-50) that agreements,
 * parties and milestones belong to. Its agreements are those that name its system.
 */
@Entity
@Table(name = "programme")
public class Programme extends ClassifiedEntity {

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "weapon_system", nullable = false, length = 100)
    private String system;

    @Column(length = 2000)
    private String description;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "started_first"))
    @AttributeOverride(name = "last", column = @Column(name = "started_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "started_precision"))
    private PartialDate started;

    @ElementCollection
    @CollectionTable(name = "programme_country", joinColumns = @JoinColumn(name = "programme_id"))
    @OrderColumn(name = "position")
    @Column(name = "country", length = 2, nullable = false)
    private List<String> countries = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "programme_source", joinColumns = @JoinColumn(name = "programme_id"))
    @OrderColumn(name = "position")
    private List<Source> sources = new ArrayList<>();

    protected Programme() {
        // for JPA
    }

    public Programme(UUID id) {
        super(id);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public PartialDate getStarted() {
        return started;
    }

    public void setStarted(PartialDate started) {
        this.started = started;
    }

    public List<String> getCountries() {
        return countries;
    }

    public void setCountries(List<String> countries) {
        this.countries = countries;
    }

    public List<Source> getSources() {
        return sources;
    }

    public void setSources(List<Source> sources) {
        this.sources = sources;
    }
}
