package io.accords.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.accords.api.PrefilledOperations.Operation;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * "Try it out" and "Execute" on every operation of the served document with the values Swagger UI prefills from the
 * examples, as they stand: twice over, the second time in the opposite order, every one answering 2xx, and no record
 * that was there before (the seed records among them) changed or gone afterwards. Changes and deletes name the example
 * records made for them (ExampleRecords), creates send a prefilled Idempotency-Key, an import job's and a calendar
 * feed's reads name the example job and feed seeded with them. Needs {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}; skipped without them unless {@code -Dswagger.browser.required=true} (as
 * {@code .ci/run} sets), which makes their absence a failure.
 */
@QuarkusTest
class SwaggerUiBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    @Tag("browser")
    void everyOperationExecutesInSwaggerUiWithItsPrefilledValues() throws Exception {
        assumeBrowser();
        Map<String, Long> before = PrefilledOperations.records();
        List<Operation> operations = PrefilledOperations.operations();
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
            assertEquals(2 * operations.size(), outcomes.size(), "every operation ran twice: " + outcomes);
            System.out.println("Swagger UI executed: " + outcomes);
            PrefilledOperations.assertUnchangedSince(before);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The operations split into shares of whole tags, each kept in the walk's order, the shares about even. */
    static List<List<Operation>> shares(List<Operation> operations, int count) {
        Map<String, List<Operation>> byTag = new LinkedHashMap<>();
        operations.forEach(
                o -> byTag.computeIfAbsent(o.tag(), t -> new ArrayList<>()).add(o));
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
            shares.add(operations.stream().filter(o -> share.contains(o.tag())).toList());
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
            List<String> outcomes = new ArrayList<>();
            for (int pass = 1; pass <= 2; pass++) {
                List<Operation> order = new ArrayList<>(operations);
                if (pass == 2) {
                    java.util.Collections.reverse(order);
                }
                for (Operation operation : order) {
                    long started = System.nanoTime();
                    Answer answer = execute(browser, wait, operation, Map.of());
                    // With the time each took: the walk is most of the suite's time (Chromium laying out the page).
                    outcomes.add(operation.id() + " " + answer.status + " in "
                            + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
                    assertTrue(
                            answer.status >= 200 && answer.status < 300,
                            operation.id() + " answered " + answer.status + " with the prefilled values (pass " + pass
                                    + "):\n" + answer.body);
                    if (operation.showsRecords()) {
                        assertTrue(Operation.recordsIn(answer.body), operation.id() + " found records: " + answer.body);
                    }
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
        // A token of its own, fresh for as long as a person's would be: two passes on a loaded machine take minutes,
        // longer than what is left of a cached test token.
        value.sendKeys(Tokens.sign(Tokens.claims("admin", "CONFIDENTIAL").expiresIn(WALK_TOKEN_SECONDS)));
        click(browser, browser.findElement(By.cssSelector(".auth-container button.authorize")));
        click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-done"))));
    }

    /** How long the walk's token lasts: an hour, as a development token does. */
    private static final long WALK_TOKEN_SECONDS = 3600;

    record Answer(int status, String body) {}

    static Answer execute(WebDriver browser, WebDriverWait wait, Operation operation, Map<String, String> overrides) {
        String blockId = "operations-" + operation.tag().replace(' ', '_') + "-" + operation.id();
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
            fail(operation.id() + ": Swagger UI sent no request (no live response after Execute): " + block.getText());
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
