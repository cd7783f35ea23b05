package io.accords.party;

import io.accords.record.ClassifiedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A government, ministry, armed service, agency, state-owned enterprise or company that takes part in agreements. */
@Entity
@Table(name = "party")
public class Party extends ClassifiedEntity {

    @Column(nullable = false, length = 200)
    private String name;

    /** The name folded for the uniqueness rule: a name is unique within its country whatever its case or spacing. */
    @Column(name = "name_key", nullable = false, length = 200)
    private String nameKey;

    @Column(length = 32)
    private String acronym;

    @ElementCollection
    @CollectionTable(name = "party_alias", joinColumns = @JoinColumn(name = "party_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias", nullable = false, length = 200)
    private List<String> aliases = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "party_editorial_alias", joinColumns = @JoinColumn(name = "party_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias", nullable = false, length = 200)
    private List<String> editorialAliases = new ArrayList<>();

    @Column(nullable = false, length = 2)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PartyKind kind;

    @ElementCollection
    @CollectionTable(name = "party_identifier", joinColumns = @JoinColumn(name = "party_id"))
    @OrderColumn(name = "position")
    private List<PartyIdentifier> identifiers = new ArrayList<>();

    protected Party() {
        // for JPA
    }

    public Party(UUID id) {
        super(id);
    }

    public static String nameKey(String name) {
        return name == null ? null : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameKey = nameKey(name);
    }

    public String getNameKey() {
        return nameKey;
    }

    public String getAcronym() {
        return acronym;
    }

    public void setAcronym(String acronym) {
        this.acronym = acronym;
    }

    public List<String> getAliases() {
        return aliases;
    }

    public void setAliases(List<String> aliases) {
        this.aliases = aliases;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public PartyKind getKind() {
        return kind;
    }

    public void setKind(PartyKind kind) {
        this.kind = kind;
    }

    public List<PartyIdentifier> getIdentifiers() {
        return identifiers;
    }

    public void setIdentifiers(List<PartyIdentifier> identifiers) {
        this.identifiers = identifiers;
    }

    public List<String> getEditorialAliases() {
        return editorialAliases;
    }

    public void setEditorialAliases(List<String> editorialAliases) {
        this.editorialAliases = editorialAliases;
    }

    /** The names agreements are found by: name, acronym, aliases and the editors' aliases. */
    public List<String> searchableNames() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.add(acronym);
        names.addAll(aliases);
        names.addAll(editorialAliases);
        return names;
    }

    /** The short names a party filter finds it by: its acronym and the editors' aliases. */
    public List<String> shortNames() {
        List<String> names = new ArrayList<>();
        if (acronym != null) {
            names.add(acronym);
        }
        names.addAll(editorialAliases);
        return names;
    }
}
