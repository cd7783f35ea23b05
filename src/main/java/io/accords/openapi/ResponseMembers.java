package io.accords.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;

/**
 * What an answer's members are, said the way the code writes them. Jackson writes every member of a record it
 * answers with, so each is {@code required}; one that can be null says so with {@code jakarta.annotation.Nullable} on
 * its record component, which this makes "its type, or null" (OpenAPI 3.1: {@code type: [string, "null"]}, or
 * {@code anyOf} with a reference). A member written only when it has a value ({@code @JsonInclude(NON_NULL)}, as
 * problem details' members) is neither required nor nullable. A schema that requests also carry (a relation, a claim)
 * keeps the members its requests may leave out optional, and is only widened to null.
 */
final class ResponseMembers {

    static final DotName NULLABLE = DotName.createSimple("jakarta.annotation.Nullable");
    private static final DotName JSON_INCLUDE = DotName.createSimple(JsonInclude.class.getName());
    private static final DotName SCHEMA =
            DotName.createSimple(org.eclipse.microprofile.openapi.annotations.media.Schema.class.getName());
    private static final String REF_PREFIX = "#/components/schemas/";

    private ResponseMembers() {}

    static void apply(OpenAPI openAPI, IndexView index) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> answered = new LinkedHashSet<>();
        Set<String> sent = new LinkedHashSet<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    reach(operation.getRequestBody().getContent(), schemas, sent);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response :
                            operation.getResponses().getAPIResponses().values()) {
                        reach(response.getContent(), schemas, answered);
                    }
                }
            }
        }
        Map<String, ClassInfo> classes = recordsBySchemaName(index);
        for (String name : answered) {
            ClassInfo type = classFor(name, classes);
            Schema schema = schemas.get(name);
            if (type == null || schema == null || schema.getProperties() == null) {
                continue;
            }
            boolean alsoSent = sent.contains(name);
            for (String member : new ArrayList<>(schema.getProperties().keySet())) {
                FieldInfo field = type.field(member);
                if (field == null || writtenOnlyWithValue(type, field)) {
                    continue;
                }
                if (!alsoSent
                        && (schema.getRequired() == null
                                || !schema.getRequired().contains(member))) {
                    schema.addRequired(member);
                }
                if (field.hasAnnotation(NULLABLE) || field.type().hasAnnotation(NULLABLE)) {
                    schema.addProperty(member, orNull(schema.getProperties().get(member)));
                }
            }
        }
    }

    /**
     * Gives each answer's example the members it leaves out that the answer would hold as null, as Jackson writes
     * them: an example shows what a client receives, and a validator holds it to the schema like any answer.
     */
    static void completeExamples(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (APIResponse response :
                        operation.getResponses().getAPIResponses().values()) {
                    if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
                        continue;
                    }
                    response.getContent().getMediaTypes().values().forEach(media -> {
                        if (media.getExamples() != null) {
                            media.getExamples()
                                    .values()
                                    .forEach(example -> complete(example.getValue(), media.getSchema(), schemas));
                        }
                    });
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void complete(Object value, Schema schema, Map<String, Schema> schemas) {
        Schema resolved = resolve(schema, schemas);
        if (resolved == null) {
            return;
        }
        if (value instanceof List<?> items && resolved.getItems() != null) {
            items.forEach(item -> complete(item, resolved.getItems(), schemas));
        } else if (value instanceof Map<?, ?> map && resolved.getProperties() != null) {
            Map<String, Object> members = (Map<String, Object>) map;
            if (resolved.getRequired() != null) {
                for (String required : resolved.getRequired()) {
                    Schema member = resolved.getProperties().get(required);
                    if (!members.containsKey(required) && member != null && nullable(member)) {
                        members.put(required, null);
                    }
                }
            }
            members.forEach(
                    (name, member) -> complete(member, resolved.getProperties().get(name), schemas));
        }
    }

    /** The schema a member's value is: the component it refers to, or the first of its non-null alternatives. */
    private static Schema resolve(Schema schema, Map<String, Schema> schemas) {
        if (schema == null) {
            return null;
        }
        if (schema.getRef() != null) {
            return schema.getRef().startsWith(REF_PREFIX)
                    ? resolve(schemas.get(schema.getRef().substring(REF_PREFIX.length())), schemas)
                    : null;
        }
        if (schema.getAnyOf() != null) {
            return schema.getAnyOf().stream()
                    .filter(s -> s.getType() == null || !s.getType().contains(Schema.SchemaType.NULL))
                    .findFirst()
                    .map(s -> resolve(s, schemas))
                    .orElse(null);
        }
        return schema;
    }

    private static boolean nullable(Schema member) {
        return (member.getType() != null && member.getType().contains(Schema.SchemaType.NULL))
                || (member.getAnyOf() != null
                        && member.getAnyOf().stream()
                                .anyMatch(
                                        s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL)));
    }

    /** Every component schema a body refers to, directly or through others. */
    private static void reach(Content content, Map<String, Schema> schemas, Set<String> found) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> reach(media.getSchema(), schemas, found));
    }

    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> found) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(REF_PREFIX)) {
            String name = schema.getRef().substring(REF_PREFIX.length());
            if (found.add(name)) {
                reach(schemas.get(name), schemas, found);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> reach(property, schemas, found));
        }
        reach(schema.getItems(), schemas, found);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (group != null) {
                group.forEach(member -> reach(member, schemas, found));
            }
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            reach(schema.getAdditionalPropertiesSchema(), schemas, found);
        }
    }

    /** The application's records by the name their schema takes: {@code @Schema(name)}, else the simple name. */
    private static Map<String, ClassInfo> recordsBySchemaName(IndexView index) {
        Map<String, ClassInfo> byName = new HashMap<>();
        for (ClassInfo type : index.getKnownClasses()) {
            if (!type.isRecord() || !type.name().toString().startsWith("io.accords.")) {
                continue;
            }
            AnnotationInstance schema = type.declaredAnnotation(SCHEMA);
            AnnotationValue name = schema == null ? null : schema.value("name");
            byName.put(name == null ? type.simpleName() : name.asString(), type);
        }
        return byName;
    }

    /** A generic record's schemas are named by the record and its arguments ({@code PageViewPartyView}). */
    private static ClassInfo classFor(String schemaName, Map<String, ClassInfo> classes) {
        ClassInfo exact = classes.get(schemaName);
        if (exact != null) {
            return exact;
        }
        return classes.entrySet().stream()
                .filter(entry -> !entry.getValue().typeParameters().isEmpty() && schemaName.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static boolean writtenOnlyWithValue(ClassInfo type, FieldInfo field) {
        AnnotationInstance include = field.annotation(JSON_INCLUDE);
        if (include == null) {
            include = type.declaredAnnotation(JSON_INCLUDE);
        }
        return include != null
                && include.value() != null
                && !include.value().asEnum().equals(JsonInclude.Include.ALWAYS.name());
    }

    /** The member's schema, or null. */
    static Schema orNull(Schema member) {
        if (member.getRef() != null) {
            return OASFactory.createSchema()
                    .description(member.getDescription())
                    .examples(member.getExamples())
                    .anyOf(List.of(
                            OASFactory.createSchema().ref(member.getRef()),
                            OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        }
        if (member.getAnyOf() != null) {
            boolean hasNull = member.getAnyOf().stream()
                    .anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL));
            if (!hasNull) {
                member.addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            }
            return member;
        }
        if (member.getType() != null && !member.getType().contains(Schema.SchemaType.NULL)) {
            member.addType(Schema.SchemaType.NULL);
        }
        if (member.getEnumeration() != null && !member.getEnumeration().contains(null)) {
            member.addEnumeration(null);
        }
        return member;
    }
}
