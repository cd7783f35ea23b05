package io.accords.relay;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Changes;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The change feed on a real Kafka broker (KRaft, scripts/kafka.sh): the relay publishes every change its clearance
 * (PUBLIC here) may see, keyed by record id, as the feed's own CloudEvent, a raise as the record's deletion, nothing of
 * a record above it. Runs when a broker answers at {@code kafka.bootstrap} (localhost:9092) without costing an
 * application start otherwise; {@code .ci/run} starts one and sets {@code kafka.required}, so there a missing broker
 * fails the test instead of skipping it.
 */
@QuarkusTest
@TestProfile(KafkaRelayTest.WithKafka.class)
@EnabledIf("brokerAnswersOrIsRequired")
class KafkaRelayTest {

    static final String BOOTSTRAP = System.getProperty("kafka.bootstrap", "localhost:9092");
    /** A topic of this run's own, so that a broker kept between runs holds no earlier run's events in it. */
    static final String TOPIC = "accords.changes.test." + UUID.randomUUID();

    public static class WithKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "accords.kafka.enabled", "true",
                    "accords.kafka.topic", TOPIC,
                    "kafka.bootstrap.servers", BOOTSTRAP);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaConsumer<String, String> consumer;
    private static final List<ConsumerRecord<String, String>> read = new ArrayList<>();

    static boolean brokerAnswersOrIsRequired() {
        return brokerAnswers() || Boolean.getBoolean("kafka.required");
    }

    static boolean brokerAnswers() {
        String[] hostPort = BOOTSTRAP.split(",")[0].split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @BeforeAll
    static void follow() {
        assertTrue(brokerAnswers(), "a Kafka broker answers at " + BOOTSTRAP + " (bash scripts/kafka.sh start)");
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-relay-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterAll
    static void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void everyChangeAPublicReaderMaySeeIsPublishedKeyedByItsRecordInOrderAndNothingAbove() throws Exception {
        String party = createParty("KR");
        String told = createAgreement(agreement(party));
        merge(told, 0, "{\"summary\": \"Changed while Kafka listens\"}");
        given().header("If-Match", "\"1\"")
                .when()
                .delete("/api/v1/agreements/" + told)
                .then()
                .statusCode(204);
        String hidden = createAgreement(with(agreement(party), "classification", "RESTRICTED"));
        merge(hidden, 0, "{\"summary\": \"A restricted change\"}");
        String raised = createAgreement(agreement(party));
        waitFor(r -> raised.equals(r.key()));
        merge(raised, 0, "{\"classification\": \"CONFIDENTIAL\"}");
        merge(raised, 1, "{\"summary\": \"Changed above the topic's clearance\"}");
        String marker = createParty("NO"); // published after everything above, so its arrival means they are all in
        waitFor(r -> marker.equals(r.key()));

        // The told record: its three changes, in order, under its id, each the feed's own event.
        List<JsonNode> toldEvents = events(told);
        assertEquals(
                List.of("accords.agreement.created", "accords.agreement.updated", "accords.agreement.deleted"),
                toldEvents.stream().map(e -> e.get("type").asText()).toList());
        assertEquals(
                "Changed while Kafka listens",
                toldEvents.get(1).at("/data/summary").asText());
        assertTrue(toldEvents.get(2).get("data") == null, "a tombstone carries no record");
        List<Object> feed = Changes.readAll(Tokens.bearer("reader", "PUBLIC"), "", "kind=agreement").stream()
                .filter(e -> told.equals(e.get("subject")))
                .map(e -> e.get("id"))
                .toList();
        assertEquals(feed, toldEvents.stream().map(e -> e.get("id").asText()).toList());
        // Nothing of a record above the topic's clearance, not even its id; a raise is its deletion, then silence.
        assertTrue(events(hidden).isEmpty(), "a restricted record was published: " + events(hidden));
        assertFalse(
                read.stream().anyMatch(r -> r.value().contains(hidden)), "the restricted record's id was published");
        assertEquals(
                List.of("accords.agreement.created", "accords.agreement.deleted"),
                events(raised).stream().map(e -> e.get("type").asText()).toList());
        assertFalse(
                read.stream().anyMatch(r -> r.value().contains("Changed above the topic's clearance")),
                "a change above the topic's clearance was published");
        // Every event: the CloudEvents Kafka binding's structured mode, keyed by its subject; a record's versions only
        // go up within its partition (a republished page repeats events whole, with the same id).
        Map<String, Long> versions = new HashMap<>();
        Map<String, Integer> partitions = new HashMap<>();
        for (ConsumerRecord<String, String> record : read) {
            assertNotNull(record.headers().lastHeader("content-type"), "content-type header");
            assertEquals(
                    "application/cloudevents+json; charset=UTF-8",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
            JsonNode event = JSON.readTree(record.value());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals(record.key(), event.get("subject").asText());
            long version = event.get("recordversion").asLong();
            Long before = versions.put(record.key(), version);
            assertTrue(before == null || before <= version, record.key() + " went from " + before + " to " + version);
            Integer partition = partitions.put(record.key(), record.partition());
            assertTrue(partition == null || partition == record.partition(), record.key() + " changed partition");
        }
    }

    private static List<JsonNode> events(String subject) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : read) {
            if (subject.equals(record.key())) {
                events.add(JSON.readTree(record.value()));
            }
        }
        // At least once: a page published again repeats events; a follower keeps the first of each id.
        return events.stream().filter(distinctBy(e -> e.get("id").asText())).toList();
    }

    private static <T> Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    private static void waitFor(Predicate<ConsumerRecord<String, String>> wanted) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (read.stream().noneMatch(wanted)) {
            assertTrue(System.nanoTime() < until, "not published within 60 s; read " + read.size() + " events");
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
        }
    }

    private static void merge(String id, int version, String body) {
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"" + version + "\"")
                .body(body)
                .when()
                .patch("/api/v1/agreements/" + id)
                .then()
                .statusCode(200);
    }
}
