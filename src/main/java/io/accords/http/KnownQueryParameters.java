package io.accords.http;

import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
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

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

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
