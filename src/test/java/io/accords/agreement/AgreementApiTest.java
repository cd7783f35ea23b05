package io.accords.agreement;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.getAgreement;
import static io.accords.support.Api.with;
import static io.accords.support.Api.without;
import static io.accords.support.Problems.assertInvalidField;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AgreementApiTest {

    @Test
    void createsAgreementWithEveryField() {
        String kr = createParty("KR");
        String pe = createParty("PE");
        String parent = createAgreement(agreement(kr, pe));
        Map<String, Object> body = agreement(kr, pe);
        body.put("type", "IMPLEMENTING_ARRANGEMENT");
        body.put("status", "IN_FORCE");
        body.put("sectors", List.of("NAVAL", "AEROSPACE"));
        body.put("modes", List.of("TECHNOLOGY_TRANSFER", "JOINT_PRODUCTION"));
        body.put(
                "parties",
                List.of(Map.of("partyId", kr, "role", "LICENSOR"), Map.of("partyId", pe, "role", "LICENSEE")));
        body.put("announced", "2024");
        body.put("signed", "2024-11");
        body.put("effective", "2024-11-16");
        body.put("expires", "2030");
        body.put("value", Map.of("amount", 463000000, "currency", "USD"));
        body.put("parentId", parent);
        body.put("tags", List.of("lima", "navy"));

        String id = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", notNullValue())
                .body("title", equalTo(body.get("title")))
                .body("type", equalTo("IMPLEMENTING_ARRANGEMENT"))
                .body("status", equalTo("IN_FORCE"))
                .body("sectors", equalTo(List.of("AEROSPACE", "NAVAL")))
                .body("modes", equalTo(List.of("JOINT_PRODUCTION", "TECHNOLOGY_TRANSFER")))
                .body("parties[0].party.id", equalTo(kr))
                .body("parties[0].party.country", equalTo("KR"))
                .body("parties[0].role", equalTo("LICENSOR"))
                .body("parties[1].role", equalTo("LICENSEE"))
                .body("countries", equalTo(List.of("KR", "PE")))
                .body("systems", equalTo(List.of("KF-21")))
                .body("announced", equalTo("2024"))
                .body("signed", equalTo("2024-11"))
                .body("effective", equalTo("2024-11-16"))
                .body("expires", equalTo("2030"))
                .body("value.amount", equalTo(463000000.00f))
                .body("value.currency", equalTo("USD"))
                .body("sources[0].url", equalTo("https://example.org/news/1"))
                .body("sources[0].published", equalTo("2024-11-17"))
                .body("parentId", equalTo(parent))
                .body("tags", equalTo(List.of("lima", "navy")))
                .body("version", equalTo(0))
                .extract()
                .path("id");

        getAgreement(id)
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("signed", equalTo("2024-11"))
                .body("announced", equalTo("2024"))
                .body("value.currency", equalTo("USD"))
                .body("parentId", equalTo(parent));
    }

    @Test
    void returns404ProblemForUnknownOrMalformedId() {
        UUID id = UUID.randomUUID();
        assertProblem(getAgreement(id.toString()), 404, "/problems/not-found", "/api/v1/agreements/" + id);
        assertProblem(getAgreement("KF-21"), 404, "/problems/not-found", "/api/v1/agreements/KF-21")
                .body("detail", containsString("not a valid id"));
        // A segment that decodes to a lone % must not be decoded twice (found by FuzzApiTest).
        assertProblem(
                        given().urlEncodingEnabled(false)
                                .when()
                                .get("/api/v1/agreements/a%25zz")
                                .then(),
                        404,
                        "/problems/not-found",
                        "/api/v1/agreements/a%25zz")
                .body("detail", containsString("not a valid id"));
        assertProblem(
                given().header("If-Match", "\"0\"")
                        .contentType(ContentType.JSON)
                        .body(agreement(createParty("KR")))
                        .when()
                        .put("/api/v1/agreements/{id}", id)
                        .then(),
                404,
                "/problems/not-found",
                "/api/v1/agreements/" + id);
        assertProblem(
                given().header("If-Match", "\"0\"")
                        .when()
                        .delete("/api/v1/agreements/{id}", id)
                        .then(),
                404,
                "/problems/not-found",
                "/api/v1/agreements/" + id);
    }

    @Test
    void replacesAgreementAndBumpsVersion() {
        String kr = createParty("KR");
        String id = createAgreement(agreement(kr));
        Map<String, Object> changed = with(agreement(kr), "status", "IN_FORCE");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(changed)
                .when()
                .put("/api/v1/agreements/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("IN_FORCE"))
                .body("title", equalTo(changed.get("title")))
                .body("version", equalTo(1));
    }

    @Test
    void returns412WhenVersionIsStale() {
        String kr = createParty("KR");
        String id = createAgreement(agreement(kr));
        given().header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(with(agreement(kr), "status", "IN_FORCE"))
                .when()
                .put("/api/v1/agreements/{id}", id)
                .then()
                .statusCode(200);
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .header("If-Match", "\"0\"")
                                .body(with(agreement(kr), "status", "TERMINATED"))
                                .when()
                                .put("/api/v1/agreements/{id}", id)
                                .then(),
                        412,
                        "/problems/precondition-failed",
                        "/api/v1/agreements/" + id)
                .body("detail", containsString("version 1"));
        assertProblem(
                given().contentType("application/merge-patch+json")
                        .header("If-Match", "\"not-a-version\"")
                        .body("{\"status\": \"TERMINATED\"}")
                        .when()
                        .patch("/api/v1/agreements/{id}", id)
                        .then(),
                412,
                "/problems/precondition-failed",
                "/api/v1/agreements/" + id);
        assertProblem(
                given().header("If-Match", "\"7\"")
                        .when()
                        .delete("/api/v1/agreements/{id}", id)
                        .then(),
                412,
                "/problems/precondition-failed",
                "/api/v1/agreements/" + id);
        getAgreement(id).body("status", equalTo("IN_FORCE")).body("version", equalTo(1));
    }

    @Test
    void mergePatchReplacesSentMembersAndNullRemoves() {
        String kr = createParty("KR");
        Map<String, Object> body = agreement(kr);
        body.put("value", Map.of("amount", 10, "currency", "KRW"));
        String id = createAgreement(body);
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"status\": \"IN_FORCE\", \"effective\": \"2025-01\", \"value\": null, \"tags\": [\"x\"]}")
                .when()
                .patch("/api/v1/agreements/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("IN_FORCE"))
                .body("effective", equalTo("2025-01"))
                .body("value", nullValue())
                .body("tags", equalTo(List.of("x")))
                .body("title", equalTo(body.get("title")))
                .body("signed", equalTo("2024-11-16"))
                .body("parties[0].party.id", equalTo(kr));
    }

    @Test
    void mergePatchIsValidatedLikeAReplacement() {
        String id = createAgreement();
        assertInvalidField(
                        given().header("If-Match", "\"0\"")
                                .contentType("application/merge-patch+json")
                                .body("{\"effective\": \"2020\", \"sectors\": []}")
                                .when()
                                .patch("/api/v1/agreements/{id}", id)
                                .then(),
                        "/api/v1/agreements/" + id,
                        "effective")
                .body("errors.field", org.hamcrest.Matchers.hasItem("sectors"));
        assertInvalidField(
                given().header("If-Match", "\"0\"")
                        .contentType("application/merge-patch+json")
                        .body("{\"version\": 9}")
                        .when()
                        .patch("/api/v1/agreements/{id}", id)
                        .then(),
                "/api/v1/agreements/" + id,
                "version");
        assertInvalidField(
                given().header("If-Match", "\"0\"")
                        .contentType("application/merge-patch+json")
                        .body("[1]")
                        .when()
                        .patch("/api/v1/agreements/{id}", id)
                        .then(),
                "/api/v1/agreements/" + id,
                "body");
        getAgreement(id).body("version", equalTo(0)).body("effective", nullValue());
    }

    @Test
    void patchNeedsMergePatchMediaType() {
        String id = createAgreement();
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"status\": \"IN_FORCE\"}")
                                .when()
                                .patch("/api/v1/agreements/{id}", id)
                                .then(),
                        415,
                        "/problems/unsupported-media-type",
                        "/api/v1/agreements/" + id)
                .body("detail", containsString("merge-patch"));
    }

    @Test
    void deletesAgreement() {
        String id = createAgreement();
        given().header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/agreements/{id}", id)
                .then()
                .statusCode(204)
                .body(equalTo(""));
        getAgreement(id).statusCode(404);
    }

    @Test
    void refusesToDeleteParentOfOtherAgreements() {
        String kr = createParty("KR");
        String parent = createAgreement(agreement(kr));
        Map<String, Object> child = with(agreement(kr), "parentId", parent);
        String childId = createAgreement(child);
        assertProblem(
                        given().header("If-Match", "\"0\"")
                                .when()
                                .delete("/api/v1/agreements/{id}", parent)
                                .then(),
                        409,
                        "/problems/conflict",
                        "/api/v1/agreements/" + parent)
                .body("agreements[0].id", equalTo(childId))
                .body("agreements[0].title", equalTo(child.get("title")));
        getAgreement(parent).statusCode(200);
    }

    @Test
    void rejectsParentThatIsMissingItselfOrADescendant() {
        String kr = createParty("KR");
        UUID missing = UUID.randomUUID();
        assertInvalidField(
                        given().contentType(ContentType.JSON)
                                .body(with(agreement(kr), "parentId", missing))
                                .when()
                                .post("/api/v1/agreements")
                                .then(),
                        "/api/v1/agreements",
                        "parentId")
                .body("errors[0].message", containsString(missing.toString()));

        String top = createAgreement(agreement(kr));
        assertInvalidField(
                        given().header("If-Match", "\"0\"")
                                .contentType(ContentType.JSON)
                                .body(with(agreement(kr), "parentId", top))
                                .when()
                                .put("/api/v1/agreements/{id}", top)
                                .then(),
                        "/api/v1/agreements/" + top,
                        "parentId")
                .body("errors[0].message", containsString("own parent"));

        String child = createAgreement(with(agreement(kr), "parentId", top));
        assertInvalidField(
                        given().header("If-Match", "\"0\"")
                                .contentType(ContentType.JSON)
                                .body(with(agreement(kr), "parentId", child))
                                .when()
                                .put("/api/v1/agreements/{id}", top)
                                .then(),
                        "/api/v1/agreements/" + top,
                        "parentId")
                .body("errors[0].message", containsString("ancestor"));
    }

    @Test
    void rejectsUnknownAndRepeatedParties() {
        String kr = createParty("KR");
        UUID missing = UUID.randomUUID();
        Map<String, Object> body = with(
                agreement(kr),
                "parties",
                List.of(
                        Map.of("partyId", kr, "role", "SIGNATORY"),
                        Map.of("partyId", missing.toString(), "role", "SIGNATORY"),
                        Map.of("partyId", kr, "role", "SIGNATORY")));
        assertInvalidField(
                        given().contentType(ContentType.JSON)
                                .body(body)
                                .when()
                                .post("/api/v1/agreements")
                                .then(),
                        "/api/v1/agreements",
                        "parties[1].partyId")
                .body("errors.field", org.hamcrest.Matchers.hasItem("parties[2]"))
                .body("errors", hasSize(2));
    }

    @Test
    void listsAgreementsInStablePagesThatNeverRepeatOrSkip() {
        String kr = createParty("KR");
        for (int i = 0; i < 5; i++) {
            createAgreement(with(agreement(kr), "signed", "2019"));
        }
        int total = given().when().get("/api/v1/agreements").then().extract().path("total");
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= (total + 6) / 7; page++) {
            List<String> ids = given().queryParam("page", page)
                    .queryParam("size", 7)
                    .queryParam("sort", "-signed")
                    .when()
                    .get("/api/v1/agreements")
                    .then()
                    .statusCode(200)
                    .header("Link", containsString("rel=\"first\""))
                    .extract()
                    .path("items.id");
            all.addAll(ids);
            seen.addAll(ids);
        }
        assertEquals(total, all.size());
        assertEquals(total, seen.size());
    }

    @Test
    void sortsBySignatureDateNewestFirstWithUndatedLast() {
        String system = "SORT-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = with(agreement(createParty("KR")), "systems", List.of(system));
        createAgreement(with(body, "signed", "1999-05"));
        createAgreement(without(body, "signed"));
        createAgreement(with(body, "signed", "2024"));
        createAgreement(body);
        List<String> signed = given().queryParam("size", 100)
                .queryParam("system", system)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .extract()
                .path("items.signed");
        int firstUndated = signed.indexOf(null);
        assertTrue(firstUndated > 0, "some agreements are dated and some are not");
        List<String> dated = signed.subList(0, firstUndated);
        assertTrue(
                signed.subList(firstUndated, signed.size()).stream().allMatch(s -> s == null),
                "undated agreements come after every dated one");
        List<String> firstDays = dated.stream().map(AgreementApiTest::firstDay).toList();
        List<String> newestFirst = new ArrayList<>(firstDays);
        newestFirst.sort(Comparator.reverseOrder());
        assertEquals(newestFirst, firstDays);
    }

    private static String firstDay(String partialDate) {
        return switch (partialDate.length()) {
            case 4 -> partialDate + "-01-01";
            case 7 -> partialDate + "-01";
            default -> partialDate;
        };
    }

    @Test
    void aRejectedReplacementChangesNothing() {
        String kr = createParty("KR");
        Map<String, Object> original = agreement(kr);
        String id = createAgreement(original);
        Map<String, Object> bad = with(agreement(kr), "effective", "2001");
        bad.put("title", "Changed title");
        given().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .put("/api/v1/agreements/{id}", id)
                .then()
                .statusCode(400);
        getAgreement(id)
                .body("title", equalTo(original.get("title")))
                .body("version", equalTo(0))
                .body("effective", nullValue());
        String title = getAgreement(id).extract().path("title");
        assertNotEquals("Changed title", title);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "2024-02", "2024-02-29"})
    void keepsDatePrecisionAsGiven(String date) {
        String id = createAgreement(with(agreement(createParty("KR")), "signed", date));
        getAgreement(id).body("signed", equalTo(date));
    }
}
