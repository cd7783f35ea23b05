package io.accords;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The embedded default's schema keeps working after the connection that migrated it is closed, as the connection
 * pool closes it once it has idled. H2 2.4 evaluates a {@code CHECK (column IN (...))} constraint with the session
 * that created it, so once that session was gone every insert or update answered "Check constraint invalid" (about
 * ten minutes after the first start of the service). A plain test: the migrations run as the service runs them, on
 * one connection, while another stays open; then the other writes.
 */
class H2MigrationsTest {

    @Test
    void writesSucceedAfterTheMigratingConnectionIsClosed() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection keeper = database.getConnection()) {
            Flyway.configure()
                    .dataSource(database)
                    .locations("classpath:db/migration", "classpath:db/vendor/h2")
                    .load()
                    .migrate();
            UUID party = UUID.randomUUID();
            UUID agreement = UUID.randomUUID();
            try (Statement statement = keeper.createStatement()) {
                statement.executeUpdate("insert into party (id, version, name, name_key, country, kind, created_at,"
                        + " updated_at, classification) values ('" + party + "', 0, 'P', 'p', 'KR', 'COMPANY',"
                        + " current_timestamp, current_timestamp, 'RESTRICTED')");
                statement.executeUpdate("insert into agreement (id, version, title, type, status, created_at,"
                        + " updated_at, classification) values ('" + agreement + "', 0, 'T', 'MOU', 'SIGNED',"
                        + " current_timestamp, current_timestamp, 'CONFIDENTIAL')");
                statement.executeUpdate(
                        "update agreement set classification = 'PUBLIC' where id = '" + agreement + "'");
            }
            try (PreparedStatement revision = keeper.prepareStatement("insert into revision (record_type, record_id,"
                    + " record_version, action, actor, changed_at, classification, snapshot) values ('agreement', ?,"
                    + " 0, 'CREATED', 'test', current_timestamp, 'PUBLIC', '{}')")) {
                revision.setObject(1, agreement);
                assertEquals(1, revision.executeUpdate());
            }
            try (Statement statement = keeper.createStatement();
                    ResultSet rows = statement.executeQuery("select classification from agreement")) {
                rows.next();
                assertEquals("PUBLIC", rows.getString(1));
            }
        }
    }
}
