package io.accords.http;

import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the matched operation does not declare (a 400 naming it), so a misspelt filter is never
 * silently ignored. What each operation declares is read from its own {@code @QueryParam}s and those of its
 * {@code @BeanParam} classes, and from the table its {@link QueryParameterTable} extension names: no list to keep up
 * to date.
 */
public class KnownQueryParameters {

    /** The most times a query parameter may be given. */
    public static final int MAX_VALUES = 20;
    /** The longest value a query parameter may have. */
    public static final int MAX_LENGTH = 512;

    /** Each operation's query parameters, by name, with the longest value each takes. */
    private static final Map<Method, SortedMap<String, Integer>> DECLARED = new ConcurrentHashMap<>();

    /** Each operation's query parameters that take one value (a text or number, not a list). */
    private static final Map<Method, Set<String>> SINGLE = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        SortedMap<String, Integer> known = DECLARED.computeIfAbsent(method, KnownQueryParameters::declared);
        List<FieldViolation> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !known.containsKey(name))
                .sorted()
                .map(name -> new FieldViolation(
                        name,
                        "is not a parameter of this operation; "
                                + (known.isEmpty()
                                        ? "it takes none"
                                        : "it takes " + String.join(", ", known.keySet()))))
                .toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        List<FieldViolation> oversized = new ArrayList<>();
        Set<String> single = SINGLE.computeIfAbsent(method, KnownQueryParameters::singleValued);
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            int limit = known.get(name);
            if (values.size() > 1 && single.contains(name)) {
                oversized.add(
                        new FieldViolation(name, "takes one value, but was given " + values.size() + "; send it once"));
            } else if (values.size() > MAX_VALUES) {
                oversized.add(new FieldViolation(
                        name,
                        "is repeated " + values.size() + " times; at most " + MAX_VALUES + " values are allowed"));
            } else if (values.stream().anyMatch(value -> value.length() > limit)) {
                oversized.add(new FieldViolation(name, "must be at most " + limit + " characters"));
            }
        });
        if (!oversized.isEmpty()) {
            throw ProblemException.invalid(oversized);
        }
    }

    /**
     * The query parameters the method declares, each with the longest value it takes: {@link #MAX_LENGTH}, unless a
     * text parameter of the method declares its own with {@code @Size} (a calendar token is longer); the OpenAPI
     * document shows the same {@code maxLength}.
     */
    static SortedMap<String, Integer> declared(Method method) {
        SortedMap<String, Integer> names = new TreeMap<>();
        Annotation[][] parameters = method.getParameterAnnotations();
        for (int i = 0; i < parameters.length; i++) {
            for (Annotation annotation : parameters[i]) {
                if (annotation instanceof QueryParam query) {
                    names.put(query.value(), longest(parameters[i], method.getParameterTypes()[i]));
                } else if (annotation instanceof BeanParam) {
                    for (Field field : method.getParameterTypes()[i].getFields()) {
                        QueryParam query = field.getAnnotation(QueryParam.class);
                        if (query != null) {
                            names.put(query.value(), MAX_LENGTH);
                        }
                    }
                }
            }
        }
        for (Extension extension : method.getAnnotationsByType(Extension.class)) {
            if (extension.name().equals(QueryParameterTable.EXTENSION)) {
                QueryParameterTable.named(extension.value()).parameters().stream()
                        .map(QueryParameterTable.Documented::name)
                        .forEach(name -> names.put(name, MAX_LENGTH));
            }
        }
        return names;
    }

    /** The query parameters of the method that take one value: declared as anything but a collection. */
    static Set<String> singleValued(Method method) {
        Set<String> single = new TreeSet<>();
        Annotation[][] parameters = method.getParameterAnnotations();
        for (int i = 0; i < parameters.length; i++) {
            for (Annotation annotation : parameters[i]) {
                if (annotation instanceof QueryParam query
                        && !Collection.class.isAssignableFrom(method.getParameterTypes()[i])) {
                    single.add(query.value());
                } else if (annotation instanceof BeanParam) {
                    for (Field field : method.getParameterTypes()[i].getFields()) {
                        QueryParam query = field.getAnnotation(QueryParam.class);
                        if (query != null && !Collection.class.isAssignableFrom(field.getType())) {
                            single.add(query.value());
                        }
                    }
                }
            }
        }
        for (Extension extension : method.getAnnotationsByType(Extension.class)) {
            if (extension.name().equals(QueryParameterTable.EXTENSION)) {
                QueryParameterTable.named(extension.value()).parameters().stream()
                        .filter(parameter -> !parameter.repeatable())
                        .map(QueryParameterTable.Documented::name)
                        .forEach(single::add);
            }
        }
        return single;
    }

    private static int longest(Annotation[] annotations, Class<?> type) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Size size && type == String.class) {
                return size.max();
            }
        }
        return MAX_LENGTH;
    }
}
