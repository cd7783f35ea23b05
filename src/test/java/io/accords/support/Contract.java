package io.accords.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The committed contract, {@code openapi/openapi.yaml}, as a judge of answers: which operation a request reached, which
 * responses it declares, and whether an answer's status, media type and body are among them. Bodies of JSON media
 * types (and each line of NDJSON) are validated with the JSON Schema 2020-12 validator in the OpenAPI 3.1 dialect,
 * {@code $ref}s resolved in the document itself.
 */
public final class Contract {

    public static final Path FILE = Path.of("openapi/openapi.yaml").toAbsolutePath();
    /** Every violation any test saw, one per line, for a whole run's list in one place. */
    public static final Path REPORT = Path.of("target/contract-violations.txt");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Contract instance;

    private final JsonNode document;
    private final List<Route> routes;
    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private Contract(JsonNode document) {
        this.document = document;
        this.routes = routes(document);
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(OpenApi31.getInstance())
                        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    }

    public static Contract get() {
        Contract loaded = instance;
        if (loaded == null) {
            synchronized (Contract.class) {
                if (instance == null) {
                    try {
                        instance = new Contract(new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                loaded = instance;
            }
        }
        return loaded;
    }

    /** A path template of the contract, matched by its literal segments first. */
    private record Route(String template, Pattern pattern, int parameters) {}

    private static List<Route> routes(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(template -> {
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            int parameters = template.split("\\{", -1).length - 1;
            routes.add(new Route(template, Pattern.compile(regex), parameters));
        });
        routes.sort(Comparator.comparingInt(Route::parameters));
        return routes;
    }

    /** The contract's path template a request path reaches, if any. */
    public Optional<String> template(String path) {
        // The service serves a path as it would without repeated slashes and without a trailing one.
        String collapsed = path.replaceAll("/{2,}", "/");
        String served = collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
        return routes.stream()
                .filter(route -> route.pattern().matcher(served).matches())
                .map(Route::template)
                .findFirst();
    }

    /**
     * What is wrong with an answer to {@code method path}, measured against the contract: nothing when the list is
     * empty. Paths outside the API (management, Swagger UI, the contract itself) are not the contract's to judge.
     */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        if (!path.startsWith("/api/")) {
            return List.of();
        }
        String verb = method.toLowerCase(Locale.ROOT);
        Optional<String> template = template(path);
        JsonNode operation =
                template.map(t -> document.path("paths").path(t).path(verb)).orElse(null);
        boolean head = verb.equals("head");
        if (head && template.isPresent()) {
            operation = document.path("paths").path(template.get()).path("get");
        }
        if (operation == null || operation.isMissingNode()) {
            // Not an operation of the contract (an unknown path, or a method the path does not serve): the answer
            // must be a refusal, and a refusal's body is a problem.
            if (status < 400) {
                return verb.equals("options")
                        ? List.of()
                        : List.of("answered " + status + " to an operation the contract does not have");
            }
            return body(status, contentType, body, problemMediaTypes(), head);
        }
        JsonNode responses = operation.path("responses");
        String pointerBase = "/paths/" + escape(template.get()) + "/" + (head ? "get" : verb) + "/responses/";
        String key = String.valueOf(status);
        if (!responses.has(key)) {
            key = status / 100 + "XX";
        }
        if (!responses.has(key)) {
            key = "default";
        }
        if (!responses.has(key)) {
            return List.of("status " + status + " is not among the operation's responses " + names(responses));
        }
        JsonNode given = responses.path(key);
        String responsePointer = given.has("$ref") ? given.path("$ref").asText() : "#" + pointerBase + escape(key);
        JsonNode content = resolve(given).path("content");
        List<MediaType> declared = new ArrayList<>();
        content.fieldNames()
                .forEachRemaining(name -> declared.add(new MediaType(
                        name, responsePointer + "/content/" + escape(name) + "/schema", content.path(name))));
        return body(status, contentType, body, declared, head);
    }

    /** Each line's schema of a line-delimited media type (OpenAPI 3.2's itemSchema, as an extension in 3.1). */
    static final String ITEM_SCHEMA = "x-item-schema";

    private record MediaType(String name, String schemaPointer, JsonNode node) {
        MediaType itemSchema() {
            return new MediaType(name, schemaPointer.replaceFirst("/schema$", "/" + ITEM_SCHEMA), node);
        }

        boolean accepts(String actual) {
            if (name.equals("*/*")) {
                return true;
            }
            if (name.endsWith("/*")) {
                return actual.startsWith(name.substring(0, name.length() - 1));
            }
            return name.equalsIgnoreCase(actual);
        }
    }

    private List<MediaType> problemMediaTypes() {
        return List.of(new MediaType(
                "application/problem+json",
                "#/components/schemas/Problem",
                JSON.createObjectNode()
                        .set("schema", JSON.createObjectNode().put("$ref", "#/components/schemas/Problem"))));
    }

    private List<String> body(int status, String contentType, String body, List<MediaType> declared, boolean head) {
        boolean empty = body == null || body.isEmpty();
        String actual =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (empty) {
            // A bodiless answer needs no media type; one the contract gives a body must have it (HEAD aside), unless
            // it is text of a type the contract names that may be empty (an export of nothing).
            boolean emptyText = !isJson(actual) && declared.stream().anyMatch(m -> m.accepts(actual));
            return declared.isEmpty() || head || status == 304 || emptyText
                    ? List.of()
                    : List.of("answered " + status + " without a body where the contract gives one in "
                            + names(declared));
        }
        if (declared.isEmpty()) {
            return List.of("answered " + status + " with a body (" + contentType + ") the contract does not declare");
        }
        Optional<MediaType> media =
                declared.stream().filter(m -> m.accepts(actual)).findFirst();
        if (media.isEmpty()) {
            return List.of("answered " + status + " as " + actual + ", which is not among " + names(declared));
        }
        if (actual.equals("application/x-ndjson") && media.get().node().has(ITEM_SCHEMA)) {
            MediaType item = media.get().itemSchema();
            List<String> found = new ArrayList<>();
            String[] lines = body.split("\n");
            for (int i = 0; i < lines.length && found.isEmpty(); i++) {
                if (!lines[i].isBlank()) {
                    found.addAll(validate(item, lines[i], "line " + (i + 1) + ": "));
                }
            }
            return found;
        }
        if (isJson(actual) && media.get().node().has("schema")) {
            return validate(media.get(), body, "");
        }
        return List.of();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private List<String> validate(MediaType media, String text, String prefix) {
        JsonNode value;
        try {
            value = JSON.readTree(text);
        } catch (IOException e) {
            return List.of(prefix + "the body is not JSON: " + e.getMessage());
        }
        JsonSchema schema = schemas.computeIfAbsent(
                media.schemaPointer(), pointer -> factory.getSchema(SchemaLocation.of(FILE.toUri() + pointer)));
        Set<ValidationMessage> messages = schema.validate(value);
        List<String> found = new ArrayList<>();
        for (ValidationMessage message : messages) {
            found.add(prefix + message.getMessage());
        }
        return found;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(names::add);
        return names.toString();
    }

    private static String names(List<MediaType> media) {
        return media.stream().map(MediaType::name).toList().toString();
    }

    /** Writes violations to the run's report (one line each, with the request that met them). */
    public static void report(String request, List<String> violations) {
        StringBuilder lines = new StringBuilder();
        for (String violation : violations) {
            lines.append(request).append(" :: ").append(violation).append('\n');
        }
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
