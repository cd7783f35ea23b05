package io.accords.openapi;

import io.accords.http.KnownQueryParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Gives every string, array and integer in the document the limit the service holds it to, so that gateways and
 * linters (Spectral's OWASP rules) can check what the code checks. The limits come from the code: a request field's
 * from its validation annotation (read by the OpenAPI scanner), and an answer's field from the request field of the
 * same name that fills it (a {@code Party}'s {@code name} is a {@code PartyInput}'s {@code name}). What no request
 * fills takes its limit from its type: a UUID is 36 characters, an instant at most 35, a date 10, an integer at least
 * 0 and at most its format's largest value.
 */
final class ContractLimits {

    static final int UUID_LENGTH = 36;
    static final int INSTANT_LENGTH = 35;
    static final int DATE_LENGTH = 10;
    /** The HTTP layer's largest request header (Quarkus' default {@code quarkus.http.limits.max-header-size}). */
    static final int HEADER_LENGTH = 20 * 1024;

    private ContractLimits() {}

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.values().forEach(schema -> referencesWithoutTypes(schema, schemas));
        Map<String, Schema> fromInputs = inputProperties(schemas);
        for (Map.Entry<String, Schema> schema : schemas.entrySet()) {
            limit(schema.getValue(), null, fromInputs, stem(schema.getKey()));
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getParameters() != null) {
                    for (Parameter parameter : operation.getParameters()) {
                        limit(parameter.getSchema(), parameter.getName(), Map.of(), "");
                        bound(parameter);
                    }
                }
            }
        }
    }

    /**
     * A property that refers to a component says nothing of its own type: the component says it. The scanner writes
     * one beside the reference (from {@code @Schema(examples)}, or its Java class's, {@code object}, for a partial date
     * Jackson writes as a string), and a generator then drops it with a warning; where the property may also be null
     * (a merge patch's), that is said as "the component, or null" ({@code anyOf}), since a type beside a reference
     * narrows it rather than widening it. A year given as an example of a text component ("2025") is text.
     */
    private static void referencesWithoutTypes(Schema schema, Map<String, Schema> schemas) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        for (Map.Entry<String, Schema> property :
                new ArrayList<>(schema.getProperties().entrySet())) {
            Schema value = property.getValue();
            Schema target = value;
            if (value.getType() != null
                    && value.getType().contains(Schema.SchemaType.ARRAY)
                    && value.getItems() != null) {
                target = value.getItems();
            }
            if (target.getRef() == null) {
                continue;
            }
            Schema referenced =
                    schemas.get(target.getRef().substring(target.getRef().lastIndexOf('/') + 1));
            if (target.getExamples() != null
                    && referenced != null
                    && referenced.getType() != null
                    && referenced.getType().contains(Schema.SchemaType.STRING)) {
                target.setExamples(target.getExamples().stream()
                        .map(example -> example instanceof Number ? (Object) example.toString() : example)
                        .toList());
            }
            if (target.getType() == null) {
                continue;
            }
            if (target == value && value.getType().contains(Schema.SchemaType.NULL)) {
                schema.addProperty(property.getKey(), ResponseMembers.orNull(value));
            } else {
                target.setType(null);
            }
        }
    }

    /**
     * A parameter's limits where its own declaration gives none: a query parameter's are those every query parameter
     * is held to ({@code KnownQueryParameters}), a header's the HTTP layer's largest header.
     */
    private static void bound(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || schema.getRef() != null) {
            return;
        }
        boolean query = parameter.getIn() == Parameter.In.QUERY;
        int longest = query ? KnownQueryParameters.MAX_LENGTH : HEADER_LENGTH;
        Schema value = schema;
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)) {
            if (schema.getMaxItems() == null) {
                schema.setMaxItems(KnownQueryParameters.MAX_VALUES);
            }
            value = schema.getItems();
        }
        if (value != null
                && value.getRef() == null
                && value.getType() != null
                && value.getType().contains(Schema.SchemaType.STRING)
                && value.getMaxLength() == null
                && value.getEnumeration() == null) {
            value.setMaxLength(longest);
        }
    }

    /**
     * The properties of every request schema ({@code …Input}), by stem and name, then by name alone; then, by name,
     * those of the other schemas requests carry (such as a relation's {@code source}).
     */
    private static Map<String, Schema> inputProperties(Map<String, Schema> schemas) {
        Map<String, Schema> byName = new LinkedHashMap<>();
        Map<String, Schema> byStemAndName = new HashMap<>();
        List<Map.Entry<String, Schema>> inputsFirst = new ArrayList<>(schemas.entrySet());
        inputsFirst.sort(Comparator.comparing(schema -> !schema.getKey().endsWith("Input")));
        for (Map.Entry<String, Schema> schema : inputsFirst) {
            if (schema.getValue().getProperties() == null) {
                continue;
            }
            for (Map.Entry<String, Schema> property :
                    schema.getValue().getProperties().entrySet()) {
                if (schema.getKey().endsWith("Input")) {
                    byStemAndName.put(stem(schema.getKey()) + "." + property.getKey(), property.getValue());
                }
                if (property.getValue().getMaxLength() != null
                        || property.getValue().getMaxItems() != null) {
                    byName.putIfAbsent(property.getKey(), property.getValue());
                }
            }
        }
        byName.putAll(byStemAndName);
        return byName;
    }

    private static String stem(String schemaName) {
        return schemaName.replaceFirst("(Input|Patch)$", "");
    }

    private static void limit(Schema schema, String name, Map<String, Schema> fromInputs, String stem) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getProperties() != null) {
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                limit(property.getValue(), property.getKey(), fromInputs, stem);
            }
        }
        Schema same = name == null ? null : fromInputs.get(stem + "." + name);
        Schema input = same != null || name == null ? same : fromInputs.get(name);
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.ARRAY)) {
            if (schema.getMaxItems() == null && input != null && input.getMaxItems() != null) {
                schema.setMaxItems(input.getMaxItems());
            }
            limit(schema.getItems(), null, Map.of(), stem);
            Schema items = schema.getItems();
            if (items != null && items.getRef() == null && input != null && input.getItems() != null) {
                copyScalar(input.getItems(), items, same != null);
            }
        } else if (input != null) {
            copyScalar(input, schema, same != null);
        }
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null) {
            String format = schema.getFormat() == null ? "" : schema.getFormat();
            switch (format) {
                case "uuid" -> schema.minLength(UUID_LENGTH).maxLength(UUID_LENGTH);
                case "date-time" -> schema.maxLength(INSTANT_LENGTH);
                case "date" -> schema.maxLength(DATE_LENGTH);
                default -> {
                    if (schema.getPattern() != null && schema.getPattern().contains("\\d{4}(-\\d{2}")) {
                        schema.maxLength(DATE_LENGTH);
                    }
                }
            }
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                boolean small = schema.getMaximum() != null
                        && schema.getMaximum().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
                schema.setFormat(small ? "int32" : "int64");
            }
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(
                        BigDecimal.valueOf("int32".equals(schema.getFormat()) ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
    }

    /** Copies a length, and the pattern too when the field is the same record's (a view of its own input). */
    private static void copyScalar(Schema from, Schema to, boolean sameRecord) {
        if (to.getMaxLength() == null && from.getMaxLength() != null) {
            to.setMaxLength(from.getMaxLength());
            if (to.getMinLength() == null) {
                to.setMinLength(from.getMinLength());
            }
        }
        if (sameRecord && to.getPattern() == null && from.getPattern() != null && to.getFormat() == null) {
            to.setPattern(from.getPattern());
        }
    }
}
