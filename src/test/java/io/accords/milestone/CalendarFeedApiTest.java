package io.accords.milestone;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds: a caller makes one for itself and a calendar client reads it by its address alone; it reads with at
 * most its owner's clearance now, stops when its owner may no longer read, and its secret is told once and never
 * echoed. A token in a URL is not taken.
 */
@QuarkusTest
class CalendarFeedApiTest {

    private static final String FEEDS = "/api/v1/calendar/feeds";

    private static Header owner(String subject, String clearance, String... roles) {
        return new Header(
                "Authorization",
                "Bearer "
                        + Tokens.sign(Tokens.claims("reader", clearance)
                                .subject(subject)
                                .groups(Set.of(roles))));
    }

    /** A milestone due in ten days under an agreement of this classification; its id. */
    private static String milestoneOf(String classification) {
        String party = createParty("KR");
        String agreementId =
                io.accords.support.Api.createAgreement(with(agreement(party), "classification", classification));
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "DELIVERY",
                        "title",
                        "Feed test delivery " + classification,
                        "status",
                        "PLANNED",
                        "due",
                        LocalDate.now(ZoneOffset.UTC).plusDays(10).toString(),
                        "responsiblePartyId",
                        party))
                .when()
                .post("/api/v1/agreements/" + agreementId + "/milestones")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response make(Header caller, Map<String, Object> body) {
        return given().header(caller)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(FEEDS);
    }

    private static String read(String url, int status) {
        return given().header(Tokens.NONE)
                .when()
                .get(url)
                .then()
                .statusCode(status)
                .extract()
                .asString();
    }

    @Test
    void aFeedIsReadByItsAddressAloneListedWithoutItAndRevoked() {
        String publicMilestone = milestoneOf("PUBLIC");
        Header caller = owner("feed-owner-" + UUID.randomUUID(), "CONFIDENTIAL", "reader");
        Response made = make(caller, Map.of("name", "Deliveries", "filters", Map.of("withinDays", "30")));
        made.then()
                .statusCode(201)
                .header("Location", containsString(FEEDS + "/"))
                .body("url", startsWith(FEEDS + "/"))
                .body("url", containsString("/acs_"))
                .body("clearance", equalTo("CONFIDENTIAL"))
                .body("filters.withinDays", equalTo("30"));
        String url = made.path("url");
        String id = made.path("id");
        String calendar = given().header(Tokens.NONE)
                .when()
                .get(url)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract()
                .asString();
        assertTrue(calendar.contains("milestone-" + publicMilestone + "@accords"), calendar);
        // Listed and read back without its address, which was told once.
        given().header(caller)
                .when()
                .get(FEEDS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items[0].url", nullValue())
                .body(not(containsString("acs_")));
        given().header(caller)
                .when()
                .get(FEEDS + "/" + id)
                .then()
                .statusCode(200)
                .body("lastReadAt", org.hamcrest.Matchers.notNullValue())
                .body(not(containsString("acs_")));
        // Another caller neither sees nor revokes it; a wrong secret reads nothing, and echoes no secret.
        Header stranger = owner("stranger-" + UUID.randomUUID(), "CONFIDENTIAL", "reader");
        given().header(stranger).when().get(FEEDS + "/" + id).then().statusCode(404);
        given().header(stranger).when().delete(FEEDS + "/" + id).then().statusCode(404);
        String wrongSecret = FEEDS + "/" + id + "/acs_" + "x".repeat(43);
        String wrong = read(wrongSecret, 404);
        String unknown = read(FEEDS + "/" + UUID.randomUUID() + "/acs_" + "x".repeat(43), 404);
        assertFalse(wrong.contains("xxxxxxxx"), "the secret is not echoed: " + wrong);
        assertEquals(
                new io.restassured.path.json.JsonPath(unknown).getString("detail"),
                new io.restassured.path.json.JsonPath(wrong).getString("detail"));
        // An admin reads its description (never its address) and may revoke it, as one whose address leaked.
        Header admin = owner("admin-" + UUID.randomUUID(), "CONFIDENTIAL", "admin");
        given().header(admin)
                .when()
                .get(FEEDS + "/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Deliveries"))
                .body(not(containsString("acs_")));
        given().header(admin).when().delete(FEEDS + "/" + id).then().statusCode(204);
        assertEquals(
                new io.restassured.path.json.JsonPath(unknown).getString("detail"),
                new io.restassured.path.json.JsonPath(read(url, 404)).getString("detail"),
                "a revoked feed reads as one that never was");
        // Revoked, it is not there: its owner learns that no feed of theirs has the id; an admin's revoke answers as
        // the first did, since its address answers 404 either way.
        given().header(caller).when().delete(FEEDS + "/" + id).then().statusCode(404);
        given().header(admin).when().delete(FEEDS + "/" + id).then().statusCode(204);
    }

    @Test
    void aFeedNeverReadsAboveItsOwnersClearanceNowNorOnceItsOwnerMayNoLongerRead() throws Exception {
        String secret = milestoneOf("CONFIDENTIAL");
        String subject = "feed-owner-" + UUID.randomUUID();
        String url = make(owner(subject, "CONFIDENTIAL", "reader"), Map.of("name", "All"))
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        assertTrue(read(url, 200).contains("milestone-" + secret + "@accords"));
        // A feed asked for at PUBLIC reads at PUBLIC, whatever its owner may read.
        String lowered = make(owner(subject, "CONFIDENTIAL", "reader"), Map.of("name", "Public", "clearance", "PUBLIC"))
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        assertFalse(read(lowered, 200).contains("milestone-" + secret + "@accords"));
        // Nobody makes a feed above their clearance.
        make(owner(subject, "RESTRICTED", "reader"), Map.of("name", "Too high", "clearance", "CONFIDENTIAL"))
                .then()
                .statusCode(403);
        // The owner's tokens now say PUBLIC: the feed follows, at once or within a moment.
        given().header(owner(subject, "PUBLIC", "reader"))
                .when()
                .get(FEEDS)
                .then()
                .statusCode(200);
        assertTrue(eventually(() -> !read(url, 200).contains("milestone-" + secret + "@accords")));
        // And once its tokens no longer carry the reader role, the feed reads nothing.
        given().header(owner(subject, "CONFIDENTIAL")).when().get(FEEDS).then().statusCode(403);
        assertTrue(eventually(() -> given().header(Tokens.NONE).when().get(url).statusCode() == 404));
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void badFeedsAre400sNamingTheField() {
        Header caller = owner("feed-owner-" + UUID.randomUUID(), "PUBLIC", "reader");
        make(caller, Map.of("name", " ")).then().statusCode(400).body("errors.field", hasItem("name"));
        make(caller, Map.of("name", "Bad", "filters", Map.of("kind", List.of("PICNIC"))))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
    }
}
