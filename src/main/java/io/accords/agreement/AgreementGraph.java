package io.accords.agreement;

import io.accords.common.PartialDate;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Walks the relations around an agreement, both ways, one step per query: its parent and the arrangements under it
 * (IMPLEMENTS), and every typed relation. An agreement above the caller's clearance is neither shown nor walked
 * through, so a graph never reveals it or what only it connects. Each agreement is met once, so cycles end.
 */
@ApplicationScoped
public class AgreementGraph {

    /** The most agreements one graph holds. */
    public static final int MAX_NODES = 200;

    /** The most steps a graph reaches. */
    public static final int MAX_DEPTH = 5;

    private final EntityManager entityManager;

    AgreementGraph(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The graph around a root the caller may see (the caller checks), up to {@code depth} steps away. */
    RelationGraph around(UUID root, int depth, Classification clearance) {
        List<Classification> visible = clearance.andBelow();
        Map<UUID, Integer> distance = new LinkedHashMap<>();
        distance.put(root, 0);
        Map<String, RelationGraph.Edge> edges = new LinkedHashMap<>();
        Set<UUID> frontier = Set.of(root);
        boolean truncated = false;
        for (int step = 1; step <= depth && !frontier.isEmpty() && !truncated; step++) {
            Set<UUID> next = new LinkedHashSet<>();
            for (RelationGraph.Edge edge : edgesTouching(frontier, visible)) {
                for (UUID end : List.of(edge.from(), edge.to())) {
                    if (!distance.containsKey(end)) {
                        if (distance.size() >= MAX_NODES) {
                            truncated = true;
                            continue;
                        }
                        distance.put(end, step);
                        next.add(end);
                    }
                }
                if (distance.containsKey(edge.from()) && distance.containsKey(edge.to())) {
                    edges.putIfAbsent(edge.from() + edge.kind().name() + edge.to(), edge);
                }
            }
            frontier = next;
        }
        Map<UUID, RelationGraph.Node> nodes = nodes(distance);
        List<RelationGraph.Link> links = new ArrayList<>();
        for (RelationGraph.Edge edge : edges.values()) {
            if (edge.from().equals(root)) {
                links.add(new RelationGraph.Link(
                        edge.kind().name(), edge.to(), nodes.get(edge.to()).title()));
            } else if (edge.to().equals(root)) {
                links.add(new RelationGraph.Link(
                        edge.inverse(), edge.from(), nodes.get(edge.from()).title()));
            }
        }
        return new RelationGraph(
                root, depth, truncated, links, List.copyOf(nodes.values()), List.copyOf(edges.values()));
    }

    /** The relations with one end in the set and both ends visible, in a stable order. */
    private List<RelationGraph.Edge> edgesTouching(Collection<UUID> ids, List<Classification> visible) {
        List<RelationGraph.Edge> found = new ArrayList<>();
        entityManager
                .createQuery(
                        "select a.id, a.parent.id from Agreement a where (a.id in :ids or a.parent.id in :ids)"
                                + " and a.parent is not null and a.classification in :visible"
                                + " and a.parent.classification in :visible order by a.id",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("visible", visible)
                .getResultList()
                .forEach(row -> found.add(edge((UUID) row[0], (UUID) row[1], RelationKind.IMPLEMENTS, null, null)));
        entityManager
                .createQuery(
                        "select a.id, r.target.id, r.kind, r.note, r.source from Agreement a join a.relations r"
                                + " where (a.id in :ids or r.target.id in :ids) and a.classification in :visible"
                                + " and r.target.classification in :visible order by a.id, r.kind, r.target.id",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("visible", visible)
                .getResultList()
                .forEach(row -> found.add(
                        edge((UUID) row[0], (UUID) row[1], (RelationKind) row[2], (String) row[3], (String) row[4])));
        return found;
    }

    private static RelationGraph.Edge edge(UUID from, UUID to, RelationKind kind, String note, String source) {
        return new RelationGraph.Edge(from, to, kind, kind.inverse(), note, source);
    }

    /** The agreements met, in the order they were met. */
    private Map<UUID, RelationGraph.Node> nodes(Map<UUID, Integer> distance) {
        Map<UUID, Object[]> rows = new HashMap<>();
        entityManager
                .createQuery(
                        "select a.id, a.title, a.type, a.status, a.signed from Agreement a where a.id in :ids",
                        Object[].class)
                .setParameter("ids", distance.keySet())
                .getResultList()
                .forEach(row -> rows.put((UUID) row[0], row));
        Map<UUID, RelationGraph.Node> nodes = new LinkedHashMap<>();
        distance.forEach((id, steps) -> {
            Object[] row = rows.get(id);
            if (row != null) {
                nodes.put(
                        id,
                        new RelationGraph.Node(
                                id,
                                (String) row[1],
                                (AgreementType) row[2],
                                (AgreementStatus) row[3],
                                (PartialDate) row[4],
                                steps));
            }
        });
        return nodes;
    }
}
