package io.accords.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

/**
 * What the document derives from the code instead of repeating it on every operation: the schema of each success
 * response comes from the method's return type (so a generated client gets a typed answer), and this adds the example
 * that belongs to that schema; a merge patch's body gets its own schema, the input schema of the same path's PUT with
 * nothing required (RFC 7396: every member may be left out, and {@code null} removes one).
 */
final class SuccessResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MERGE_PATCH = "application/merge-patch+json";

    /** The examples of what every record kind answers: its history and a diff. */
    private static final Map<String, String> HISTORY =
            Map.of("PageViewRevisionView", ApiExamples.REVISION_PAGE, "RevisionDiff", ApiExamples.REVISION_DIFF);

    private static final DotName SCHEMA_EXAMPLE = DotName.createSimple(SchemaExample.class.getName());
    private static final DotName SCHEMA_EXAMPLES = DotName.createSimple(SchemaExample.List.class.getName());
    private static final DotName TEXT_EXAMPLE = DotName.createSimple(TextExample.class.getName());
    private static final DotName TEXT_EXAMPLES = DotName.createSimple(TextExample.List.class.getName());

    private SuccessResponses() {}

    /**
     * Adds the examples: the history's, the record kinds' ({@code kinds}, by schema name), and those the resources
     * declare ({@link SchemaExample}, {@link TextExample}), found in the index.
     */
    static void document(OpenAPI openAPI, IndexView index, Map<String, String> kinds) {
        Map<String, String> examples = new java.util.HashMap<>(HISTORY);
        examples.putAll(kinds);
        declared(index, SCHEMA_EXAMPLE, SCHEMA_EXAMPLES, "schema", examples);
        Map<String, String> texts = new java.util.HashMap<>();
        declared(index, TEXT_EXAMPLE, TEXT_EXAMPLES, "name", texts);
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                exampleForSchema(operation, examples);
                textExamples(operation, texts);
            }
            if (path.getPATCH() != null && path.getPUT() != null) {
                mergePatchSchema(openAPI, path.getPATCH(), path.getPUT());
            }
        }
        removeUnused(openAPI);
    }

    /** Drops the component schemas nothing refers to any more (such as the one of the patch body's Java type). */
    private static void removeUnused(OpenAPI openAPI) {
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        java.util.Deque<Schema> pending = new java.util.LinkedList<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> pending.add(p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()
                            .forEach(m -> pending.add(m.getSchema()));
                }
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(r -> r.getContent() != null)
                        .forEach(r -> r.getContent().getMediaTypes().values().forEach(m -> pending.add(m.getSchema())));
            }
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            String name = name(schema);
            if (name != null && used.add(name)) {
                pending.add(components.get(name));
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            pending.add(schema.getAdditionalPropertiesSchema());
            for (var list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (list != null) {
                    pending.addAll(list);
                }
            }
        }
        new java.util.ArrayList<>(components.keySet())
                .stream().filter(n -> !used.contains(n)).forEach(openAPI.getComponents()::removeSchema);
    }

    /** Every declaration of an example annotation, single or repeated, as its key and value. */
    private static void declared(
            IndexView index, DotName single, DotName repeated, String key, Map<String, String> into) {
        java.util.List<AnnotationInstance> found = new ArrayList<>(index.getAnnotations(single));
        index.getAnnotations(repeated)
                .forEach(list ->
                        found.addAll(java.util.Arrays.asList(list.value().asNestedArray())));
        found.forEach(example ->
                into.put(example.value(key).asString(), example.value().asString()));
    }

    private static void textExamples(Operation operation, Map<String, String> texts) {
        List<Content> contents = new ArrayList<>();
        if (operation.getRequestBody() != null) {
            contents.add(operation.getRequestBody().getContent());
        }
        operation.getResponses().getAPIResponses().values().forEach(response -> contents.add(response.getContent()));
        for (Content content : contents) {
            if (content == null) {
                continue;
            }
            for (MediaType media : content.getMediaTypes().values()) {
                if (media.getExamples() != null) {
                    media.getExamples().forEach((name, example) -> {
                        if (texts.containsKey(name)) {
                            example.setValue(texts.get(name));
                        }
                    });
                }
            }
        }
    }

    private static void exampleForSchema(Operation operation, Map<String, String> examples) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null) {
                return;
            }
            for (MediaType media : response.getContent().getMediaTypes().values()) {
                String name = name(media.getSchema());
                if (name != null
                        && examples.containsKey(name)
                        && (media.getExamples() == null || media.getExamples().isEmpty())) {
                    media.addExample(
                            name.toLowerCase(), OASFactory.createExample().value(parse(examples.get(name))));
                }
            }
        });
    }

    private static void mergePatchSchema(OpenAPI openAPI, Operation patch, Operation put) {
        if (patch.getRequestBody() == null || put.getRequestBody() == null) {
            return;
        }
        MediaType body = patch.getRequestBody().getContent().getMediaType(MERGE_PATCH);
        String input = put.getRequestBody().getContent().getMediaTypes().values().stream()
                .map(m -> name(m.getSchema()))
                .filter(n -> n != null)
                .findFirst()
                .orElse(null);
        Schema inputSchema =
                input == null ? null : openAPI.getComponents().getSchemas().get(input);
        if (body == null || inputSchema == null) {
            return;
        }
        String name = input.replaceFirst("Input$", "") + "Patch";
        Schema patchSchema = OASFactory.createSchema()
                .type(inputSchema.getType())
                .description("A JSON merge patch (RFC 7396) of " + input + ": only the members to change; null"
                        + " removes a member (but never classification); the result must be a valid " + input + ".")
                .properties(nullable(inputSchema.getProperties()));
        openAPI.getComponents().addSchema(name, patchSchema);
        body.schema(OASFactory.createSchema().ref("#/components/schemas/" + name));
    }

    /**
     * The input's properties, each that has a type also allowing null: in a merge patch a member left out changes
     * nothing, so a client must not send a list it did not set (an empty list would replace the stored one).
     */
    private static Map<String, Schema> nullable(Map<String, Schema> properties) {
        Map<String, Schema> copies = new LinkedHashMap<>();
        properties.forEach((name, property) -> {
            Schema copy = property;
            if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new ArrayList<>(property.getType());
                types.add(Schema.SchemaType.NULL);
                copy = OASFactory.createSchema()
                        .type(types)
                        .items(property.getItems())
                        .description(property.getDescription())
                        .maxItems(property.getMaxItems())
                        .minItems(property.getMinItems())
                        .maxLength(property.getMaxLength())
                        .minLength(property.getMinLength())
                        .pattern(property.getPattern())
                        .format(property.getFormat())
                        .examples(property.getExamples())
                        .uniqueItems(property.getUniqueItems())
                        .ref(property.getRef());
            }
            copies.put(name, copy);
        });
        return copies;
    }

    private static String name(Schema schema) {
        return schema == null || schema.getRef() == null
                ? null
                : schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An example in ApiExamples is not JSON", e);
        }
    }
}
