import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Search benchmark for Accords (not part of the test suite). Two commands, run with the JDBC drivers on the class
 * path (see bench/search/run.sh):
 *
 * <pre>
 * java SearchBench.java load --url JDBC_URL --user U --password P --agreements N [--parties 3000]
 * java SearchBench.java run  --url JDBC_URL --user U --password P --service http://localhost:8080 [--requests 200]
 * </pre>
 *
 * {@code load} fills a database the application has already migrated (and that holds no agreements) with N synthetic
 * agreements: a few thousand parties over skewed countries, skewed sectors and modes, 2 to 4 parties each, dates at
 * day, month or year precision. {@code run} times each query shape through the service and, in the same run, the
 * equivalent SQL directly (the page query reading each agreement's document, and its bounded count), and
 * prints p50/p95/p99, throughput and the service/SQL ratio as a Markdown table.
 */
public class SearchBench {

    static final String[] COUNTRIES = {
        "US", "KR", "FR", "DE", "GB", "IT", "IL", "TR", "PL", "IN", "JP", "AU", "ES", "SE", "NO", "BR", "PE", "CL",
        "CO", "AE", "SA", "EG", "PH", "ID", "MY", "TH", "VN", "CA", "NL", "BE", "FI", "CZ", "RO", "GR", "PT", "ZA",
        "NG", "MX", "AR", "NZ"
    };
    static final String[] SECTORS = {
        "AEROSPACE",
        "NAVAL",
        "LAND_SYSTEMS",
        "MUNITIONS",
        "MISSILES_AIR_DEFENCE",
        "C4ISR_ELECTRONICS",
        "MRO",
        "TRAINING",
        "CYBER",
        "SPACE",
        "CRITICAL_MINERALS",
        "INFRASTRUCTURE",
        "DUAL_USE"
    };
    static final String[] MODES = {
        "PROCUREMENT",
        "JOINT_PRODUCTION",
        "TECHNOLOGY_TRANSFER",
        "CO_DEVELOPMENT",
        "LICENSED_PRODUCTION",
        "MRO",
        "TRAINING",
        "OFFSET",
        "RESEARCH",
        "SUPPLY_OF_MATERIALS",
        "INFORMATION_EXCHANGE"
    };
    static final String[] TYPES = {
        "MOU",
        "CONTRACT",
        "LETTER_OF_INTENT",
        "FRAMEWORK_AGREEMENT",
        "MOA",
        "LICENCE",
        "JOINT_VENTURE",
        "IMPLEMENTING_ARRANGEMENT",
        "JOINT_DECLARATION",
        "EXCHANGE_OF_NOTES",
        "TREATY",
        "OTHER"
    };
    static final String[] STATUSES = {
        "SIGNED",
        "IN_FORCE",
        "PROPOSED",
        "COMPLETED",
        "UNDER_NEGOTIATION",
        "EXPIRED",
        "SUSPENDED",
        "TERMINATED",
        "CANCELLED"
    };
    static final String[] ROLES = {"SIGNATORY", "CONTRACTOR", "SUPPLIER", "RECIPIENT", "CO_DEVELOPER", "LICENSOR"};
    static final String[] KINDS = {"COMPANY", "GOVERNMENT", "MINISTRY", "STATE_ENTERPRISE", "AGENCY", "ARMED_SERVICE"};
    static final String[] SUBJECTS = {
        "fighter jet components",
        "naval vessel co-development",
        "armoured vehicles",
        "air defence radars",
        "trainer aircraft",
        "submarine maintenance",
        "artillery ammunition",
        "satellite links",
        "helicopter support",
        "frigate construction",
        "drone production",
        "cyber defence training",
        "critical minerals supply",
        "coastal patrol boats",
        "missile components",
        "tactical radios"
    };
    static final String[] WORDS = {
        "Aero",
        "Marine",
        "Defence",
        "Systems",
        "Dynamics",
        "Industries",
        "Shipyard",
        "Ordnance",
        "Avionics",
        "Technologies",
        "Heavy",
        "Electronics",
        "Arsenal",
        "Works",
        "Fábrica",
        "Société",
        "Ingeniería",
        "Española",
        "Nacional",
        "Peruana",
        "Türk",
        "Polska",
        "Nordic",
        "Pacific",
        "Atlantic"
    };
    static final String RARE = "kestrel";

    /** Whether the database keeps the word table the service narrows a rare word through on H2 (V20). */
    static boolean wordTable;
    /** Requests per shape before timing, so the JIT compiler has compiled the service's hot paths. */
    static final int WARM_UP = 300;
    /** Seconds a timing loop may take before it stops (it always takes at least 20 samples). */
    static final int BUDGET_SECONDS = 12;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> load(options);
            case "run" -> run(options);
            default -> System.err.println("usage: load|run --url JDBC_URL --user U --password P ...");
        }
    }

    static Connection connect(Map<String, String> options) throws SQLException {
        return DriverManager.getConnection(
                options.get("url"), options.getOrDefault("user", "accords"), options.getOrDefault("password", ""));
    }

    // ---------------------------------------------------------------------------------------------- load

    static void load(Map<String, String> options) throws SQLException {
        int agreements = Integer.parseInt(options.get("agreements"));
        int partyCount = Integer.parseInt(options.getOrDefault("parties", "3000"));
        Random random = new Random(42);
        try (Connection db = connect(options)) {
            db.setAutoCommit(false);
            Instant now = Instant.now();
            List<String[]> parties = new ArrayList<>();
            try (PreparedStatement party = db.prepareStatement("insert into party (id, version, name, name_key,"
                    + " acronym, country, kind, created_at, updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < partyCount; i++) {
                    String name =
                            WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
                    String acronym = "P" + Integer.toString(i, 36).toUpperCase(Locale.ROOT);
                    String country = COUNTRIES[skewed(random, COUNTRIES.length)];
                    String kind = KINDS[random.nextInt(KINDS.length)];
                    UUID id = UUID.nameUUIDFromBytes(("party-" + i).getBytes(StandardCharsets.UTF_8));
                    party.setObject(1, id);
                    party.setString(2, name);
                    party.setString(3, name.toLowerCase(Locale.ROOT));
                    party.setString(4, acronym);
                    party.setString(5, country);
                    party.setString(6, kind);
                    party.setTimestamp(7, Timestamp.from(now));
                    party.setTimestamp(8, Timestamp.from(now));
                    party.addBatch();
                    parties.add(new String[] {id.toString(), name, acronym, country, kind});
                }
                party.executeBatch();
            }
            db.commit();
            boolean postgres = options.get("url").startsWith("jdbc:postgresql");
            long started = System.nanoTime();
            // PostgreSQL: the agreement tables' secondary indexes are dropped during the load and built after it,
            // once, instead of updated row by row; commits do not wait for the disk (a lost load is simply rerun).
            List<String> indexes = new ArrayList<>();
            String[] keyTable = null;
            if (postgres) {
                try (var statement = db.createStatement()) {
                    statement.execute("set synchronous_commit = off");
                    try (ResultSet rows = statement.executeQuery("select indexname, indexdef from pg_indexes"
                            + " where schemaname = current_schema() and tablename like 'agreement%'"
                            + " and indexname not in (select conname from pg_constraint)")) {
                        while (rows.next()) {
                            indexes.add(rows.getString(2));
                            try (var drop = db.createStatement()) {
                                drop.execute("drop index " + rows.getString(1));
                            }
                        }
                    }
                }
                keyTable = keyTableKept(db);
                if (keyTable != null) {
                    // The database keeps the keys one per row by triggers (V20_2): filled once after the load.
                    try (var statement = db.createStatement()) {
                        statement.execute("alter table agreement disable trigger user");
                        statement.execute("alter table agreement_key drop constraint " + keyTable[0]);
                    }
                }
                db.commit();
            }
            try (Batch batch = new Batch(db)) {
                for (int i = 0; i < agreements; i++) {
                    batch.agreement(i, random, parties, now);
                    if ((i + 1) % 2000 == 0 || i + 1 == agreements) {
                        batch.flush();
                        db.commit();
                        double seconds = (System.nanoTime() - started) / 1e9;
                        System.err.printf(
                                "\rloaded %,d of %,d agreements (%.0f/s)", i + 1, agreements, (i + 1) / seconds);
                    }
                }
                System.err.println();
            }
            if (postgres) {
                long indexing = System.nanoTime();
                try (var statement = db.createStatement()) {
                    statement.execute("set maintenance_work_mem = '512MB'");
                    for (String index : indexes) {
                        statement.execute(index);
                    }
                    if (keyTable != null) {
                        statement.execute("insert into agreement_key (key, agreement_id, classification)"
                                + " select distinct k.key, a.id, a.classification"
                                + " from agreement a, unnest(a.search_keys) as k(key) where k.key is not null");
                        statement.execute(
                                "alter table agreement_key add constraint " + keyTable[0] + " " + keyTable[1]);
                        statement.execute("alter table agreement enable trigger user");
                    }
                    db.commit();
                    // As after a migration (V20_4): pages marked all-visible, so index-only scans skip the rows.
                    db.setAutoCommit(true);
                    statement.execute("vacuum (analyze)");
                }
                System.err.printf("built %d indexes in %.1f s%n", indexes.size(), (System.nanoTime() - indexing) / 1e9);
            }
            System.err.printf(
                    "loaded %,d agreements in %.1f s (%.1f minutes), indexes and statistics included%n",
                    agreements, (System.nanoTime() - started) / 1e9, (System.nanoTime() - started) / 6e10);
        }
    }

    /** The key table's primary key (name and definition) when the database keeps one (PostgreSQL, V20_2), or null. */
    static String[] keyTableKept(Connection db) throws SQLException {
        try (ResultSet rows = db.createStatement()
                .executeQuery("select conname, pg_get_constraintdef(oid) from pg_constraint"
                        + " where conrelid = to_regclass('agreement_key') and contype = 'p'")) {
            return rows.next() ? new String[] {rows.getString(1), rows.getString(2)} : null;
        }
    }

    /** Index into an array with a Zipf-like skew: the first entries are far more frequent. */
    static int skewed(Random random, int size) {
        return (int) Math.min(size - 1, Math.floor(size * Math.pow(random.nextDouble(), 2.5)));
    }

    static final class Batch implements AutoCloseable {
        final PreparedStatement agreement;
        final PreparedStatement sector;
        final PreparedStatement mode;
        final PreparedStatement party;
        final PreparedStatement system;
        final PreparedStatement source;
        final PreparedStatement tag;
        final Connection db;

        Batch(Connection db) throws SQLException {
            agreement = db.prepareStatement("insert into agreement (id, version, title, summary, type, status,"
                    + " signed_first, signed_last, signed_precision, effective_first, effective_last,"
                    + " effective_precision, expires_first, expires_last, expires_precision, created_at, updated_at,"
                    + " search_text, search_text_restricted, search_text_public, document, search_keys,"
                    + " document_format) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
            this.db = db;
            sector = db.prepareStatement("insert into agreement_sector (agreement_id, sector) values (?, ?)");
            mode = db.prepareStatement("insert into agreement_mode (agreement_id, mode) values (?, ?)");
            party = db.prepareStatement(
                    "insert into agreement_party (agreement_id, position, party_id, role)" + " values (?, ?, ?, ?)");
            system = db.prepareStatement(
                    "insert into agreement_system (agreement_id, position, name)" + " values (?, ?, ?)");
            source = db.prepareStatement("insert into agreement_source (agreement_id, position, publisher, title,"
                    + " url, published_on) values (?, 0, 'Bench Wire', 'A synthetic article', ?, null)");
            tag = db.prepareStatement("insert into agreement_tag (agreement_id, position, tag) values (?, 0, ?)");
        }

        void agreement(int i, Random random, List<String[]> parties, Instant now) throws SQLException {
            UUID id = UUID.nameUUIDFromBytes(("agreement-" + i).getBytes(StandardCharsets.UTF_8));
            String subject = SUBJECTS[skewed(random, SUBJECTS.length)];
            List<String[]> chosen = new ArrayList<>();
            int partyCount = 2 + random.nextInt(3);
            while (chosen.size() < partyCount) {
                String[] candidate = parties.get(skewed(random, parties.size()));
                if (!chosen.contains(candidate)) {
                    chosen.add(candidate);
                }
            }
            String title = TYPES[skewed(random, 4)].replace('_', ' ') + " on " + subject + " between "
                    + chosen.get(0)[1] + " and " + chosen.get(1)[1] + (i % 10_000 == 7 ? " " + RARE : "");
            String summary = "The parties agree to " + (random.nextBoolean() ? "cooperation" : "partnership") + " on "
                    + subject + ".";
            List<String> systems = new ArrayList<>();
            for (int s = random.nextInt(3); s > 0; s--) {
                String name = "SYS-" + skewed(random, 400);
                if (!systems.contains(name)) {
                    systems.add(name);
                }
            }
            String tagValue = "bench-" + (i % 50);
            agreement.setObject(1, id);
            agreement.setString(2, title);
            agreement.setString(3, summary);
            String type = TYPES[skewed(random, TYPES.length)];
            String status = STATUSES[skewed(random, STATUSES.length)];
            agreement.setString(4, type);
            agreement.setString(5, status);
            LocalDate signed = random.nextInt(5) == 0
                    ? null
                    : LocalDate.of(2026, 1, 1).minusDays((long) (Math.pow(random.nextDouble(), 1.5) * 365 * 35));
            int precision = random.nextInt(20);
            String signedPrecision = precision < 12 ? "DAY" : precision < 17 ? "MONTH" : "YEAR";
            dates(agreement, 6, signed, signedPrecision);
            LocalDate effective = signed == null || random.nextBoolean() ? null : signed.plusMonths(random.nextInt(12));
            dates(agreement, 9, effective, "DAY");
            LocalDate expires =
                    effective == null || random.nextBoolean() ? null : effective.plusYears(1 + random.nextInt(15));
            dates(agreement, 12, expires, "YEAR");
            Instant created = now.minusSeconds(random.nextInt(3_000_000));
            agreement.setTimestamp(15, Timestamp.from(created));
            agreement.setTimestamp(16, Timestamp.from(created));
            List<String> words = new ArrayList<>(List.of(title, summary));
            words.addAll(systems);
            words.add(tagValue);
            chosen.forEach(p -> words.addAll(List.of(p[1], p[2])));
            // Every synthetic party is PUBLIC, so every clearance searches the same words.
            String text = " "
                    + words.stream()
                            .map(SearchBench::fold)
                            .filter(w -> !w.isEmpty())
                            .collect(Collectors.joining(" ")) + " ";
            agreement.setString(17, text);
            agreement.setString(18, text);
            agreement.setString(19, text);
            int sectors = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            List<String> sectorValues = new ArrayList<>();
            while (sectorValues.size() < sectors) {
                String value = SECTORS[skewed(random, SECTORS.length)];
                if (!sectorValues.contains(value)) {
                    sectorValues.add(value);
                    sector.setObject(1, id);
                    sector.setString(2, value);
                    sector.addBatch();
                }
            }
            List<String> modeValues = new ArrayList<>();
            if (random.nextInt(3) > 0) {
                mode.setObject(1, id);
                String value = MODES[skewed(random, MODES.length)];
                mode.setString(2, value);
                mode.addBatch();
                modeValues.add(value);
            }
            List<String> roles = new ArrayList<>();
            for (int p = 0; p < chosen.size(); p++) {
                roles.add(p < 2 ? "SIGNATORY" : ROLES[random.nextInt(ROLES.length)]);
            }
            // The document a get by id reads, as the service writes it (AgreementReadModel).
            StringBuilder json = new StringBuilder("{\"id\":\"")
                    .append(id)
                    .append("\",\"title\":")
                    .append(quoted(title));
            json.append(",\"summary\":").append(quoted(summary));
            json.append(",\"type\":\"")
                    .append(type)
                    .append("\",\"status\":\"")
                    .append(status)
                    .append('"');
            json.append(",\"sectors\":")
                    .append(array(sectorValues))
                    .append(",\"modes\":")
                    .append(array(modeValues));
            json.append(",\"parties\":[");
            for (int p = 0; p < chosen.size(); p++) {
                String[] chosenParty = chosen.get(p);
                json.append(p == 0 ? "" : ",")
                        .append("{\"party\":{\"id\":\"")
                        .append(chosenParty[0])
                        .append("\",\"name\":")
                        .append(quoted(chosenParty[1]))
                        .append(",\"acronym\":")
                        .append(quoted(chosenParty[2]))
                        .append(",\"country\":\"")
                        .append(chosenParty[3])
                        .append("\",\"kind\":\"")
                        .append(chosenParty[4])
                        .append("\",\"classification\":\"PUBLIC\"},\"role\":\"")
                        .append(roles.get(p))
                        .append("\",\"signed\":null,\"consented\":null,\"withdrawn\":null}");
            }
            json.append("],\"countries\":")
                    .append(array(
                            chosen.stream().map(c -> c[3]).distinct().sorted().toList()));
            json.append(",\"systems\":").append(array(systems));
            json.append(",\"announced\":null,\"signed\":").append(partial(signed, signedPrecision));
            json.append(",\"effective\":").append(partial(effective, "DAY"));
            json.append(",\"expires\":").append(partial(expires, "YEAR"));
            json.append(",\"value\":null,\"sources\":[{\"publisher\":\"Bench Wire\",\"title\":\"A synthetic article\",")
                    .append("\"url\":\"https://example.org/bench/")
                    .append(i)
                    .append("\",\"published\":null}],\"claims\":[],\"uncited\":")
                    .append(array(uncited(sectorValues, modeValues, signed, effective, expires, chosen, systems)))
                    .append(",\"parentId\":null,\"relations\":[],\"occasionId\":null,\"identifiers\":[],\"tags\":")
                    .append(array(List.of(tagValue)));
            json.append(",\"classification\":\"PUBLIC\",\"version\":0,\"createdAt\":\"")
                    .append(created)
                    .append("\",\"updatedAt\":\"")
                    .append(created)
                    .append("\"}");
            agreement.setString(20, json.toString());
            // The filter keys, as the service writes them (SearchKeys); every synthetic party is PUBLIC.
            List<String> keys = new ArrayList<>();
            sectorValues.forEach(value -> keys.add("sector:" + value));
            modeValues.forEach(value -> keys.add("mode:" + value));
            systems.forEach(value -> keys.add("system:" + value.toUpperCase(Locale.ROOT)));
            for (String[] chosenParty : chosen) {
                keys.add("party:PUBLIC:" + chosenParty[0]);
                keys.add("acronym:PUBLIC:" + chosenParty[2].toUpperCase(Locale.ROOT));
                keys.add("country:PUBLIC:" + chosenParty[3]);
            }
            agreement.setArray(
                    21,
                    db.createArrayOf(
                            "varchar", keys.stream().distinct().sorted().toArray()));
            agreement.addBatch();
            for (int p = 0; p < chosen.size(); p++) {
                party.setObject(1, id);
                party.setInt(2, p);
                party.setObject(3, UUID.fromString(chosen.get(p)[0]));
                party.setString(4, roles.get(p));
                party.addBatch();
            }
            for (int s = 0; s < systems.size(); s++) {
                system.setObject(1, id);
                system.setInt(2, s);
                system.setString(3, systems.get(s));
                system.addBatch();
            }
            source.setObject(1, id);
            source.setString(2, "https://example.org/bench/" + i);
            source.addBatch();
            tag.setObject(1, id);
            tag.setString(2, tagValue);
            tag.addBatch();
        }

        /**
         * The facts the agreement holds, none cited (it has no claims), in the order the service names them (Facts):
         * type, status, sectors, modes, the dates it has, each party, each system.
         */
        static List<String> uncited(
                List<String> sectors,
                List<String> modes,
                LocalDate signed,
                LocalDate effective,
                LocalDate expires,
                List<String[]> parties,
                List<String> systems) {
            List<String> facts = new ArrayList<>(List.of("type", "status"));
            if (!sectors.isEmpty()) {
                facts.add("sectors");
            }
            if (!modes.isEmpty()) {
                facts.add("modes");
            }
            String[] names = {"signed", "effective", "expires"};
            LocalDate[] dates = {signed, effective, expires};
            for (int d = 0; d < names.length; d++) {
                if (dates[d] != null) {
                    facts.add(names[d]);
                }
            }
            parties.forEach(party -> facts.add("parties/" + party[0]));
            systems.forEach(system -> facts.add("systems/" + system));
            return facts;
        }

        static String quoted(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }

        static String array(List<String> values) {
            return "[" + values.stream().map(Batch::quoted).collect(Collectors.joining(",")) + "]";
        }

        /** A partial date as the service writes it: YYYY, YYYY-MM or YYYY-MM-DD. */
        static String partial(LocalDate day, String precision) {
            if (day == null) {
                return "null";
            }
            String text = day.toString();
            return quoted(
                    precision.equals("YEAR")
                            ? text.substring(0, 4)
                            : precision.equals("MONTH") ? text.substring(0, 7) : text);
        }

        static void dates(PreparedStatement statement, int column, LocalDate day, String precision)
                throws SQLException {
            if (day == null) {
                statement.setDate(column, null);
                statement.setDate(column + 1, null);
                statement.setString(column + 2, null);
                return;
            }
            LocalDate first = switch (precision) {
                case "YEAR" -> day.withDayOfYear(1);
                case "MONTH" -> day.withDayOfMonth(1);
                default -> day;
            };
            LocalDate last = switch (precision) {
                case "YEAR" -> day.withMonth(12).withDayOfMonth(31);
                case "MONTH" -> YearMonth.from(day).atEndOfMonth();
                default -> day;
            };
            statement.setDate(column, Date.valueOf(first));
            statement.setDate(column + 1, Date.valueOf(last));
            statement.setString(column + 2, precision);
        }

        void flush() throws SQLException {
            for (PreparedStatement statement : List.of(agreement, sector, mode, party, system, source, tag)) {
                statement.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(agreement, sector, mode, party, system, source, tag)) {
                statement.close();
            }
        }
    }

    /** The service's folding: accents removed, lower case, anything but letters and digits a single space. */
    static String fold(String text) {
        String bare = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return Normalizer.normalize(bare, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
    }

    // ----------------------------------------------------------------------------------------------- run

    /** A query shape: its service path, and the SQL the service's answer needs. */
    record Shape(
            String name,
            String path,
            String where,
            List<Object> parameters,
            boolean facets,
            int exportRows,
            String order,
            List<Object> orderParameters) {

        Shape(String name, String path, String where, List<Object> parameters, boolean facets, int exportRows) {
            this(name, path, where, parameters, facets, exportRows, DEFAULT_ORDER, List.of());
        }
    }

    static final String DEFAULT_ORDER = "order by a.signed_first desc nulls last, a.title, a.id";
    static final String PAGE = "select a.* from agreement a where %s %s limit 20";
    /** The bounded total the service counts by default: at most 10,001 matches. */
    static final String COUNT = "select count(*) from (select 1 from agreement a where %s limit 10001) bounded";
    /**
     * The same page after a cursor, as the service does it: the position's values first, then a seek bounded by its
     * first key (the position of page 5,000 has a signature date, so the rows without one are not reached).
     */
    static final String POSITION = "select signed_first, title from agreement where id = ?";

    static final String PAGE_AFTER = "select a.* from agreement a where %s and a.signed_first <= ? and"
            + " ((a.signed_first < ? or a.signed_first is null) or (a.signed_first = ? and (a.title > ? or a.title is"
            + " null)) or (a.signed_first = ? and a.title = ? and a.id > ?))"
            + " order by a.signed_first desc nulls last, a.title, a.id limit 20";
    /** A get by id: the agreement's stored document (AgreementReadModel). */
    static final String DOCUMENT =
            "select classification, version, created_at, updated_at, document from agreement where id = ?";

    static final String[] FACETS = {
        "select s.sector, count(*) from agreement a join agreement_sector s on s.agreement_id = a.id where %s"
                + " group by s.sector",
        "select m.mode, count(*) from agreement a join agreement_mode m on m.agreement_id = a.id where %s"
                + " group by m.mode",
        "select p.country, count(distinct a.id) from agreement a join agreement_party ap on ap.agreement_id = a.id"
                + " join party p on p.id = ap.party_id where %s group by p.country",
        "select a.type, a.status, extract(year from a.signed_first), count(*) from agreement a where %s"
                + " group by a.type, a.status, extract(year from a.signed_first)"
    };

    /**
     * The shapes, each with the SQL the service sends on this database: the filter keys by array overlap (GIN) and
     * text by full-text search ranked by ts_rank on PostgreSQL; array_contains and LIKE ranked by position on H2.
     */
    static List<Shape> shapes(String anyId, String deepCursor, String deepAfter, boolean postgres) {
        String levels = "PUBLIC,RESTRICTED,CONFIDENTIAL";
        String sector = postgres ? "a.search_keys && ?" : "array_contains(a.search_keys, ?)";
        Object naval = postgres ? new String[] {"sector:NAVAL"} : "sector:NAVAL";
        String country = postgres
                ? "a.search_keys && ?"
                : "(array_contains(a.search_keys, ?) or array_contains(a.search_keys, ?)"
                        + " or array_contains(a.search_keys, ?))";
        List<Object> korea = postgres
                ? List.of((Object) Arrays.stream(levels.split(","))
                        .map(l -> "country:" + l + ":KR")
                        .toArray(String[]::new))
                : Arrays.stream(levels.split(","))
                        .map(l -> (Object) ("country:" + l + ":KR"))
                        .toList();
        return List.of(
                new Shape(
                        "get by id",
                        "/api/v1/agreements/" + anyId,
                        "a.id = ?",
                        List.of(UUID.fromString(anyId)),
                        false,
                        0),
                new Shape("list page 1", "/api/v1/agreements", "1 = 1", List.of(), false, 0),
                new Shape(
                        "page 5,000 through the cursor",
                        "/api/v1/agreements?after=" + deepCursor,
                        "1 = 1",
                        List.of(UUID.fromString(deepAfter)),
                        false,
                        0),
                new Shape(
                        "one filter (sector=NAVAL)",
                        "/api/v1/agreements?sector=NAVAL",
                        sector,
                        List.of(naval),
                        false,
                        0),
                new Shape(
                        "three filters (sector, country, signed year)",
                        "/api/v1/agreements?sector=NAVAL&country=KR&signedFrom=2015&signedTo=2015",
                        sector + " and " + country + " and a.signed_last >= ? and a.signed_first >= ?"
                                + " and a.signed_first <= ?",
                        concat(
                                List.of(naval),
                                korea,
                                List.of(
                                        LocalDate.of(2015, 1, 1),
                                        LocalDate.of(2015, 1, 1).minusDays(366),
                                        LocalDate.of(2015, 12, 31))),
                        false,
                        0),
                text("text, rare word (" + RARE + ")", RARE, postgres, wordTable),
                text("text, common word (cooperation)", "cooperation", postgres, false),
                new Shape("facets (country=KR)", "/api/v1/agreements/facets?country=KR", country, korea, true, 0),
                new Shape(
                        "export 10,000 rows (CSV)",
                        "/api/v1/agreements/export?format=csv",
                        "",
                        List.of(),
                        false,
                        10_000));
    }

    /**
     * A text search as the service sends it: matched, then ordered by relevance. On H2 the service narrows a word few
     * agreements hold through the word table (PortableSearch) first, when the database keeps one.
     */
    static Shape text(String name, String word, boolean postgres, boolean rare) {
        return postgres
                ? new Shape(
                        name,
                        "/api/v1/agreements?q=" + word,
                        "a.search_vector @@ to_tsquery('simple', ?)",
                        List.of("(" + word + ":*)"),
                        false,
                        0,
                        "order by ts_rank(a.search_vector, to_tsquery('simple', ?)) desc, a.id",
                        List.of("(" + word + ":*)"))
                : new Shape(
                        name,
                        "/api/v1/agreements?q=" + word,
                        rare
                                ? "(a.search_text like ?) and a.id in (select w.agreement_id from agreement_word w"
                                        + " where w.visible_from <= 2 and w.word >= ? and w.word < ?)"
                                : "(a.search_text like ?)",
                        rare
                                ? List.of("% " + word + "%", word, word + Character.MAX_VALUE)
                                : List.of("% " + word + "%"),
                        false,
                        0,
                        "order by case when locate(?, a.search_text) = 0 then 0.0 else 1.0 / locate(?, a.search_text)"
                                + " end desc, a.id",
                        List.of(" " + word, " " + word));
    }

    @SafeVarargs
    static List<Object> concat(List<Object>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    static void run(Map<String, String> options) throws Exception {
        String service = options.getOrDefault("service", "http://localhost:8080");
        int requests = Integer.parseInt(options.getOrDefault("requests", "200"));
        token = options.getOrDefault("token", "");
        String only = options.getOrDefault("only", "");
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String anyId;
        String deepAfter;
        long total;
        try (Connection db = connect(options);
                ResultSet counted = db.createStatement().executeQuery("select count(*) from agreement")) {
            counted.next();
            total = counted.getLong(1);
            try (ResultSet rows =
                    query(db, "select id from agreement order by id limit 1 offset ?", List.of(total / 2))) {
                rows.next();
                anyId = rows.getString(1);
            }
            // The last agreement of page 4,999 in the default order: the cursor to page 5,000 stands on it.
            try (ResultSet rows = query(
                    db,
                    "select id from agreement a order by a.signed_first desc nulls last, a.title, a.id limit 1"
                            + " offset ?",
                    List.of(Math.min(total - 1, 4_999L * 20 - 1)))) {
                rows.next();
                deepAfter = rows.getString(1);
            }
            try (ResultSet rows =
                    query(db, "select count(*) from (select 1 from agreement_word limit 1) w", List.of())) {
                rows.next();
                wordTable = rows.getLong(1) > 0;
            } catch (SQLException none) {
                wordTable = false; // a build before the word table (V20)
            }
        }
        String deepCursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("l1||5000|" + deepAfter).getBytes(StandardCharsets.UTF_8));
        System.out.printf(
                "%n%,d agreements; %d timed requests per shape (export: %d) after at least %d warm-up"
                        + " requests, one at a time; throughput with 4 concurrent clients%n%n",
                total, requests, Math.max(5, requests / 20), 2 * WARM_UP);
        System.out.println("| Query | Service p50 | p95 | p99 | Throughput (4 clients) | Direct SQL p50 | p95 |"
                + " Service/SQL (p50) | Samples (service, SQL) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        try (Connection db = connect(options)) {
            for (Shape shape :
                    shapes(anyId, deepCursor, deepAfter, options.get("url").startsWith("jdbc:postgresql"))) {
                if (Arrays.stream(only.split("\\|")).noneMatch(shape.name()::contains)) {
                    continue;
                }
                int count = shape.exportRows() > 0 ? Math.max(5, requests / 20) : requests;
                String path = shape.exportRows() > 0 ? exportPath(db, shape.exportRows()) : shape.path();
                timeHttp(http, service + path, Math.max(count, 2 * WARM_UP / (shape.exportRows() > 0 ? 50 : 1)));
                double[] web = timeHttp(http, service + path, count);
                double throughput = throughput(http, service + path, (int) Math.min(count, web[3]));
                SqlWork sql = shape.exportRows() > 0 ? () -> exportSql(db, path) : () -> shapeSql(db, shape);
                timeSql(sql, count);
                double[] direct = timeSql(sql, count);
                System.out.printf(
                        "| %s | %.1f ms | %.1f ms | %.1f ms | %.0f/s | %.1f ms | %.1f ms | %.2f | %.0f, %.0f |%n",
                        shape.name(),
                        web[0],
                        web[1],
                        web[2],
                        throughput,
                        direct[0],
                        direct[1],
                        web[0] / direct[0],
                        web[3],
                        direct[3]);
            }
        }
    }

    /** An export filter selecting the requested number of most recently changed agreements. */
    static String exportPath(Connection db, int rows) throws SQLException {
        try (ResultSet result = query(
                db,
                "select updated_at from agreement order by updated_at desc limit 1" + " offset ?",
                List.of(rows - 1))) {
            Instant since = result.next() ? result.getTimestamp(1).toInstant() : Instant.EPOCH;
            return "/api/v1/agreements/export?format=csv&updatedSince=" + since;
        }
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    static void shapeSql(Connection db, Shape shape) throws SQLException {
        if (shape.facets()) {
            for (String facet : FACETS) {
                try (ResultSet rows = query(db, facet.formatted(shape.where()), shape.parameters())) {
                    while (rows.next()) {
                        rows.getLong(rows.getMetaData().getColumnCount());
                    }
                }
            }
            return;
        }
        if (shape.path().matches(".*/agreements/[0-9a-f-]{36}$")) {
            try (ResultSet rows = query(db, DOCUMENT, shape.parameters())) {
                rows.next();
                rows.getString(5);
            }
            return;
        }
        if (shape.path().contains("q=")) {
            rankedSql(db, shape);
            return;
        }
        List<Object> ids = new ArrayList<>();
        boolean after = shape.path().contains("after=");
        List<Object> parameters = shape.parameters();
        if (after) {
            try (ResultSet rows = query(db, POSITION, shape.parameters())) {
                rows.next();
                Object signed = rows.getObject(1);
                Object title = rows.getObject(2);
                // Arrays.asList: at 10,000 the position is the last agreement, which may have no signature date.
                parameters = Arrays.asList(
                        signed,
                        signed,
                        signed,
                        title,
                        signed,
                        title,
                        shape.parameters().get(0));
            }
        }
        String page = after ? PAGE_AFTER.formatted(shape.where()) : PAGE.formatted(shape.where(), shape.order());
        if (!after) {
            parameters = concat(parameters, shape.orderParameters());
        }
        try (ResultSet rows = query(db, page, parameters)) {
            while (rows.next()) {
                ids.add(rows.getObject("id"));
            }
        }
        try (ResultSet rows = query(db, COUNT.formatted(shape.where()), after ? List.of() : shape.parameters())) {
            rows.next();
        }
    }

    /**
     * The relevance order as the service asks for it: the bounded count, then a page of at most 2,000 matches (the
     * first the database finds) ranked in the query that finds them.
     */
    static void rankedSql(Connection db, Shape shape) throws SQLException {
        try (ResultSet rows = query(db, COUNT.formatted(shape.where()), shape.parameters())) {
            rows.next();
        }
        List<Object> parameters = new ArrayList<>(shape.orderParameters());
        parameters.addAll(shape.parameters());
        String rank = shape.order().replaceFirst("order by (.*) desc, a.id", "$1");
        try (ResultSet rows = query(
                db,
                "select x.* from (select a.id, " + rank + " as rank from agreement a where " + shape.where()
                        + " limit 2000) c join agreement x on x.id = c.id order by c.rank desc, c.id limit 20",
                parameters)) {
            while (rows.next()) {
                rows.getString("document");
            }
        }
    }

    /** The export's SQL: the keyset walk 500 rows at a time, each row with its document. */
    static void exportSql(Connection db, String path) throws SQLException {
        Timestamp since = Timestamp.from(Instant.parse(path.replaceAll(".*updatedSince=", "")));
        Timestamp at = null;
        Object id = null;
        while (true) {
            List<Object> parameters = new ArrayList<>(List.of(since));
            String where = "a.updated_at >= ?";
            if (at != null) {
                where += " and (a.updated_at > ? or (a.updated_at = ? and a.id > ?))";
                parameters.addAll(List.of(at, at, id));
            }
            List<Object> ids = new ArrayList<>();
            try (ResultSet rows = query(
                    db,
                    "select a.* from agreement a where " + where + " order by a.updated_at, a.id limit 500",
                    parameters)) {
                while (rows.next()) {
                    ids.add(rows.getObject("id"));
                    at = rows.getTimestamp("updated_at");
                    id = rows.getObject("id");
                }
            }
            if (ids.size() < 500) {
                return;
            }
        }
    }

    static ResultSet query(Connection db, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        statement.closeOnCompletion();
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String[] array) {
                statement.setArray(i + 1, db.createArrayOf("varchar", array));
            } else if (value instanceof Object[] array) {
                statement.setArray(i + 1, db.createArrayOf("uuid", array));
            } else {
                statement.setObject(i + 1, value instanceof LocalDate day ? Date.valueOf(day) : value);
            }
        }
        return statement.executeQuery();
    }

    /** The service needs a bearer token: run.sh signs one with the key pair it starts the service with. */
    static String token = "";

    static HttpRequest request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        return token.isEmpty()
                ? builder.build()
                : builder.header("Authorization", "Bearer " + token).build();
    }

    /** Times up to count requests, stopping early (after at least 20) once the time budget is spent. */
    static double[] timeHttp(HttpClient http, String url, int count) throws IOException, InterruptedException {
        HttpRequest request = request(url);
        List<Double> millis = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
        while (millis.size() < count && (millis.size() < 20 || System.nanoTime() < deadline)) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        }
        return percentiles(millis);
    }

    static double throughput(HttpClient http, String url, int count) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        AtomicInteger failures = new AtomicInteger();
        HttpRequest request = request(url);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            clients.submit(() -> {
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            != 200) {
                        failures.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures + " requests failed under load on " + url);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static double[] timeSql(SqlWork work, int count) throws SQLException {
        List<Double> millis = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
        while (millis.size() < count && (millis.size() < 20 || System.nanoTime() < deadline)) {
            long start = System.nanoTime();
            work.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return percentiles(millis);
    }

    static double[] percentiles(List<Double> millis) {
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.length};
    }

    static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
