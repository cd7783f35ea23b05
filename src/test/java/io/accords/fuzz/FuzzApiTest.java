package io.accords.fuzz;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.party;
import static io.accords.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.accords.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * Sends at least 10,000 generated requests (jqwik arbitraries) at every operation of {@code openapi/openapi.yaml}:
 * wrong types, missing and extra fields, huge strings, deep nesting, Unicode edge cases, invalid UTF-8, extreme
 * numbers, impossible dates, injection strings in every path and query parameter, repeated parameters and huge page
 * numbers, and a quarter with a header no operation documents. No answer may be a 5xx, every 4xx must be a
 * problem+json naming its status, every answer must be one the contract allows (status and body), and a refused
 * request must leave the database as it was. The seed is printed, so a failure can be replayed with {@code -Dfuzz.seed=...}.
 */
@QuarkusTest
class FuzzApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JDK's client: plain HTTP/1.1 with kept-alive connections, lighter than REST Assured for 10,000 calls. */
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final String DEEP = "__deep__";
    /**
     * The HTTP layer answers a request line over 4,096 bytes with a bare 414 before the API sees it (README, Limits),
     * so generated query strings stay under that.
     */
    private static final int MAX_QUERY = 3_000;

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1",
            "1; DROP TABLE agreement; --",
            "\" OR 1=1 --",
            "${jndi:ldap://x/a}",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "%00",
            "\u0000",
            "\uD800",
            "\uDFFF",
            "\u202Eevil",
            "e\u0301\u0301\u0301",
            "\uD835\uDD4F",
            "\uFEFF",
            "null",
            "[]",
            "{}",
            "\\",
            "%2F..%2F",
            "%3B",
            ";",
            "//",
            "*",
            "-1",
            "0",
            "99999999999999999999",
            "1e309",
            "NaN",
            "-0",
            "2024-02-30",
            "2024-13",
            "0000",
            "9999-99-99",
            "2023-02-29",
            "",
            " ",
            "KR,PE",
            "kr",
            "NAVAL;DROP",
            "-signed,title,title",
            "title desc",
            "\"quoted",
            "a".repeat(300),
            "b".repeat(5000));

    /** Headers no operation documents and any client may send. */
    private static final List<String> AMBIENT = List.of(
            "Accept",
            "Content-Type",
            "Accept-Language",
            "Accept-Encoding",
            "If-None-Match",
            "traceparent",
            "tracestate",
            "X-Request-Id",
            "Prefer",
            "Forwarded",
            "X-Forwarded-Host",
            "X-Forwarded-Proto");
    /** Media types and ranges, well and badly formed. */
    private static final List<String> MEDIA_TYPES = List.of(
            ";;;",
            ";",
            ",",
            "*/*;q=abc",
            "application/json;;",
            "application/json; charset=ebcdic",
            "application/problem+json",
            "text/*",
            "/",
            "a/b/c",
            "application/json;q=0",
            "*/*;q=0.1, application/xml");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noGeneratedRequestGetsA5xxAndNoRefusedRequestChangesAnything() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzApiTest seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Operation> operations = operations();
        JqwikSession.start();
        try {
            fuzz(seed, random, operations);
        } finally {
            JqwikSession.finish();
        }
    }

    private void fuzz(long seed, Random random, List<Operation> operations) throws Exception {
        String partyId = createParty("KR");
        String agreementId = createAgreement(agreement(partyId));
        Arbitrary<String> strings = Arbitraries.oneOf(
                Arbitraries.of(HOSTILE),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12));
        Arbitrary<Long> numbers = Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_001L, 2_147_483_648L));
        Iterator<String> text =
                strings.generator(1000).stream(random).map(s -> s.value()).iterator();
        Iterator<Long> number =
                numbers.generator(1000).stream(random).map(s -> s.value()).iterator();
        Fuzz fuzz = new Fuzz(random, text, number, partyId, agreementId);

        String before = fingerprint();
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            HttpResponse<byte[]> response = fuzz.send(operation);
            int status = response.statusCode();
            String contentType = response.headers().firstValue("Content-Type").orElse("(none)");
            String description = operation + " #" + i + " (seed " + seed + "): " + fuzz.lastRequest;
            if (status >= 500) {
                fail(description + " answered " + status + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            // Every answer as the contract has it: its status among the operation's, its body of the declared schema.
            io.accords.support.ContractFilter.judge(
                    operation.method(),
                    response.uri().getRawPath(),
                    status,
                    contentType,
                    new String(response.body(), StandardCharsets.UTF_8),
                    description);
            if (status >= 400) {
                assertTrue(
                        contentType.startsWith("application/problem+json"),
                        description + " answered " + status + " as " + contentType);
                assertEquals(
                        status, JSON.readTree(response.body()).path("status").asInt(), description);
                if (!operation.method().equals("GET")) {
                    assertEquals(
                            before,
                            fingerprint(),
                            description + " was refused with " + status + " but changed the data");
                }
            } else if (!operation.method().equals("GET")) {
                before = fingerprint();
            }
        }
    }

    /** Counts and version sums of every table a request can write. */
    private String fingerprint() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("select"
                                + " (select count(*) from agreement), (select coalesce(sum(version), 0) from agreement),"
                                + " (select count(*) from party), (select coalesce(sum(version), 0) from party),"
                                + " (select count(*) from revision), (select count(*) from idempotency_key),"
                                + " (select count(*) from agreement_party), (select count(*) from agreement_sector)")) {
            rows.next();
            StringBuilder fingerprint = new StringBuilder();
            for (int column = 1; column <= 8; column++) {
                fingerprint.append(rows.getLong(column)).append('/');
            }
            return fingerprint.toString();
        }
    }

    record Operation(String method, String path, List<JsonNode> parameters, boolean hasBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Operation> operations() throws Exception {
        JsonNode document =
                new YAMLMapper().readTree(Path.of("openapi", "openapi.yaml").toFile());
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                List<JsonNode> parameters = new ArrayList<>();
                operation.getValue().path("parameters").forEach(parameters::add);
                operations.add(new Operation(
                        operation.getKey().toUpperCase(),
                        path.getKey(),
                        parameters,
                        operation.getValue().has("requestBody")));
            }
        }
        assertTrue(operations.size() >= 15, "operations read from openapi.yaml: " + operations);
        return operations;
    }

    /** Builds one generated request for an operation. */
    private static final class Fuzz {
        private final Random random;
        private final Iterator<String> text;
        private final Iterator<Long> number;
        private final String partyId;
        private final String agreementId;
        String lastRequest = "";

        Fuzz(Random random, Iterator<String> text, Iterator<Long> number, String partyId, String agreementId) {
            this.random = random;
            this.text = text;
            this.number = number;
            this.partyId = partyId;
            this.agreementId = agreementId;
        }

        HttpResponse<byte[]> send(Operation operation) throws Exception {
            // The URL is encoded here, so that generated braces and percent signs stay data, not templates.
            HttpRequest.Builder request = HttpRequest.newBuilder()
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", Tokens.defaultAuthorization());
            HttpRequest.BodyPublisher payload = HttpRequest.BodyPublishers.noBody();
            StringBuilder query = new StringBuilder();
            int queryLength = 0;
            StringBuilder described = new StringBuilder();
            String path = operation.path();
            // Every path parameter the document names ({id}, {agreementId}, {version}, a feed's {secret}, ...).
            java.util.regex.Matcher placeholders =
                    java.util.regex.Pattern.compile("\\{\\w+}").matcher(operation.path());
            List<String> named = new ArrayList<>();
            while (placeholders.find()) {
                named.add(placeholders.group());
            }
            for (String placeholder : named) {
                if (path.contains(placeholder)) {
                    String id = switch (random.nextInt(4)) {
                        case 0 ->
                            placeholder.equals("{secret}")
                                    ? io.accords.http.secrets.Secrets.mint()
                                    : placeholder.equals("{id}") && path.contains("parties") ? partyId : agreementId;
                        case 1 -> UUID.randomUUID().toString();
                        default -> shortText();
                    };
                    path = path.replace(
                            placeholder,
                            URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
                    described
                            .append(' ')
                            .append(placeholder, 1, placeholder.length() - 1)
                            .append('=')
                            .append(abbreviate(id));
                }
            }
            for (JsonNode parameter : operation.parameters()) {
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                if (name.equals("maxSeconds")) {
                    // A stream lasts an hour unless told otherwise: one second, before anything generated.
                    query.append(query.isEmpty() ? '?' : '&').append("maxSeconds=1");
                    queryLength += 12;
                }
                if (in.equals("query") && random.nextInt(3) > 0) {
                    int repeats = random.nextInt(10) == 0 ? 25 : 1 + random.nextInt(2);
                    for (int r = 0; r < repeats; r++) {
                        String value = random.nextBoolean() ? text.next() : String.valueOf(number.next());
                        int encoded =
                                URLEncoder.encode(value, StandardCharsets.UTF_8).length() + name.length() + 2;
                        if (queryLength + encoded > MAX_QUERY) {
                            continue;
                        }
                        queryLength += encoded;
                        query.append(query.isEmpty() ? '?' : '&')
                                .append(name)
                                .append('=')
                                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                        described.append(' ').append(name).append('=').append(abbreviate(value));
                    }
                } else if (in.equals("header") && random.nextBoolean()) {
                    String value = random.nextBoolean() ? "\"" + random.nextInt(3) + "\"" : text.next();
                    request.header(name, printable(value));
                    described.append(' ').append(name).append(": ").append(abbreviate(value));
                }
            }
            if (random.nextInt(8) == 0) {
                String unknown = "x" + random.nextInt(100);
                query.append(query.isEmpty() ? '?' : '&')
                        .append(unknown)
                        .append('=')
                        .append(URLEncoder.encode(shortText(), StandardCharsets.UTF_8));
                described.append(' ').append(unknown).append("=…");
            }
            if (operation.hasBody() || random.nextInt(20) == 0) {
                byte[] body = body(operation);
                String type = switch (random.nextInt(10)) {
                    case 0 -> "text/plain";
                    case 1 -> "application/xml";
                    default ->
                        operation.method().equals("PATCH") && random.nextBoolean()
                                ? "application/merge-patch+json"
                                : "application/json";
                };
                request.header("Content-Type", type);
                payload = HttpRequest.BodyPublishers.ofByteArray(body);
                described
                        .append(" [")
                        .append(type)
                        .append(' ')
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8)))
                        .append(']');
            }
            if (random.nextInt(4) == 0) {
                // A header every operation may meet whatever the document says of it: Content-Type only on a request
                // without a body, which has nothing for it to describe.
                String name = AMBIENT.get(random.nextInt(AMBIENT.size()));
                if (!(name.equals("Content-Type") && payload.contentLength() != 0)) {
                    String value =
                            random.nextBoolean() ? MEDIA_TYPES.get(random.nextInt(MEDIA_TYPES.size())) : text.next();
                    request.header(name, printable(value));
                    described.append(' ').append(name).append(": ").append(abbreviate(value));
                }
            }
            lastRequest = described.toString();
            URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + path + query);
            return CLIENT.send(
                    request.uri(uri).method(operation.method(), payload).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        /** A generated text short enough, encoded, for a path segment or an extra parameter. */
        private String shortText() {
            String value = text.next();
            while (URLEncoder.encode(value, StandardCharsets.UTF_8).length() > 500) {
                value = value.substring(0, value.length() / 2);
            }
            return value;
        }

        private byte[] body(Operation operation) throws Exception {
            switch (random.nextInt(12)) {
                case 0:
                    return new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
                case 1:
                    return "[".repeat(2000).getBytes(StandardCharsets.UTF_8);
                case 2:
                    return "{\"title\":".getBytes(StandardCharsets.UTF_8);
                case 3:
                    return JSON.writeValueAsBytes(text.next());
                case 4:
                    return new byte[0];
                default:
                    ObjectNode valid = JSON.valueToTree(
                            operation.path().contains("parties") ? party(unique("Fuzz"), "KR") : agreement(partyId));
                    List<String> fields = new ArrayList<>();
                    valid.fieldNames().forEachRemaining(fields::add);
                    int mutations = 1 + random.nextInt(3);
                    for (int m = 0; m < mutations; m++) {
                        String field =
                                random.nextInt(6) == 0 ? "unknown" + m : fields.get(random.nextInt(fields.size()));
                        switch (random.nextInt(6)) {
                            case 0 -> valid.remove(field);
                            case 1 -> valid.put(field, text.next());
                            case 2 -> valid.put(field, number.next());
                            case 3 -> valid.put(field, random.nextBoolean() ? 1e308 : -0.000001);
                            case 4 -> {
                                if (random.nextInt(3) == 0) {
                                    valid.put(field, DEEP);
                                } else {
                                    valid.set(field, nested(5));
                                }
                            }
                            default -> valid.putNull(field);
                        }
                    }
                    // Nesting deeper than Jackson writes: spliced in as text.
                    return JSON.writeValueAsString(valid)
                            .replace("\"" + DEEP + "\"", "[".repeat(1500) + "]".repeat(1500))
                            .getBytes(StandardCharsets.UTF_8);
            }
        }

        private static JsonNode nested(int depth) {
            JsonNode node = JsonNodeFactory.instance.textNode("deep");
            for (int d = 0; d < depth; d++) {
                node = d % 2 == 0
                        ? JsonNodeFactory.instance.arrayNode().add(node)
                        : JsonNodeFactory.instance.objectNode().set("a", node);
            }
            return node;
        }

        /** HTTP header values must be visible ASCII; the rest is sent as its code points in hex. */
        private static String printable(String value) {
            StringBuilder out = new StringBuilder();
            value.codePoints()
                    .forEach(c ->
                            out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("%%%04X", c)));
            return out.toString();
        }

        private static String abbreviate(String value) {
            String shown = value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
            return printable(shown);
        }
    }
}
