package io.accords.milestone;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.getAgreement;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;
import org.junit.jupiter.api.Test;

/**
 * Milestones under an agreement (versions, If-Match, history as for every record), the feed across the registry, and
 * the calendar a client subscribes to: read back with ical4j's parser, stable UIDs, a SEQUENCE that follows the
 * version, and nothing of an agreement above the caller's clearance.
 */
@QuarkusTest
class MilestoneApiTest {

    private static Map<String, Object> milestone(String responsible, String due) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "DELIVERY");
        body.put("title", "Components delivered");
        body.put("due", due);
        body.put("status", "PLANNED");
        body.put("responsiblePartyId", responsible);
        body.put("quantity", 4);
        return body;
    }

    private static String create(String agreement, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/agreements/" + agreement + "/milestones")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    private static Calendar calendar(String token, String... query) throws Exception {
        var request = given().header("Authorization", "Bearer " + token);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        String text = request.when()
                .get("/api/v1/calendar")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .asString();
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static Optional<VEvent> event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e ->
                        e.<Uid>getProperty("UID").map(Uid::getValue).orElse("").equals(uid))
                .findFirst();
    }

    @Test
    void aMilestoneIsCreatedChangedWithIfMatchAndKeptInHistory() {
        String party = createParty("KR");
        String agreement = createAgreement(agreement(party));
        String id = create(agreement, milestone(party, "2026-06"));
        String path = "/api/v1/agreements/" + agreement + "/milestones/" + id;
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("agreementId", equalTo(agreement))
                .body("due", equalTo("2026-06"))
                .body("classification", equalTo("PUBLIC"));
        given().contentType("application/merge-patch+json")
                .body("{\"status\": \"MET\", \"met\": \"2026-06-12\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(428);
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"status\": \"MET\", \"met\": \"2026-06-12\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("met", equalTo("2026-06-12"));
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"note\": \"stale\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(412);
        given().when()
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("UPDATED", "CREATED")));
        given().when()
                .get("/api/v1/agreements/" + agreement + "/milestones")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(id));
        // Under another agreement it does not exist.
        given().when()
                .get("/api/v1/agreements/" + createAgreement(agreement(party)) + "/milestones/" + id)
                .then()
                .statusCode(404);
        // It goes with its agreement.
        given().header("If-Match", getAgreement(agreement).extract().header("ETag"))
                .when()
                .delete("/api/v1/agreements/" + agreement)
                .then()
                .statusCode(204);
        given().when().get(path).then().statusCode(404);
    }

    @Test
    void inconsistentMilestonesAreA400NamingTheField() {
        String party = createParty("KR");
        String agreement = createAgreement(agreement(party));
        given().contentType(ContentType.JSON)
                .body(with(with(milestone(party, "2026"), "kind", "REVIEW"), "met", "2026-01-01"))
                .when()
                .post("/api/v1/agreements/" + agreement + "/milestones")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("quantity", "met"));
        given().contentType(ContentType.JSON)
                .body(milestone(createParty("PE"), "2026"))
                .when()
                .post("/api/v1/agreements/" + agreement + "/milestones")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("responsiblePartyId"));
        given().queryParam("withinDays", "soon")
                .queryParam("kind", "PARADE")
                .when()
                .get("/api/v1/milestones")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("withinDays", "kind"));
    }

    @Test
    void theFeedListsWhatIsDueByDateAcrossTheRegistry() {
        String peru = createParty("PE");
        String agreement = createAgreement(agreement(peru));
        String later = create(agreement, milestone(peru, inDays(40)));
        String sooner = create(agreement, with(with(milestone(peru, inDays(10)), "kind", "PAYMENT"), "quantity", null));
        create(agreement, with(milestone(peru, inDays(400)), "quantity", 1));
        given().queryParam("withinDays", 60)
                .queryParam("country", "PE")
                .queryParam("size", 100)
                .when()
                .get("/api/v1/milestones")
                .then()
                .statusCode(200)
                .body("items.findAll { it.agreementId == '" + agreement + "' }.id", equalTo(List.of(sooner, later)));
        given().queryParam("withinDays", 60)
                .queryParam("kind", "DELIVERY")
                .queryParam("size", 100)
                .when()
                .get("/api/v1/milestones")
                .then()
                .statusCode(200)
                .body("items.findAll { it.agreementId == '" + agreement + "' }.id", equalTo(List.of(later)));
    }

    @Test
    void milestonesReadTheirFiltersByTheAgreementsRules() {
        // The same values are refused in the same words on both lists.
        for (Map<String, List<String>> query : List.of(
                Map.of("country", List.of("kr")),
                Map.of("sector", List.of("naval")),
                Map.of("country", java.util.Collections.nCopies(21, "KR")),
                Map.of("dueFrom", List.of("2025-13")),
                Map.of("dueFrom", List.of("2026"), "dueTo", List.of("2025")))) {
            var onAgreements = given().queryParams(query).when().get("/api/v1/agreements");
            var onMilestones = given().queryParams(query).when().get("/api/v1/milestones");
            assertEquals(400, onMilestones.statusCode(), query + ": " + onMilestones.asString());
            if (query.containsKey("dueFrom")) {
                // Agreements filter by signed/effective/expires dates, not due: the rule is the same, the name its own.
                Map<String, List<String>> signed = new LinkedHashMap<>();
                query.forEach((name, values) -> signed.put(name.replace("due", "signed"), values));
                assertEquals(
                        given().queryParams(signed)
                                .when()
                                .get("/api/v1/agreements")
                                .path("errors")
                                .toString()
                                .replace("signed", "due"),
                        onMilestones.path("errors").toString(),
                        query.toString());
                continue;
            }
            assertEquals(400, onAgreements.statusCode(), query + ": " + onAgreements.asString());
            assertEquals(
                    onAgreements.path("errors").toString(),
                    onMilestones.path("errors").toString(),
                    query.toString());
        }
        // A repeated country: every one takes part, as on the agreements' list.
        String peru = createParty("PE");
        String korea = createParty("KR");
        String peruOnly = createAgreement(agreement(peru));
        String both = createAgreement(agreement(peru, korea));
        create(peruOnly, milestone(peru, inDays(15)));
        String ofBoth = create(both, milestone(peru, inDays(15)));
        given().queryParam("withinDays", 30)
                .queryParam("country", "PE", "KR")
                .queryParam("size", 100)
                .when()
                .get("/api/v1/milestones")
                .then()
                .statusCode(200)
                .body("items.agreementId", not(hasItem(peruOnly)))
                .body("items.findAll { it.agreementId == '" + both + "' }.id", equalTo(List.of(ofBoth)));
    }

    @Test
    void theCalendarFeedUpdatesEventsInsteadOfDuplicatingThem() throws Exception {
        String party = createParty("KR");
        String agreement = createAgreement(with(agreement(party), "expires", inDays(30)));
        String id = create(agreement, milestone(party, inDays(20)));
        String token = Tokens.cached("reader", "PUBLIC");
        Calendar first = calendar(token);
        VEvent event = event(first, "milestone-" + id + "@accords").orElseThrow();
        assertEquals("0", event.getProperty("SEQUENCE").orElseThrow().getValue());
        // RFC 5545: one DTSTAMP per event; without METHOD it is when the record last changed, so refreshing the
        // same registry gives the same feed.
        assertEquals(1, event.getProperties("DTSTAMP").size(), event.toString());
        assertEquals(
                calendar(token).<VEvent>getComponents("VEVENT").stream()
                        .filter(e ->
                                e.getProperty("UID").orElseThrow().getValue().equals("milestone-" + id + "@accords"))
                        .findFirst()
                        .orElseThrow()
                        .toString(),
                event.toString());
        assertEquals(
                inDays(20).replace("-", ""),
                event.getProperty("DTSTART").orElseThrow().getValue());
        assertTrue(event(first, "expiry-" + agreement + "@accords").isPresent(), "the agreement's expiry");

        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"due\": \"" + inDays(25) + "\"}")
                .when()
                .patch("/api/v1/agreements/" + agreement + "/milestones/" + id)
                .then()
                .statusCode(200);
        Calendar second = calendar(token);
        long sameUid = second.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getProperty("UID").orElseThrow().getValue().equals("milestone-" + id + "@accords"))
                .count();
        assertEquals(1, sameUid, "one event per milestone");
        VEvent moved = event(second, "milestone-" + id + "@accords").orElseThrow();
        assertEquals("1", moved.getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals(
                inDays(25).replace("-", ""),
                moved.getProperty("DTSTART").orElseThrow().getValue());

        // Without a token, or with a bad one, the feed is refused.
        given().header(Tokens.NONE).when().get("/api/v1/calendar").then().statusCode(401);
        // A token in the URL is not taken, a valid one no more than a bad one: make a calendar feed instead.
        for (String inUrl : List.of("not-a-token", Tokens.cached("reader", "CONFIDENTIAL"))) {
            given().header(Tokens.NONE)
                    .queryParam("access_token", inUrl)
                    .when()
                    .get("/api/v1/calendar")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void calendarLinesAreFoldedAt75Octets() {
        String party = createParty("KR");
        String agreementId = createAgreement(agreement(party));
        Map<String, Object> body = milestone(party, inDays(3));
        body.put(
                "title",
                "Entrega de componentes del KF-21 a SEMAN en Perú, ".repeat(4).strip());
        String id = create(agreementId, body);
        String text = given().when()
                .get("/api/v1/calendar?withinDays=10")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(text.contains("milestone-" + id + "@accords"), text);
        for (String line : text.split("\r\n")) {
            assertTrue(
                    line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75,
                    "a line of at most 75 octets: " + line);
        }
        assertTrue(text.contains("\r\n "), "long lines go on folded");
    }

    @Test
    void anEditorCannotDeleteAnAgreementWhoseMilestonesItMayNotSee() {
        String party = createParty("KR");
        String agreementId = createAgreement(agreement(party));
        Map<String, Object> secret = milestone(party, inDays(5));
        secret.put("classification", "CONFIDENTIAL");
        secret.put("title", "Secret delivery " + UUID.randomUUID());
        String hidden = create(agreementId, secret);
        String visible = create(agreementId, milestone(party, inDays(6)));
        given().header(Tokens.bearer("editor", "RESTRICTED"))
                .header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/agreements/" + agreementId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("records you cannot see are in the way too"))
                .body("agreements", hasSize(0))
                .body(not(containsString(hidden)))
                .body(not(containsString("Secret delivery")));
        for (String milestone : List.of(hidden, visible)) {
            given().when()
                    .get("/api/v1/agreements/" + agreementId + "/milestones/" + milestone)
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(0));
        }
        given().header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/agreements/" + agreementId)
                .then()
                .statusCode(204);
        given().when()
                .get("/api/v1/agreements/" + agreementId + "/milestones/" + hidden + "/history")
                .then()
                .statusCode(404);
    }

    @Test
    void aPublicReaderSeesNoMilestoneOfAConfidentialAgreement() throws Exception {
        String party = createParty("KR");
        String secret =
                createAgreement(with(with(agreement(party), "classification", "CONFIDENTIAL"), "expires", inDays(15)));
        String id = create(secret, milestone(party, inDays(5)));
        given().when()
                .get("/api/v1/agreements/" + secret + "/milestones/" + id)
                .then()
                .statusCode(200)
                .body("classification", equalTo("CONFIDENTIAL"));
        var reader = Tokens.bearer("reader", "PUBLIC");
        given().header(reader)
                .when()
                .get("/api/v1/agreements/" + secret + "/milestones/" + id)
                .then()
                .statusCode(404);
        given().header(reader)
                .when()
                .get("/api/v1/agreements/" + secret + "/milestones")
                .then()
                .statusCode(404);
        given().header(reader)
                .queryParam("withinDays", 30)
                .queryParam("size", 100)
                .when()
                .get("/api/v1/milestones")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        Calendar calendar = calendar(Tokens.cached("reader", "PUBLIC"));
        assertTrue(event(calendar, "milestone-" + id + "@accords").isEmpty(), "hidden milestone");
        assertTrue(event(calendar, "expiry-" + secret + "@accords").isEmpty(), "hidden expiry");
        assertTrue(event(calendar(Tokens.cached("reader", "CONFIDENTIAL")), "milestone-" + id + "@accords")
                .isPresent());
        // A responsible party above the caller's clearance is left out.
        String hiddenParty = given().contentType(ContentType.JSON)
                .body(with(
                        io.accords.support.Api.party(io.accords.support.Api.unique("Hidden"), "KR"),
                        "classification",
                        "CONFIDENTIAL"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String open = createAgreement(agreement(party, hiddenParty));
        String owned = create(open, milestone(hiddenParty, inDays(5)));
        given().header(reader)
                .when()
                .get("/api/v1/agreements/" + open + "/milestones/" + owned)
                .then()
                .statusCode(200)
                .body("responsiblePartyId", nullValue());
        given().header(reader)
                .when()
                .get("/api/v1/agreements/" + open + "/milestones/" + owned + "/history")
                .then()
                .statusCode(200)
                .body("items[0].record.responsiblePartyId", nullValue());
    }
}
