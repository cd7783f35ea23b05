package io.accords.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the change feed and its stream in tests. */
public final class Changes {

    private Changes() {}

    /** The cursor after the last change this caller may see: the Link header's next of a read from now. */
    public static String cursorNow(Header caller) {
        return next(page(caller, "after=now&limit=1"));
    }

    /** The cursor a read answers to go on after it: its Link header's next. */
    public static String next(Response page) {
        String link = page.getHeader("Link");
        java.util.regex.Matcher after =
                java.util.regex.Pattern.compile("[?&]after=([^&>]+)").matcher(link);
        assertTrue(after.find(), link);
        return after.group(1);
    }

    public static Response page(Header caller, String query) {
        var request = given();
        if (caller != null) {
            request = request.header(caller);
        }
        Response response =
                request.accept("application/cloudevents-batch+json").when().get("/api/v1/changes?" + query);
        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(
                response.getContentType().startsWith("application/cloudevents-batch+json"), response.getContentType());
        return response;
    }

    /** Every event after a cursor, page by page. */
    public static List<Map<String, Object>> readAll(Header caller, String after, String query) {
        return readAll(caller, after, query, new String[1]);
    }

    /** Every event after a cursor, page by page; the cursor after the last in {@code next[0]}. */
    public static List<Map<String, Object>> readAll(Header caller, String after, String query, String[] next) {
        List<Map<String, Object>> all = new ArrayList<>();
        while (true) {
            Response page = page(caller, "after=" + after + "&limit=100" + (query.isEmpty() ? "" : "&" + query));
            List<Map<String, Object>> events = page.jsonPath().getList("$");
            after = next(page);
            if (events.isEmpty()) {
                next[0] = after;
                return all;
            }
            all.addAll(events);
        }
    }

    /** The lines of a stream opened after a cursor, or resumed with Last-Event-ID, that lasts some seconds. */
    public static List<String> stream(String authorization, String after, String lastEventId, int seconds)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/changes/stream?maxSeconds=" + seconds + (after == null ? "" : "&after=" + after)))
                .header("Authorization", authorization)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(seconds + 30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    public static List<String> field(List<String> lines, String prefix) {
        return lines.stream()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).trim())
                .toList();
    }

    /** The CloudEvents a stream's data lines hold. */
    public static List<Map<String, Object>> events(List<String> lines) {
        return field(lines, "data:").stream()
                .map(data -> io.restassured.path.json.JsonPath.from(data).<String, Object>getMap("$"))
                .toList();
    }
}
