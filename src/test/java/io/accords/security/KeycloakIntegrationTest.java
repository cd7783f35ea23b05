package io.accords.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Accords behind a real Keycloak (scripts/keycloak.sh, realms in keycloak/): tokens from its token endpoint, keys from
 * its JWKS URL. Runs when Keycloak answers at {@code keycloak.url} (http://localhost:8180), without costing an
 * application start otherwise; {@code .ci/run} starts it and sets {@code keycloak.required}, so there a missing Keycloak
 * fails the test instead of skipping it.
 */
@QuarkusTest
@TestProfile(KeycloakIntegrationTest.WithKeycloak.class)
@EnabledIf("keycloakAnswersOrIsRequired")
public class KeycloakIntegrationTest {

    static final String KEYCLOAK = System.getProperty("keycloak.url", "http://localhost:8180");
    public static final String REALM = KEYCLOAK + "/realms/accords";

    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "accords.auth.dev-keys.enabled",
                    "false",
                    "mp.jwt.verify.publickey.location",
                    REALM + "/protocol/openid-connect/certs",
                    "mp.jwt.verify.issuer",
                    REALM,
                    "mp.jwt.verify.audiences",
                    "accords");
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether the class runs (and its application starts): Keycloak answers, or CI requires it. */
    public static boolean keycloakAnswersOrIsRequired() {
        return keycloakAnswers() || Boolean.getBoolean("keycloak.required");
    }

    @BeforeAll
    public static void keycloakIsUp() {
        assertTrue(keycloakAnswers(), "Keycloak answers at " + KEYCLOAK + " (bash scripts/keycloak.sh start)");
    }

    private static boolean keycloakAnswers() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(REALM + "/.well-known/openid-configuration"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aServiceWithClientCredentialsWritesWithItsRoleAndClearance() throws Exception {
        Header service = bearer(token(REALM, "client_credentials", "accords-service", "accords-service-secret", null));
        String created =
                createParty(service, "PUBLIC").statusCode(201).extract().path("id");
        given().header(service).when().get("/api/v1/parties/" + created).then().statusCode(200);
        // Its clearance claim is PUBLIC: it may not write above it.
        createParty(service, "RESTRICTED").statusCode(403);
        // The history names the service account, the token's preferred_username.
        given().header(service)
                .when()
                .get("/api/v1/parties/" + created + "/history")
                .then()
                .statusCode(200)
                .body("items[0].actor", equalTo("service-account-accords-service"));
    }

    @Test
    void aUserLoginCarriesItsRolesAndClearance() throws Exception {
        Header editor = bearer(token(REALM, "password", "accords-cli", null, "editor"));
        Header analyst = bearer(token(REALM, "password", "accords-cli", null, "analyst"));
        String confidential =
                createParty(editor, "CONFIDENTIAL").statusCode(201).extract().path("id");
        String restricted =
                createParty(editor, "RESTRICTED").statusCode(201).extract().path("id");
        // The analyst is a RESTRICTED reader: it reads the restricted party, not the confidential one, and writes
        // nothing.
        given().header(analyst)
                .when()
                .get("/api/v1/parties/" + restricted)
                .then()
                .statusCode(200);
        given().header(analyst)
                .when()
                .get("/api/v1/parties/" + confidential)
                .then()
                .statusCode(404);
        createParty(analyst, "PUBLIC").statusCode(403);
    }

    @Test
    void aTokenFromAnotherRealmIsRefused() throws Exception {
        String other = token(KEYCLOAK + "/realms/elsewhere", "password", "accords-cli", null, "analyst");
        given().header(bearer(other))
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    void aKeyRotatedInKeycloakIsAcceptedWithoutARestart() throws Exception {
        String before = token(REALM, "client_credentials", "accords-service", "accords-service-secret", null);
        given().header(bearer(before)).when().get("/api/v1/agreements").then().statusCode(200);

        // An administrator adds a new signing key with a higher priority, as a key rotation does.
        String admin = token(KEYCLOAK + "/realms/master", "password", "admin-cli", null, "admin");
        JsonNode realm = JSON.readTree(send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/accords"))
                .header("Authorization", "Bearer " + admin)
                .build()));
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("name", "rotated-" + System.nanoTime());
        key.put("providerId", "rsa-generated");
        key.put("providerType", "org.keycloak.keys.KeyProvider");
        key.put("parentId", realm.path("id").asText());
        key.put(
                "config",
                Map.of(
                        "priority", new String[] {String.valueOf(System.currentTimeMillis() / 1000)},
                        "enabled", new String[] {"true"},
                        "active", new String[] {"true"},
                        "algorithm", new String[] {"RS256"},
                        "keySize", new String[] {"2048"}));
        HttpResponse<String> added = HTTP.send(
                HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/accords/components"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(key)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, added.statusCode(), added.body());

        String after = token(REALM, "client_credentials", "accords-service", "accords-service-secret", null);
        assertNotEquals(kid(before), kid(after), "the new token is signed with the new key");
        given().header(bearer(after)).when().get("/api/v1/agreements").then().statusCode(200);
    }

    /** A party created by this caller with this classification, as the answer to the POST. */
    private static ValidatableResponse createParty(Header caller, String classification) {
        return given().header(caller)
                .contentType("application/json")
                .body(Api.with(Api.party(Api.unique("Keycloak Party"), "PE"), "classification", classification))
                .when()
                .post("/api/v1/parties")
                .then();
    }

    private static String token(String realm, String grant, String client, String secret, String user)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grant);
        form.put("client_id", client);
        if (secret != null) {
            form.put("client_secret", secret);
        }
        if (user != null) {
            form.put("username", user);
            form.put("password", user);
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        JsonNode answer =
                JSON.readTree(send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build()));
        assertTrue(answer.has("access_token"), "Keycloak gave a token: " + answer);
        return answer.path("access_token").asText();
    }

    private static String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), request.uri() + ": " + response.body());
        return response.body();
    }

    private static String kid(String token) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))
                .path("kid")
                .asText();
    }

    private static Header bearer(String token) {
        return new Header("Authorization", "Bearer " + token);
    }
}
