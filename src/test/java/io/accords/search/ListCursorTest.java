package io.accords.search;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.accords.support.Api.without;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walking a list by cursor (after=) meets every match once, in the same order as walking it by page number. */
@QuarkusTest
class ListCursorTest {

    private static final String AGREEMENTS = "/api/v1/agreements";

    /** Seven agreements with ties and unknown dates, so the order needs every key and nulls last. */
    private static Set<String> sevenAgreements(String system) {
        String party = createParty("KR");
        Set<String> created = new LinkedHashSet<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = with(agreement(party), "systems", List.of(system));
            body = with(body, "title", i < 4 ? "Same title" : "Title " + i);
            body = i % 3 == 0 ? without(body, "signed") : with(body, "signed", i < 3 ? "2024" : "2024-0" + i);
            created.add(createAgreement(body));
        }
        return created;
    }

    private static List<String> walkByCursor(String system, String sort) {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            RequestSpecification request = given().queryParam("system", system).queryParam("size", 3);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (after != null) {
                request.queryParam("after", after);
            }
            Response response = request.when().get(AGREEMENTS);
            response.then().statusCode(200).body("page", equalTo(++pages)).body("total", equalTo(7));
            seen.addAll(response.jsonPath().getList("items.id"));
            after = response.jsonPath().getString("nextCursor");
            if (after != null) {
                response.then().header("Link", containsString("after=" + after + ">; rel=\"next\""));
            }
        } while (after != null && pages < 10);
        assertEquals(3, pages);
        return seen;
    }

    private static List<String> walkByPage(String system, String sort) {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            RequestSpecification request =
                    given().queryParam("system", system).queryParam("size", 3).queryParam("page", page);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            seen.addAll(request.when().get(AGREEMENTS).jsonPath().getList("items.id"));
        }
        return seen;
    }

    @Test
    void aCursorWalkMeetsEveryMatchOnceInTheOrderOfPages() {
        String system = unique("CURSOR");
        Set<String> created = sevenAgreements(system);
        for (String sort : new String[] {null, "title", "-title,signed", "signed,-createdAt"}) {
            List<String> byCursor = walkByCursor(system, sort);
            assertEquals(7, byCursor.size(), "no record twice, sort " + sort);
            assertEquals(created, Set.copyOf(byCursor), "every record, sort " + sort);
            assertEquals(walkByPage(system, sort), byCursor, "the same order as by page, sort " + sort);
        }
    }

    @Test
    void theLastPageHasNoCursorAndAPartysListWalksTooByCursor() {
        String system = unique("LAST");
        String party = createParty("PE");
        for (int i = 0; i < 3; i++) {
            createAgreement(with(agreement(party), "systems", List.of(system)));
        }
        String next = given().queryParam("size", 2)
                .when()
                .get("/api/v1/parties/" + party + "/agreements")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        assertNotNull(next);
        given().queryParam("size", 2)
                .queryParam("after", next)
                .when()
                .get("/api/v1/parties/" + party + "/agreements")
                .then()
                .statusCode(200)
                .body("page", equalTo(2))
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue())
                .header("Link", containsString("page=1>; rel=\"first\""));
    }

    @Test
    void aCursorThatCannotBeFollowedIsRefusedByName() {
        String system = unique("REFUSED");
        sevenAgreements(system);
        String next = given().queryParam("system", system)
                .queryParam("size", 3)
                .queryParam("sort", "title")
                .when()
                .get(AGREEMENTS)
                .path("nextCursor");
        refused(Map.of("after", "not-a-cursor"), "after", "is not a cursor this service gave out");
        refused(Map.of("after", next, "sort", "-title"), "after", "was given for sort=title");
        refused(Map.of("after", next, "sort", "title", "page", "2"), "page", "cannot be sent with after");
    }

    @Test
    void aCursorOnADeletedAgreementSaysToStartAgain() {
        String system = unique("GONE");
        sevenAgreements(system);
        Response first = given().queryParam("system", system)
                .queryParam("size", 3)
                .when()
                .get(AGREEMENTS);
        String last = first.jsonPath().getString("items[2].id");
        given().header("If-Match", "\"0\"")
                .when()
                .delete(AGREEMENTS + "/" + last)
                .then()
                .statusCode(204);
        refused(
                Map.of("after", first.jsonPath().getString("nextCursor"), "system", system),
                "after",
                "no longer exists for you");
    }

    private static void refused(Map<String, String> query, String field, String message) {
        given().queryParams(query)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }
}
