package io.accords.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI as a person uses it, in a real browser (Debian's Chromium through Selenium): Authorize with a token, then
 * "Try it out" and "Execute" on every operation of the served document, with the values Swagger UI prefills from the
 * examples. Reads run first and must return records; creates run with their prefilled bodies; changes and deletes
 * then act on what the creates made, with the ETag the previous step answered, as a person would copy it. Needs
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; skipped without them unless
 * {@code -Dswagger.browser.required=true} (as {@code .ci/run} sets), which makes their absence a failure.
 */
@QuarkusTest
class SwaggerUiBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> ORDER = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** An answer that names a record (its id) or counts some. */
    private static final Pattern RECORDS = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + "|\"total\"\\s*:\\s*[1-9]");

    private static final Pattern LAST_ID = Pattern.compile("/\\{(\\w+)}$");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    record Operation(String method, String path, String tag, String id) {}

    @Test
    @Tag("browser")
    void everyOperationExecutesInSwaggerUiWithItsPrefilledValues() throws Exception {
        assumeBrowser();
        List<Operation> operations = operations();
        // Two browsers share the walk, each taking whole tags in the walk's order (a tag's writes need its creates):
        // the walk is mostly Chromium rendering each operation, which one browser does on one core.
        List<List<Operation>> shares = shares(operations, 2);
        ExecutorService pool = Executors.newFixedThreadPool(shares.size());
        try {
            List<Future<List<String>>> walks = new ArrayList<>();
            for (int i = 0; i < shares.size(); i++) {
                List<Operation> share = shares.get(i);
                int n = i;
                walks.add(pool.submit(() -> walk(share, n)));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<List<String>> walk : walks) {
                try {
                    outcomes.addAll(walk.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failed) {
                        throw failed;
                    }
                    throw e;
                }
            }
            assertEquals(operations.size(), outcomes.size(), "every operation ran: " + outcomes);
            System.out.println("Swagger UI executed: " + outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The operations split into shares of whole tags, each kept in the walk's order, the shares about even. */
    static List<List<Operation>> shares(List<Operation> operations, int count) {
        Map<String, List<Operation>> byTag = new LinkedHashMap<>();
        operations.forEach(
                o -> byTag.computeIfAbsent(o.tag, t -> new ArrayList<>()).add(o));
        List<List<String>> tags = new ArrayList<>();
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            tags.add(new ArrayList<>());
        }
        byTag.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .forEach(tag -> {
                    int lightest = 0;
                    for (int i = 1; i < count; i++) {
                        lightest = sizes[i] < sizes[lightest] ? i : lightest;
                    }
                    tags.get(lightest).add(tag.getKey());
                    sizes[lightest] += tag.getValue().size();
                });
        List<List<Operation>> shares = new ArrayList<>();
        for (List<String> share : tags) {
            shares.add(operations.stream().filter(o -> share.contains(o.tag)).toList());
        }
        return shares;
    }

    /** One browser's walk through its operations; what each answered. */
    private static List<String> walk(List<Operation> operations, int n) throws Exception {
        WebDriver browser = browser();
        try {
            browser.get("http://localhost:" + RestAssured.port + "/q/swagger-ui/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
            // The document names the README's local URL first (for generated clients); this instance runs on a test
            // port, so choose the entry that means "the server this page came from", as a person would.
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(".servers select")))
                    .selectByValue("/");
            authorize(browser, wait);
            Map<String, String> created = new HashMap<>();
            Map<String, Long> versions = new HashMap<>();
            String feedSecret = null;
            List<String> outcomes = new ArrayList<>();
            for (Operation operation : operations) {
                Map<String, String> overrides = new LinkedHashMap<>();
                // A write to a record (a path ending in its id, such as a milestone's {id} under its {agreementId})
                // goes to the one the
                // create on its collection made, at the version last answered.
                Matcher record = LAST_ID.matcher(operation.path);
                if (isFeed(operation) && operation.path.contains("{id}")) {
                    // A calendar feed is the one the user made; its address holds the secret that answer told.
                    overrides.put("id", created.get(FEEDS));
                    if (operation.path.contains("{secret}")) {
                        overrides.put("secret", feedSecret);
                    }
                } else if (isImport(operation) && operation.path.contains("{id}")) {
                    // An import job is the one the user's own import made (imports are read, and cancelled, by their
                    // sender).
                    overrides.put("id", created.get(IMPORTS));
                } else if (!operation.method.equals("get") && record.find()) {
                    String collection = operation.path.substring(0, record.start());
                    String id = created.get(collection);
                    assertTrue(id != null, operation.id + ": a create on " + collection + " ran before it");
                    overrides.put(record.group(1), id);
                    overrides.put("If-Match", "\"" + versions.get(id) + "\"");
                }
                Answer answer = execute(browser, wait, operation, overrides);
                outcomes.add(operation.id + " " + answer.status);
                assertTrue(
                        answer.status >= 200 && answer.status < 300,
                        operation.id + " answered " + answer.status + " with the prefilled values:\n" + answer.body);
                // A get of a list or a part of a record shows records; the comparison of two versions may not (a
                // seed record has one version, which its example compares with itself).
                if (operation.method.equals("get")
                        && !LAST_ID.matcher(operation.path).find()
                        && !operation.path.endsWith("/history/diff")) {
                    assertTrue(RECORDS.matcher(answer.body).find(), operation.id + " found records: " + answer.body);
                }
                Matcher secret = SECRET.matcher(answer.body);
                if (isFeed(operation) && operation.method.equals("post") && secret.find()) {
                    feedSecret = secret.group();
                }
                if (operation.method.equals("post")) {
                    Matcher id = ID.matcher(answer.body);
                    assertTrue(id.find(), operation.id + " answered a record: " + answer.body);
                    created.put(operation.path, id.group(1));
                    if (isImport(operation)) {
                        awaitImport(id.group(1));
                    }
                }
                Matcher version = VERSION.matcher(answer.body);
                Matcher written = LAST_ID.matcher(operation.path);
                if (!operation.method.equals("get") && version.find() && written.find()) {
                    versions.put(overrides.get(written.group(1)), Long.parseLong(version.group(1)));
                }
                if (operation.method.equals("post")) {
                    versions.put(created.get(operation.path), 0L);
                }
            }
            return outcomes;
        } catch (AssertionError | RuntimeException e) {
            Path shot = Path.of("target", "swagger-ui-failure-" + n + ".png");
            Files.write(
                    shot,
                    ((org.openqa.selenium.TakesScreenshot) browser)
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            throw new AssertionError(e.getMessage() + " (screenshot: " + shot + ")", e);
        } finally {
            browser.quit();
        }
    }

    /** The operations of the served document: reads, then creates, replaces, patches and deletes. */
    private static List<Operation> operations() throws Exception {
        JsonNode paths = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .when()
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : ORDER) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    operations.add(new Operation(
                            method,
                            path.getKey(),
                            op.path("tags").path(0).asText(),
                            op.path("operationId").asText()));
                }
            }
        }
        // An import is sent before its job is read, and a calendar feed made before it is read, as a user would;
        // everything else reads, then writes.
        operations.sort(Comparator.comparingInt((Operation o) -> isFeed(o) && !o.method.equals("delete")
                        ? (o.method.equals("post") ? -4 : -3)
                        : isImport(o) ? (o.method.equals("post") ? -2 : -1) : ORDER.indexOf(o.method))
                .thenComparing(o -> o.method.equals("delete") && o.path.startsWith("/api/v1/parties") ? 1 : 0));
        return operations;
    }

    private static final String IMPORTS = "/api/v1/imports";
    private static final String FEEDS = "/api/v1/calendar/feeds";
    private static final Pattern SECRET = Pattern.compile(io.accords.http.secrets.Secrets.PATTERN);

    private static boolean isFeed(Operation operation) {
        return operation.path.startsWith(FEEDS);
    }

    private static boolean isImport(Operation operation) {
        return operation.path.startsWith(IMPORTS);
    }

    /** Waits (as a user would, reloading the job) until the import the example sent has written its rows. */
    private static void awaitImport(String id) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            String status = given().header(io.accords.support.Tokens.bearer("admin", "CONFIDENTIAL"))
                    .when()
                    .get(IMPORTS + "/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("status");
            if (status.equals("DONE") || status.equals("REFUSED")) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the import " + id + " sent from Swagger UI did not finish within 30 s");
    }

    /**
     * Skips the test without Chromium and ChromeDriver, or fails it when {@code -Dswagger.browser.required=true} (as
     * {@code .ci/run} sets).
     */
    static void assumeBrowser() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (Boolean.getBoolean("swagger.browser.required")) {
            assertTrue(available, "Chromium and ChromeDriver are installed (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(available, "Chromium and ChromeDriver are not installed");
    }

    static WebDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1600",
                "--user-data-dir=" + Files.createTempDirectory("swagger-ui-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    private static void authorize(WebDriver browser, WebDriverWait wait) {
        click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))));
        WebElement value =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input")));
        value.sendKeys(Tokens.cached("admin", "CONFIDENTIAL"));
        click(browser, browser.findElement(By.cssSelector(".auth-container button.authorize")));
        click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-done"))));
    }

    record Answer(int status, String body) {}

    static Answer execute(WebDriver browser, WebDriverWait wait, Operation operation, Map<String, String> overrides) {
        String blockId = "operations-" + operation.tag.replace(' ', '_') + "-" + operation.id;
        WebElement block = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(blockId)));
        if (!block.getAttribute("class").contains("is-open")) {
            click(browser, summary(block));
        }
        By tryOut = By.cssSelector("#" + blockId + " button.try-out__btn");
        By execute = By.cssSelector("#" + blockId + " button.execute");
        for (int attempt = 0; attempt < 3 && browser.findElements(execute).isEmpty(); attempt++) {
            click(browser, wait.until(ExpectedConditions.elementToBeClickable(tryOut)));
            try {
                new WebDriverWait(browser, Duration.ofSeconds(5))
                        .until(ExpectedConditions.presenceOfElementLocated(execute));
            } catch (org.openqa.selenium.TimeoutException e) {
                // the click landed while the block was still opening; try again
            }
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            By field = By.cssSelector("tr[data-param-name='" + override.getKey() + "'] input");
            if (override.getKey().equals("If-Match")
                    && block.findElements(field).isEmpty()) {
                continue; // a record without versions (a calendar feed) takes no If-Match
            }
            WebElement input = block.findElement(field);
            input.clear();
            input.sendKeys(override.getValue());
        }
        click(browser, wait.until(ExpectedConditions.elementToBeClickable(execute)));
        By status = By.cssSelector("#" + blockId + " .live-responses-table tbody .response-col_status");
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(status));
        } catch (org.openqa.selenium.TimeoutException e) {
            fail(operation.id + ": Swagger UI sent no request (no live response after Execute): " + block.getText());
        }
        String code = block.findElement(status).getText().strip().split("\\s+")[0];
        List<WebElement> bodies =
                block.findElements(By.cssSelector(".live-responses-table tbody .response-col_description pre"));
        String body = bodies.isEmpty() ? "" : bodies.get(0).getText();
        click(browser, summary(block));
        return new Answer(Integer.parseInt(code.toLowerCase(Locale.ROOT).replaceAll("[^0-9]", "")), body);
    }

    /** The control that opens and closes an operation (a button in Swagger UI 5, the summary bar before). */
    private static WebElement summary(WebElement block) {
        List<WebElement> control = block.findElements(By.cssSelector(".opblock-summary-control"));
        return control.isEmpty() ? block.findElement(By.cssSelector(".opblock-summary")) : control.get(0);
    }

    static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }
}
