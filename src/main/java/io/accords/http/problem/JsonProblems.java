package io.accords.http.problem;

import static io.accords.http.problem.ProblemResponses.path;
import static io.accords.http.problem.ProblemResponses.respond;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bodies that are not JSON, or JSON of the wrong shape, and bodies or parameters that break a validation rule: a 400
 * that names each field in the client's terms, never a parser's class or setting.
 */
public class JsonProblems {

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        return respond(invalid(e.getConstraintViolations(), path(uri)));
    }

    /** Broken validation rules as a 400 problem naming each field in the client's terms. */
    public static Problem invalid(Set<? extends ConstraintViolation<?>> violations, String instance) {
        return invalidBelow(violations, null).toProblem(instance);
    }

    /**
     * The violations as a 400 naming each field as a client wrote it, below {@code prefix} when one is given (the
     * party a bulk import's row names: {@code parties[0].party}).
     */
    public static ProblemException invalidBelow(Set<? extends ConstraintViolation<?>> violations, String prefix) {
        List<FieldViolation> errors = violations.stream()
                .map(v -> new FieldViolation(prefix == null ? fieldOf(v) : prefix + "." + fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .distinct()
                .toList();
        return ProblemException.invalid(errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    /** Quarkus' own Jackson mapper for this type answers with an empty body; this one says which field is wrong. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    public static Problem jsonProblem(JsonProcessingException e, String instance) {
        JsonProcessingException syntax = syntaxError(e);
        if (syntax == null && e instanceof JsonMappingException mapping) {
            return ProblemException.invalid(fieldPath(mapping), describe(mapping))
                    .toProblem(instance);
        }
        e = syntax == null ? e : syntax;
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return ProblemType.MALFORMED_JSON.problem(
                "The body is not well-formed JSON: " + plain(e.getOriginalMessage()) + where, instance);
    }

    /** Where a parser's message stops speaking of the body and starts speaking of the parser's own settings. */
    private static final Pattern PARSER_INTERNALS = Pattern.compile(
            "\\s*(\\(for |, from `|: enable `|\\(not recognized as one since|\\(through reference chain)|\\s*at \\[Source");

    private static final Pattern CODE_NAMES = Pattern.compile(
            "`[^`]*`|\\b[a-z]+(\\.[a-z]\\w*)+\\.[A-Z][\\w$]*\\b" + "|\\b[A-Z]\\w*(\\.[A-Za-z_]\\w*)*\\.\\w+\\(\\)");

    /**
     * A parser's message in the user's terms: without what it says about its own configuration (which setting would
     * allow this, which constraint class set the limit) and without class or method names.
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        java.util.regex.Matcher internals = PARSER_INTERNALS.matcher(message);
        String body = internals.find() ? message.substring(0, internals.start()) : message;
        String plain = CODE_NAMES
                .matcher(body)
                .replaceAll("a value")
                .replaceAll("\\s+", " ")
                .strip();
        return plain.chars().filter(c -> c == '(').count()
                        > plain.chars().filter(c -> c == ')').count()
                ? plain + ")"
                : plain;
    }

    /** The error that makes the body not JSON at all, as opposed to JSON of the wrong shape; null if none. */
    private static JsonProcessingException syntaxError(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException parse) {
                return parse;
            }
        }
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Trailing token") ? e : null;
    }

    /** A violation's path as a client wrote it: {@code parties[0].role}, or a parameter's name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = String.valueOf(unknown.getPropertyName());
            return setByService(unknown.getReferringClass(), name)
                    ? "is set by the service and cannot be sent"
                    : "is not a field of this resource";
        }
        if (e instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of "
                    + Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "))
                    + ", not '" + invalid.getValue() + "'";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describeType(mismatch.getTargetType());
        }
        return "cannot be read: " + plain(e.getOriginalMessage());
    }

    /** Whether the field is one the service sets: in the record read back after writing this input, not in the input. */
    private static boolean setByService(Class<?> input, String field) {
        ReadBackAs readBack = input == null ? null : input.getAnnotation(ReadBackAs.class);
        return readBack != null
                && Arrays.stream(readBack.value().getRecordComponents())
                        .anyMatch(component -> component.getName().equals(field));
    }

    private static String describeType(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
