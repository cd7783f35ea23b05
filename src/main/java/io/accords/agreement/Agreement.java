package io.accords.agreement;

import io.accords.common.MonetaryValue;
import io.accords.common.PartialDate;
import io.accords.common.Source;
import io.accords.occasion.Occasion;
import io.accords.record.ClassifiedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/** A cooperation agreement between parties: the record analysts search for. */
@Entity
@Table(name = "agreement")
public class Agreement extends ClassifiedEntity {

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 4000)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AgreementType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AgreementStatus status;

    @ElementCollection
    @CollectionTable(name = "agreement_sector", joinColumns = @JoinColumn(name = "agreement_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "sector", nullable = false, length = 32)
    private Set<Sector> sectors = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "agreement_mode", joinColumns = @JoinColumn(name = "agreement_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "mode", nullable = false, length = 32)
    private Set<CooperationMode> modes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<Participant> parties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_system", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false, length = 100)
    private List<String> systems = new ArrayList<>();

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "announced_first"))
    @AttributeOverride(name = "last", column = @Column(name = "announced_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "announced_precision"))
    private PartialDate announced;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "signed_first"))
    @AttributeOverride(name = "last", column = @Column(name = "signed_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "signed_precision"))
    private PartialDate signed;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "effective_first"))
    @AttributeOverride(name = "last", column = @Column(name = "effective_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "effective_precision"))
    private PartialDate effective;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "expires_first"))
    @AttributeOverride(name = "last", column = @Column(name = "expires_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "expires_precision"))
    private PartialDate expires;

    @Embedded
    private MonetaryValue value;

    @ElementCollection
    @CollectionTable(name = "agreement_source", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<Source> sources = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_claim", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<Claim> claims = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Agreement parent;

    @ElementCollection
    @CollectionTable(name = "agreement_relation", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    private List<AgreementRelation> relations = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "occasion_id")
    private Occasion occasion;

    /** A set, so that reordering never rewrites a row onto a pair another row still holds (one pair, one agreement). */
    @ElementCollection
    @CollectionTable(name = "agreement_identifier", joinColumns = @JoinColumn(name = "agreement_id"))
    private Set<AgreementIdentifier> identifiers = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "agreement_tag", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag", nullable = false, length = 64)
    private List<String> tags = new ArrayList<>();

    /**
     * The folded words the text filter matches ({@link AgreementReadModel}), once per clearance: the agreement's own words
     * and the names of the parties a caller of that clearance may see, so that a search never finds an agreement
     * through a party hidden from the caller.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "search_text", length = 100_000)
    private String searchText;

    @OptimisticLock(excluded = true)
    @Column(name = "search_text_restricted", length = 100_000)
    private String searchTextRestricted;

    @OptimisticLock(excluded = true)
    @Column(name = "search_text_public", length = 100_000)
    private String searchTextPublic;

    /**
     * The agreement whole as JSON, for reads by id ({@link AgreementReadModel}); version and times excepted. Like the
     * search words it is derived, so refreshing it (after a party's rename) does not change the version.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "document", length = 1_000_000)
    private String document;

    /**
     * The same document as the UTF-8 the database sends, for reads that write it out as stored or parse it: read only
     * by the queries that name it ({@link StoredAgreement}), never written through it.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "document", insertable = false, updatable = false)
    @JdbcTypeCode(SqlTypes.VARBINARY)
    private byte[] documentBytes;

    /** The shape of {@link #document}: {@link AgreementReadModel#DOCUMENT_FORMAT} when it was written by this code. */
    @OptimisticLock(excluded = true)
    @Column(name = "document_format", nullable = false)
    private int documentFormat;

    /**
     * Each word of the search texts once, with the lowest clearance whose text holds it ({@link SearchWord}): kept by
     * the read model on H2 only, where a search finds a rare word through them; empty on PostgreSQL.
     */
    @OptimisticLock(excluded = true)
    @ElementCollection
    @CollectionTable(name = "agreement_word", joinColumns = @JoinColumn(name = "agreement_id"))
    private Set<SearchWord> words = new HashSet<>();

    /** Whether {@link #words} were written by the read model (never on PostgreSQL, which does not keep them). */
    @OptimisticLock(excluded = true)
    @Column(name = "words_kept", nullable = false)
    private boolean wordsKept;

    /** What the filters on collections match ({@link SearchKeys}), as one indexed array. */
    @OptimisticLock(excluded = true)
    @Column(name = "search_keys")
    private String[] searchKeys;

    /*
     * The search words as PostgreSQL's text search reads them (tsvector, GIN-indexed), one per clearance: columns the
     * database computes from the search words, never written here and never loaded with the agreement (lazy); only
     * queries name them. Empty columns on H2, which matches the words with LIKE.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_vector", insertable = false, updatable = false, columnDefinition = "tsvector")
    private String searchVector;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_vector_restricted", insertable = false, updatable = false, columnDefinition = "tsvector")
    private String searchVectorRestricted;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "search_vector_public", insertable = false, updatable = false, columnDefinition = "tsvector")
    private String searchVectorPublic;

    /** The record as this write's document holds it; none on an agreement read but not written. */
    @Transient
    private AgreementView written;

    protected Agreement() {
        // for JPA
    }

    public Agreement(UUID id) {
        super(id);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public AgreementType getType() {
        return type;
    }

    public void setType(AgreementType type) {
        this.type = type;
    }

    public AgreementStatus getStatus() {
        return status;
    }

    public void setStatus(AgreementStatus status) {
        this.status = status;
    }

    public Set<Sector> getSectors() {
        return sectors;
    }

    public void setSectors(Set<Sector> sectors) {
        this.sectors = sectors;
    }

    public Set<CooperationMode> getModes() {
        return modes;
    }

    public void setModes(Set<CooperationMode> modes) {
        this.modes = modes;
    }

    public List<Participant> getParties() {
        return parties;
    }

    public List<String> getSystems() {
        return systems;
    }

    public void setSystems(List<String> systems) {
        this.systems = systems;
    }

    public PartialDate getAnnounced() {
        return announced;
    }

    public void setAnnounced(PartialDate announced) {
        this.announced = announced;
    }

    public PartialDate getSigned() {
        return signed;
    }

    public void setSigned(PartialDate signed) {
        this.signed = signed;
    }

    public PartialDate getEffective() {
        return effective;
    }

    public void setEffective(PartialDate effective) {
        this.effective = effective;
    }

    public PartialDate getExpires() {
        return expires;
    }

    public void setExpires(PartialDate expires) {
        this.expires = expires;
    }

    public MonetaryValue getValue() {
        return value;
    }

    public void setValue(MonetaryValue value) {
        this.value = value;
    }

    public List<Source> getSources() {
        return sources;
    }

    public void setSources(List<Source> sources) {
        this.sources = sources;
    }

    public Agreement getParent() {
        return parent;
    }

    public void setParent(Agreement parent) {
        this.parent = parent;
    }

    public List<Claim> getClaims() {
        return claims;
    }

    public List<AgreementRelation> getRelations() {
        return relations;
    }

    public Occasion getOccasion() {
        return occasion;
    }

    public void setOccasion(Occasion occasion) {
        this.occasion = occasion;
    }

    public Set<AgreementIdentifier> getIdentifiers() {
        return identifiers;
    }

    public List<String> getTags() {
        return tags;
    }

    /** The record as this write left it, without the version and times the flush set; empty when not written. */
    AgreementView written() {
        return written;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    /** Replaces the words one by one: only those that changed are deleted and inserted. */
    void keepWords(Set<SearchWord> words) {
        this.words.retainAll(words);
        this.words.addAll(words);
    }

    /**
     * Sets what reads use, derived from the rest: the search words, one text per clearance, the document, and (null
     * where they are not kept) the words one by one; {@link AgreementReadModel} computes them. The record as the
     * document holds it is kept for the rest of the write, so that its revision and its answer are not mapped from the
     * entity again.
     */
    void readModel(
            String publicWords,
            String restrictedWords,
            String allWords,
            AgreementView whole,
            String document,
            String[] keys,
            Set<SearchWord> words) {
        this.written = whole;
        if (words != null) {
            keepWords(words);
            this.wordsKept = true;
        }
        this.searchKeys = keys;
        this.searchTextPublic = publicWords;
        this.searchTextRestricted = restrictedWords;
        this.searchText = allWords;
        this.document = document;
        this.documentFormat = AgreementReadModel.DOCUMENT_FORMAT;
    }
}
