package io.accords.http;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The addresses this service answers with ({@code Location}, {@code Link}, a feed's url), never built from the
 * request's {@code Host} header, which a client or a proxy chooses. With {@code accords.public-url} set (the address
 * users reach the service at, e.g. {@code https://accords.example.org}), they are absolute URLs under it; without it
 * they are absolute-path references ({@code /api/v1/…}), which HTTP clients resolve against the URL they asked.
 */
public final class PublicUrls {

    private static volatile Optional<String> base;

    private PublicUrls() {}

    /** The public address of a path of this service, such as {@code /api/v1/agreements/…}. */
    public static URI of(String path) {
        return URI.create(base().map(url -> url + path).orElse(path));
    }

    /** A builder for the request's own path and query, rooted at the public address. */
    public static UriBuilder request(UriInfo uri) {
        URI asked = uri.getRequestUri();
        String pathAndQuery = asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
        return UriBuilder.fromUri(of(pathAndQuery));
    }

    /** The request's path without its query, rooted at the public address. */
    public static UriBuilder path(UriInfo uri) {
        return UriBuilder.fromUri(of(uri.getRequestUri().getRawPath()));
    }

    private static Optional<String> base() {
        Optional<String> known = base;
        if (known == null) {
            known = ConfigProvider.getConfig()
                    .getOptionalValue("accords.public-url", String.class)
                    .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            base = known;
        }
        return known;
    }
}
