package io.accords.security;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Management;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Authentication and roles: who may call what, and the 401 and 403 problems for everyone else. */
@QuarkusTest
class SecurityApiTest {

    private static final List<String> API_PATHS = List.of(
            "/api/v1/agreements",
            "/api/v1/agreements/facets",
            "/api/v1/agreements/sync",
            "/api/v1/agreements/export",
            "/api/v1/parties",
            "/api/v1/agreements/00000000-0000-0000-0000-000000000000",
            "/api/v1/no-such-thing",
            "/api",
            "/api/v2/x");

    @Test
    void answers401WithAChallengeToEveryApiRequestWithoutAToken() {
        for (String path : API_PATHS) {
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                assertProblem(
                                given().header(Tokens.NONE)
                                        .contentType(ContentType.JSON)
                                        .body("{}")
                                        .when()
                                        .request(method, path)
                                        .then(),
                                401,
                                "/problems/unauthorized",
                                path)
                        .header("WWW-Authenticate", startsWith("Bearer"));
            }
        }
    }

    @Test
    void servesHealthAndMetricsOnlyOnTheManagementPortAndLeavesOpenApiAndSwaggerUiOpen() {
        given().header(Tokens.NONE).when().get("/q/openapi").then().statusCode(200);
        given().header(Tokens.NONE).when().get("/q/swagger-ui/").then().statusCode(200);
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
            String body = given().header(Tokens.NONE)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .extract()
                    .asString();
            assertFalse(body.contains("accords_") || body.contains("UP"), path + " is not on the API's port");
            Management.given().when().get(path).then().statusCode(200);
        }
    }

    @Test
    void refusesTokensThatAreNotValid() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(
                "wrong issuer",
                Tokens.sign(Tokens.claims("admin", "CONFIDENTIAL").issuer("someone-else")));
        tokens.put(
                "wrong audience",
                Tokens.sign(Tokens.claims("admin", "CONFIDENTIAL").audience("another-api")));
        long now = System.currentTimeMillis() / 1000;
        tokens.put(
                "issued in the future",
                Tokens.sign(Tokens.claims("admin", "CONFIDENTIAL")
                        .issuedAt(now + 3600)
                        .expiresAt(now + 7200)));
        tokens.put(
                "expired",
                Tokens.sign(Tokens.claims("admin", "CONFIDENTIAL")
                        .issuedAt(now - 7200)
                        .expiresAt(now - 3600)));
        String valid = Tokens.token("admin", "CONFIDENTIAL");
        String[] parts = valid.split("\\.");
        tokens.put("alg none", base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        tokens.put(
                "tampered payload",
                parts[0] + "."
                        + base64Url(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                                .replace("\"test-admin\"", "\"someone\""))
                        + "." + parts[2]);
        tokens.put("tampered signature", parts[0] + "." + parts[1] + "." + flipLastCharacter(parts[2]));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        tokens.put(
                "another key",
                Tokens.claims("admin", "CONFIDENTIAL")
                        .jws()
                        .sign(generator.generateKeyPair().getPrivate()));
        tokens.put(
                "HS256",
                Jwt.issuer(Tokens.ISSUER)
                        .audience(Tokens.AUDIENCE)
                        .subject("x")
                        .groups(Set.of("admin"))
                        .jws()
                        .algorithm(SignatureAlgorithm.HS256)
                        .signWithSecret("a".repeat(64)));
        tokens.put("garbage", "not-a-jwt");
        Map<String, String> says = Map.of(
                "wrong issuer",
                "issuer",
                "wrong audience",
                "audience",
                "issued in the future",
                "future",
                "expired",
                "expired",
                "another key",
                "key this service trusts",
                "tampered signature",
                "key this service trusts",
                "garbage",
                "malformed");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            String detail = assertProblem(
                            given().header("Authorization", "Bearer " + token.getValue())
                                    .when()
                                    .get("/api/v1/agreements")
                                    .then(),
                            401,
                            "/problems/unauthorized",
                            "/api/v1/agreements")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .extract()
                    .path("detail");
            if (says.containsKey(token.getKey())) {
                assertTrue(detail.contains(says.get(token.getKey())), token.getKey() + " is said: " + detail);
            }
        }
        given().header("Authorization", "Bearer " + valid)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200);
    }

    @Test
    void aReaderReadsButCannotWrite() {
        Header reader = Tokens.bearer("reader", "CONFIDENTIAL");
        given().header(reader).when().get("/api/v1/agreements").then().statusCode(200);
        given().header(reader).when().get("/api/v1/parties").then().statusCode(200);
        String party = createParty("KR");
        assertProblem(
                given().header(reader)
                        .contentType(ContentType.JSON)
                        .body(agreement(party))
                        .when()
                        .post("/api/v1/agreements")
                        .then(),
                403,
                "/problems/forbidden",
                "/api/v1/agreements");
        String agreement = given().contentType(ContentType.JSON)
                .body(agreement(party))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String path = "/api/v1/agreements/" + agreement;
        assertProblem(
                given().header(reader)
                        .header("If-Match", "\"0\"")
                        .contentType(ContentType.JSON)
                        .body(agreement(party))
                        .when()
                        .put(path)
                        .then(),
                403,
                "/problems/forbidden",
                path);
        assertProblem(
                given().header(reader)
                        .header("If-Match", "\"0\"")
                        .contentType("application/merge-patch+json")
                        .body("{\"status\":\"IN_FORCE\"}")
                        .when()
                        .patch(path)
                        .then(),
                403,
                "/problems/forbidden",
                path);
        assertProblem(
                given().header(reader)
                        .header("If-Match", "\"0\"")
                        .when()
                        .delete(path)
                        .then(),
                403,
                "/problems/forbidden",
                path);
        assertProblem(
                given().header(reader)
                        .header("If-Match", "\"0\"")
                        .when()
                        .delete("/api/v1/parties/" + party)
                        .then(),
                403,
                "/problems/forbidden",
                "/api/v1/parties/" + party);
        given().when().get(path).then().statusCode(200);
    }

    @Test
    void anEditorWritesAndATokenWithoutARoleDoesNothing() {
        String party = createParty("PE");
        given().header(Tokens.bearer("editor", "CONFIDENTIAL"))
                .contentType(ContentType.JSON)
                .body(agreement(party))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201);
        String noRole = Tokens.sign(Tokens.claims("reader", "PUBLIC").groups(Set.of("auditor")));
        assertProblem(
                given().header("Authorization", "Bearer " + noRole)
                        .when()
                        .get("/api/v1/agreements")
                        .then(),
                403,
                "/problems/forbidden",
                "/api/v1/agreements");
    }

    @Test
    void claimsAreReadStrictlyAClearanceSpeltOtherwiseIsTheLowestAndAGroupsStringHoldsNoRole() {
        String party = createParty("KR");
        String secret = given().header(Tokens.bearer("admin", "CONFIDENTIAL"))
                .contentType(ContentType.JSON)
                .body(io.accords.support.Api.with(agreement(party), "classification", "CONFIDENTIAL"))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String spelling : List.of("confidential", " CONFIDENTIAL", "CONFIDENTIAL ", "Confidential")) {
            String token = Tokens.sign(Tokens.claims("reader", spelling));
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/v1/agreements/" + secret)
                    .then()
                    .statusCode(404);
        }
        given().header("Authorization", "Bearer " + Tokens.sign(Tokens.claims("reader", "CONFIDENTIAL")))
                .when()
                .get("/api/v1/agreements/" + secret)
                .then()
                .statusCode(200);
        // smallrye-jwt would split "reader admin" into two roles; a groups claim that is not a list holds none.
        String stringGroups = Tokens.sign(Tokens.claims("reader", "PUBLIC").claim("groups", "reader admin"));
        assertProblem(
                given().header("Authorization", "Bearer " + stringGroups)
                        .when()
                        .get("/api/v1/agreements")
                        .then(),
                403,
                "/problems/forbidden",
                "/api/v1/agreements");
    }

    @Test
    void encodedPathTricksDoNotGetPastAuthentication() {
        for (String path : List.of(
                "/api/v1/agreements%3B",
                "/api/v1/agreements;x=1",
                "/api%2Fv1%2Fagreements",
                "//api/v1/agreements",
                "/api//v1/agreements",
                "/api/v1//agreements",
                "/api/./v1/agreements",
                "/x/../api/v1/agreements",
                "/API/v1/agreements",
                "/api/v1/agreements/%2e%2e/parties")) {
            int status = given().header(Tokens.NONE)
                    .urlEncodingEnabled(false)
                    .when()
                    .get(path)
                    .then()
                    .extract()
                    .statusCode();
            assertTrue(status == 401 || status == 404 || status == 400, path + " answered " + status);
            if (status != 401) {
                String body = given().header(Tokens.NONE)
                        .urlEncodingEnabled(false)
                        .when()
                        .get(path)
                        .then()
                        .extract()
                        .asString();
                assertTrue(!body.contains("\"items\""), path + " leaked a collection: " + body);
            }
        }
        assertEquals(
                401,
                given().header(Tokens.NONE)
                        .urlEncodingEnabled(false)
                        .when()
                        .get("//api/v1/agreements")
                        .then()
                        .extract()
                        .statusCode(),
                "a doubled slash still needs a token");
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String flipLastCharacter(String text) {
        char last = text.charAt(text.length() - 2);
        return text.substring(0, text.length() - 2) + (last == 'A' ? 'B' : 'A') + text.charAt(text.length() - 1);
    }
}
