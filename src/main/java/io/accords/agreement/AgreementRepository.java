package io.accords.agreement;

import io.accords.http.problem.RecordReference;
import io.accords.security.Classification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Queries over agreements. */
@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    private static final String NAMING_PARTY =
            "id in (select a.id from Agreement a join a.parties p where p.party.id = ?1)";

    /** The ids of agreements stored without their read model, as each database's index for it answers. */
    static String withoutReadModel(String dbKind) {
        return POSTGRESQL.equals(dbKind)
                ? "select id from agreement where search_text is null or document is null or search_keys is null"
                : "select id from agreement where read_model_missing";
    }

    /** The agreements that name this one as their parent or relate to it. */
    private static final String LINKING =
            "parent.id = ?1 or id in (select a.id from Agreement a join a.relations r where r.target.id = ?1)";

    private static final String AT_OCCASION = "occasion.id = ?1";
    private static final String POSTGRESQL = "postgresql";

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /**
     * Whether agreements keep their words one by one ({@link SearchWord}, V20): on H2, whose search finds a rare word
     * through them; not on PostgreSQL, whose text-search vectors are indexed.
     */
    boolean keepsWords() {
        return !POSTGRESQL.equals(dbKind);
    }

    /** Every agreement that names this party. */
    List<Agreement> namingParty(UUID partyId) {
        return list(NAMING_PARTY, partyId);
    }

    /**
     * Up to {@code limit} agreements stored without search words, document or search keys (on H2 also without their
     * words one by one), found through an index on each database, so that a filled registry's start reads no table:
     * PostgreSQL's partial index on this very condition, H2's index on a generated column that says it (V18_1, V20_1).
     */
    @SuppressWarnings("unchecked") // a native query of one UUID column
    List<Agreement> withoutReadModel(int limit) {
        // Its one column read as a named scalar: a native query read into a class would add a plan to Hibernate's
        // cache on every run (QueryPlanCacheTest).
        List<UUID> ids = getEntityManager()
                .createNativeQuery(withoutReadModel(dbKind))
                .unwrap(org.hibernate.query.NativeQuery.class)
                .addScalar("id", UUID.class)
                .setMaxResults(limit)
                .getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** The columns a get by id reads: classification, version, times and document, in one statement. */
    Optional<StoredAgreement> stored(UUID id) {
        return getEntityManager()
                .createQuery(StoredAgreement.SELECT + " from Agreement a where a.id = :id", StoredAgreement.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    /**
     * What of these agreements' links a caller of this clearance may not see: for each agreement with any, the ids of
     * the parties, parent, related agreements and occasion above the clearance, in one statement.
     */
    Map<UUID, Set<UUID>> hiddenLinks(Collection<UUID> ids, Classification clearance) {
        List<Classification> hidden = EnumSet.complementOf(EnumSet.copyOf(clearance.andBelow())).stream()
                .toList();
        if (ids.isEmpty() || hidden.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery(HIDDEN_LINKS, Object[].class)
                .setParameter("ids", ids)
                .setParameter("hidden", hidden)
                .getResultStream()
                .collect(Collectors.groupingBy(
                        row -> (UUID) row[0], Collectors.mapping(row -> (UUID) row[1], Collectors.toSet())));
    }

    private static final String HIDDEN_LINKS = String.join(
            " union all ",
            "select a.id, p.party.id from Agreement a join a.parties p where a.id in :ids"
                    + " and p.party.classification in :hidden",
            "select a.id, a.parent.id from Agreement a where a.id in :ids and a.parent.classification in :hidden",
            "select a.id, r.target.id from Agreement a join a.relations r where a.id in :ids"
                    + " and r.target.classification in :hidden",
            "select a.id, a.occasion.id from Agreement a where a.id in :ids and a.occasion.classification in :hidden");

    public long countNamingParty(UUID partyId) {
        return count(NAMING_PARTY, partyId);
    }

    /** The first agreements, by title, that name this party, among those of the given classifications. */
    public List<RecordReference> namingParty(UUID partyId, List<Classification> visible, int limit) {
        return references(NAMING_PARTY, partyId, visible, limit);
    }

    /**
     * The first agreements, by title, that name this one as their parent or relate to it, among the given
     * classifications.
     */
    public List<RecordReference> linking(UUID id, List<Classification> visible, int limit) {
        return references("(" + LINKING + ")", id, visible, limit);
    }

    public long countLinking(UUID id) {
        return count(LINKING, id);
    }

    public long countLinking(UUID id, List<Classification> visible) {
        return count("(" + LINKING + ") and classification in ?2", id, visible);
    }

    /** The first agreements, by title, made at this occasion, among the given classifications. */
    public List<RecordReference> atOccasion(UUID occasionId, List<Classification> visible, int limit) {
        return references(AT_OCCASION, occasionId, visible, limit);
    }

    public long countAtOccasion(UUID occasionId) {
        return count(AT_OCCASION, occasionId);
    }

    public long countAtOccasion(UUID occasionId, List<Classification> visible) {
        return count(AT_OCCASION + " and classification in ?2", occasionId, visible);
    }

    /** The agreement that carries this identifier, if any. */
    Optional<Agreement> withIdentifier(String scheme, String value) {
        return find(
                        "id in (select a.id from Agreement a join a.identifiers i where i.scheme = ?1 and i.value = ?2)",
                        scheme,
                        value)
                .firstResultOptional();
    }

    public long countNamingParty(UUID partyId, List<Classification> visible) {
        return count(NAMING_PARTY + " and classification in ?2", partyId, visible);
    }

    private List<RecordReference> references(String where, UUID id, List<Classification> visible, int limit) {
        return find(where + " and classification in ?2", Sort.by("title").and("id"), id, visible)
                .project(RecordReference.class)
                .page(Page.ofSize(limit))
                .list();
    }
}
