package io.accords.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Calendar clients subscribe to a URL and cannot send an Authorization header, so the calendar feed, and only it,
 * also takes the bearer token as the {@code access_token} query parameter (RFC 6750, section 2.3). The token is then
 * verified exactly as one sent in the header; a request that sends both uses the header. Everything else under
 * {@code /api} takes tokens only in the header.
 */
@ApplicationScoped
public class CalendarTokens {

    /** The one path that takes a token in its query. */
    public static final String PATH = "/api/v1/calendar";

    public static final String PARAMETER = "access_token";
    /** The longest token the parameter takes: a whole request line is at most 4,096 bytes. */
    public static final int MAX_LENGTH = 4096;

    void install(@Observes Router router) {
        router.route(PATH).order(Integer.MIN_VALUE).handler(context -> {
            String token = context.request().getParam(PARAMETER);
            if (token != null && !token.isBlank() && context.request().getHeader("Authorization") == null) {
                context.request().headers().set("Authorization", "Bearer " + token);
            }
            context.next();
        });
    }
}
