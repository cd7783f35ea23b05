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
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();
    private static final Map<Method, Map<String, Integer>> LONGEST = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> known = DECLARED.computeIfAbsent(method, KnownQueryParameters::declared);
        List<FieldViolation> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .map(name -> new FieldViolation(
                        name,
                        "is not a parameter of this operation; "
                                + (known.isEmpty() ? "it takes none" : "it takes " + String.join(", ", known))))
                .toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        Map<String, Integer> longest = LONGEST.computeIfAbsent(method, KnownQueryParameters::longest);
        List<FieldViolation> oversized = new ArrayList<>();
        request.getUriInfo().getQueryParameters().forEach((name, values) -> {
            int limit = longest.getOrDefault(name, MAX_LENGTH);
            if (values.size() > MAX_VALUES) {
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
     * The query parameters of the method that declare their own longest value with {@code @Size} (a calendar token
     * is longer than {@link #MAX_LENGTH}); the OpenAPI document shows the same {@code maxLength}.
     */
    static Map<String, Integer> longest(Method method) {
        Map<String, Integer> longest = new java.util.HashMap<>();
        Annotation[][] parameters = method.getParameterAnnotations();
        for (Annotation[] annotations : parameters) {
            String name = null;
            Integer max = null;
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    name = query.value();
                } else if (annotation instanceof Size size) {
                    max = size.max();
                }
            }
            if (name != null && max != null) {
                longest.put(name, max);
            }
        }
        return longest;
    }

    static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        Annotation[][] parameters = method.getParameterAnnotations();
        for (int i = 0; i < parameters.length; i++) {
            for (Annotation annotation : parameters[i]) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                } else if (annotation instanceof BeanParam) {
                    for (Field field : method.getParameterTypes()[i].getFields()) {
                        QueryParam query = field.getAnnotation(QueryParam.class);
                        if (query != null) {
                            names.add(query.value());
                        }
                    }
                }
            }
        }
        for (Extension extension : method.getAnnotationsByType(Extension.class)) {
            if (extension.name().equals(QueryParameterTable.EXTENSION)) {
                QueryParameterTable.named(extension.value()).parameters().stream()
                        .map(QueryParameterTable.Documented::name)
                        .forEach(names::add);
            }
        }
        return names;
    }
}
