package io.accords.http.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Accept as generated clients send it, read as RFC 9110 lets a server read it. A client that asks only for
 * {@code application/problem+json} (what generated clients send for an operation whose success has no body, or whose
 * body they cannot name) is saying how it reads refusals, not refusing every success: it gets the operation's answer
 * in the operation's own type. A client that asks for another JSON type of this API ({@code +json}) reads JSON: it
 * gets {@code application/json} rather than a 406. Refusals are problem details whatever was asked for.
 */
public class JsonAccept {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerRequestFilter(preMatching = true)
    public void widen(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.length() > 1024) {
            return;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        boolean onlyProblems = Arrays.stream(lower.split(","))
                .map(type -> type.split(";", 2)[0].strip())
                .allMatch(PROBLEM_JSON::equals);
        if (onlyProblems) {
            request.getHeaders().remove(HttpHeaders.ACCEPT);
        } else if (lower.contains("+json") && !lower.contains(MediaType.APPLICATION_JSON) && !lower.contains("*/*")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON + ";q=0.5");
        }
    }
}
