package io.accords.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL Hibernate sends, as tests ask to see it: {@link #during} records the statements prepared while it runs, so
 * a test can look at (or EXPLAIN) the SQL a request produced. Records nothing otherwise.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class RecordedSql implements StatementInspector {

    private static volatile List<String> recording;

    @Override
    public String inspect(String sql) {
        List<String> into = recording;
        if (into != null) {
            synchronized (into) {
                into.add(sql);
            }
        }
        return sql;
    }

    /** The SQL of the statements prepared while the action ran, in order. */
    public static synchronized List<String> during(Supplier<?> action) {
        List<String> into = new ArrayList<>();
        recording = into;
        try {
            action.get();
        } finally {
            recording = null;
        }
        synchronized (into) {
            return List.copyOf(into);
        }
    }
}
