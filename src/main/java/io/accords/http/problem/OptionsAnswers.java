package io.accords.http.problem;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code OPTIONS} on an API path answers 204 with the methods that path really accepts in {@code Allow}, read from the
 * same routing table as a 405's {@code Allow}; a path nothing is served at is a 404 problem. (Quarkus REST's own
 * answer lists every method of every resource sharing the path's prefix, some of which then answer 405.) CORS
 * preflights never get here: the CORS handler answers them first.
 */
public class OptionsAnswers {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> options(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Set<String> allowed = new TreeSet<>(AllowedMethods.at(path));
        if (allowed.isEmpty()) {
            return Optional.of(ProblemResponses.respond(ProblemType.NOT_FOUND.problem(
                    "Nothing is served at " + ProblemResponses.path(request.getUriInfo())
                            + "; the API lives under /api/v1",
                    ProblemResponses.path(request.getUriInfo()))));
        }
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        allowed.add(HttpMethod.OPTIONS);
        return Optional.of(Response.noContent().allow(allowed).build());
    }
}
