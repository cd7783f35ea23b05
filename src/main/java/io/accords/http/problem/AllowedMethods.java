package io.accords.http.problem;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jboss.resteasy.reactive.common.util.PathHelper;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * The methods a path accepts, for the {@code Allow} header that RFC 9110 requires on a 405, read from the routing
 * table Quarkus REST built from the resources' annotations and routes requests with: no list to keep up to date.
 */
final class AllowedMethods {

    private AllowedMethods() {}

    /** Whether the path would be routed if its last segment were a record id: then that segment is a bad id. */
    static boolean isRecordPathWithBadId(String path) {
        int slash = path == null ? -1 : path.lastIndexOf('/');
        return slash > 0
                && !at(path.substring(0, slash + 1) + "00000000-0000-0000-0000-000000000000")
                        .isEmpty();
    }

    /** The methods a request to this path (as sent, without query) would be routed for; empty when none. */
    static Set<String> at(String path) {
        Set<String> allowed = new TreeSet<>();
        routes(path, (method, resource) -> allowed.add(method));
        return allowed;
    }

    /** The media types the operation at this path and method answers in, as its {@code @Produces} lists them. */
    static Set<String> produced(String path, String httpMethod) {
        Set<String> types = new LinkedHashSet<>();
        routes(path, (method, resource) -> {
            if (method.equals(httpMethod) && resource.getProduces() != null) {
                for (MediaType type : resource.getProduces().getSortedOriginalMediaTypes()) {
                    types.add(type.getType() + "/" + type.getSubtype());
                }
            }
        });
        return types;
    }

    /** The media types the operation at this path and method reads, as its {@code @Consumes} lists them. */
    static Set<String> consumed(String path, String httpMethod) {
        Set<String> types = new LinkedHashSet<>();
        routes(path, (method, resource) -> {
            if (method.equals(httpMethod) && resource.getConsumes() != null) {
                resource.getConsumes().forEach(type -> types.add(type.getType() + "/" + type.getSubtype()));
            }
        });
        return types;
    }

    /** Each (method, resource method) the routing table holds for this path. */
    private static void routes(String path, BiConsumer<String, RuntimeResource> each) {
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        if (path == null || deployment == null) {
            return;
        }
        String relative = PathHelper.getPathWithoutPrefix(path, deployment.getPrefix());
        RequestMapper<InitialMatch> mapper = new RequestMapper<>(deployment.getClassMappers());
        for (var match = mapper.map(relative); match != null; match = mapper.continueMatching(relative, match)) {
            String remaining = match.remaining.isEmpty() ? "/" : match.remaining;
            for (ServerRestHandler handler : match.value.handlers) {
                if (handler instanceof ClassRoutingHandler routes) {
                    for (Map.Entry<String, RequestMapper<RuntimeResource>> byMethod :
                            routes.getMappers().entrySet()) {
                        var method = byMethod.getValue().map(remaining);
                        if (byMethod.getKey() != null && method != null && method.remaining.isEmpty()) {
                            each.accept(byMethod.getKey(), method.value);
                        }
                    }
                }
            }
        }
    }
}
