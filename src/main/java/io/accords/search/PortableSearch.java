package io.accords.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.accords.agreement.AgreementReadModel;
import io.accords.agreement.SearchWord;
import io.accords.security.Classification;
import io.quarkus.arc.properties.UnlessBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Search on databases without full-text vectors or array indexes (H2, the embedded default): each term is a {@code LIKE} on the
 * folded words, which are wrapped in spaces, so {@code '% kf 21%'} matches where the term begins a word. Finds what
 * {@link PostgresSearch} finds; ranks an agreement higher the earlier its text holds the first wanted term (the
 * title comes first). A {@code LIKE} reads the words of every agreement until it has found enough: quick for a common
 * word, whose matches come early, but a rare word read them all (3.5 s at 100,000 agreements). So the words are also
 * kept one by one ({@link AgreementWord}), and a clause whose words few agreements hold is first narrowed to those
 * agreements through the word table's index; the {@code LIKE} then only decides among them.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
class PortableSearch implements SearchDialect {

    /**
     * At most how many of the caller's agreements may hold a clause's words for the word table to narrow the search:
     * beyond it the matches are common enough that reading the agreements in order finds a page of them sooner than
     * looking each up.
     */
    static final int RARE = 1_000;

    private final EntityManager entityManager;

    /** {@link #holding}'s recent answers, by clearance and word. */
    private final Cache<String, Integer> holders = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    PortableSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

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
        narrowToRareWords(query, clearance, criteria);
    }

    /**
     * Adds the condition that the agreement holds, as the caller sees it, a word starting like one of the first rare
     * clause's terms, when there is such a clause: one whose terms' key words ({@link #keyWord}) at most {@link #RARE}
     * agreements hold. A sound narrowing: every agreement a term matches holds a word beginning with each of its words.
     */
    private void narrowToRareWords(TextQuery query, Classification clearance, AgreementCriteria criteria) {
        for (TextQuery.Clause clause : query.clauses()) {
            if (!clause.finds()) {
                continue;
            }
            List<String> prefixes = clause.alternatives().stream()
                    .map(PortableSearch::keyWord)
                    .distinct()
                    .toList();
            int held = 0;
            for (String prefix : prefixes) {
                held += holding(prefix, clearance);
            }
            if (held <= RARE) {
                // A union, not an "or": H2 looks each range up in the index, where an "or" of them reads the table.
                List<String> any = new ArrayList<>();
                for (int i = 0; i < prefixes.size(); i++) {
                    any.add("select w" + i + ".agreementId from AgreementWord w" + i + " where w" + i
                            + ".visibleFrom <= " + clearance.ordinal() + " and w" + i + ".word >= :wordFrom" + i
                            + " and w" + i + ".word < :wordTo" + i);
                    criteria.parameter("wordFrom" + i, prefixes.get(i));
                    criteria.parameter("wordTo" + i, prefixes.get(i) + Character.MAX_VALUE);
                }
                criteria.condition("a.id in (" + String.join(" union ", any) + ")");
                return;
            }
        }
    }

    /**
     * How many agreements hold, as a caller of this clearance sees them, a word starting so (one holding two such words
     * counts twice), counted up to one more than {@link #RARE}. Remembered for a minute: a page and its count ask
     * twice, and the answer only chooses how to search, never what is found, so one a little out of date costs time at
     * worst.
     */
    private int holding(String prefix, Classification clearance) {
        return holders.get(
                clearance.ordinal() + ":" + prefix,
                key -> entityManager
                        .createQuery(
                                "select w.agreementId from AgreementWord w where w.visibleFrom <= "
                                        + clearance.ordinal() + " and w.word >= :from and w.word < :to",
                                UUID.class)
                        .setParameter("from", prefix)
                        .setParameter("to", prefix + Character.MAX_VALUE)
                        .setMaxResults(RARE + 1)
                        .getResultList()
                        .size());
    }

    /**
     * The word of a term the word table looks up: its longest (the rarest, as a rule), as the table keeps it. Any of
     * its words would do: a matching agreement holds a word that is, or begins with, each of them.
     */
    static String keyWord(TextQuery.Term term) {
        String longest = term.words().stream()
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
        return SearchWord.kept(longest);
    }

    @Override
    public String relevance(TextQuery query, Classification clearance, AgreementCriteria criteria) {
        String text = "a." + AgreementReadModel.pathFor(clearance);
        criteria.parameter("rankTerm", query.wanted().get(0).asFoldedText());
        return "case when locate(:rankTerm, " + text + ") = 0 then 0.0 else 1.0 / locate(:rankTerm, " + text + ") end";
    }
}
