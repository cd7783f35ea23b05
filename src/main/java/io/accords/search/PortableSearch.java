package io.accords.search;

import io.accords.agreement.AgreementReadModel;
import io.accords.security.Classification;
import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Search on databases without full-text vectors or array indexes (H2, the embedded default): each term is a {@code LIKE} on the
 * folded words, which are wrapped in spaces, so {@code '% kf 21%'} matches where the term begins a word. Finds what
 * {@link PostgresSearch} finds; ranks an agreement higher the earlier its text holds the first wanted term (the
 * title comes first). Scans the words of every agreement: fine for the registries an embedded database holds.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
class PortableSearch implements SearchDialect {

    /** One {@code array_contains} per key (H2 cannot type an array parameter), literal when plain. */
    @Override
    public void hasAnyKey(String parameter, List<String> keys, AgreementCriteria criteria) {
        boolean plain = SearchDialect.plain(keys);
        List<String> any = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            if (plain) {
                any.add("array_contains(a.searchKeys, '" + keys.get(k) + "')");
            } else {
                any.add("array_contains(a.searchKeys, :" + parameter + "_" + k + ")");
                criteria.parameter(parameter + "_" + k, keys.get(k));
            }
        }
        criteria.condition("(" + String.join(" or ", any) + ")");
    }

    @Override
    public void match(TextQuery query, Classification clearance, AgreementCriteria criteria) {
        String text = "a." + AgreementReadModel.pathFor(clearance);
        int n = 0;
        for (TextQuery.Clause clause : query.clauses()) {
            List<String> alternatives = new ArrayList<>();
            for (TextQuery.Term term : clause.alternatives()) {
                String parameter = "term" + n++;
                alternatives.add(text + (term.excluded() ? " not like :" : " like :") + parameter);
                criteria.parameter(parameter, "%" + term.asFoldedText() + "%");
            }
            criteria.condition("(" + String.join(" or ", alternatives) + ")");
        }
    }

    @Override
    public String relevance(TextQuery query, Classification clearance, AgreementCriteria criteria) {
        String text = "a." + AgreementReadModel.pathFor(clearance);
        criteria.parameter("rankTerm", query.wanted().get(0).asFoldedText());
        return "case when locate(:rankTerm, " + text + ") = 0 then 0.0 else 1.0 / locate(:rankTerm, " + text + ") end";
    }
}
