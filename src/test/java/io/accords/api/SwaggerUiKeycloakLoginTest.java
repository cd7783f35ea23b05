package io.accords.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.security.KeycloakIntegrationTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A newcomer following README's "Run with Keycloak": in Swagger UI, Authorize, log in at Keycloak's page (authorization
 * code with PKCE), then run a search, in a real browser. Runs when Keycloak and Chromium are there, as in .ci/run.
 */
@QuarkusTest
@TestProfile(SwaggerUiKeycloakLoginTest.WithLogin.class)
@EnabledIf("io.accords.security.KeycloakIntegrationTest#keycloakAnswersOrIsRequired")
class SwaggerUiKeycloakLoginTest {

    /** The port the realm's Swagger UI client allows redirects to for this test. */
    public static class WithLogin extends KeycloakIntegrationTest.WithKeycloak {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("accords.swagger-ui.openid-connect-url", KeycloakIntegrationTest.REALM);
            config.put("quarkus.http.test-port", "8089");
            return config;
        }
    }

    @Test
    void aPersonLogsInAtKeycloakFromSwaggerUiAndSearches() throws Exception {
        KeycloakIntegrationTest.keycloakIsUp();
        SwaggerUiBrowserTest.assumeBrowser();
        WebDriver browser = SwaggerUiBrowserTest.browser();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + RestAssured.port + "/q/swagger-ui/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
            SwaggerUiBrowserTest.click(
                    browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))));
            WebElement login = wait.until(driver -> driver.findElements(By.cssSelector(".auth-container")).stream()
                    .filter(c -> c.getText().contains("login"))
                    .filter(c ->
                            !c.findElements(By.cssSelector("button.authorize")).isEmpty())
                    .findFirst()
                    .orElse(null));
            // One way to log in at the provider, asking for the one scope it needs.
            List<WebElement> logins = browser.findElements(By.cssSelector(".auth-container")).stream()
                    .filter(c -> c.getText().contains("login"))
                    .toList();
            assertEquals(1, logins.size(), "one login entry in the Authorize dialog");
            assertEquals(
                    1,
                    login.findElements(By.cssSelector("input[type=checkbox]")).size(),
                    "one scope to tick: " + login.getText());
            String swaggerWindow = browser.getWindowHandle();
            SwaggerUiBrowserTest.click(browser, login.findElement(By.cssSelector("button.authorize")));

            // Keycloak's login page opens in a window of its own.
            wait.until(driver -> driver.getWindowHandles().size() > 1);
            Set<String> windows = browser.getWindowHandles();
            windows.remove(swaggerWindow);
            browser.switchTo().window(windows.iterator().next());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys("analyst");
            browser.findElement(By.id("password")).sendKeys("analyst");
            browser.findElement(By.id("kc-login")).click();
            browser.switchTo().window(swaggerWindow);
            wait.until(driver -> driver.getWindowHandles().size() == 1);

            // Back in Swagger UI, logged in: Logout is offered where Authorize was.
            wait.until(driver -> driver.findElements(By.cssSelector(".auth-container")).stream()
                    .anyMatch(c -> c.getText().contains("login") && c.getText().contains("Logout")));
            SwaggerUiBrowserTest.click(
                    browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-done"))));

            SwaggerUiBrowserTest.Answer answer = SwaggerUiBrowserTest.execute(
                    browser,
                    wait,
                    new PrefilledOperations.Operation(
                            "get", "/api/v1/agreements", "Agreements", "listAgreements", null),
                    Map.of());
            assertEquals(200, answer.status(), "the search ran with the token Keycloak issued: " + answer.body());
            assertTrue(answer.body().contains("\"total\""), answer.body());
        } finally {
            browser.quit();
        }
    }
}
