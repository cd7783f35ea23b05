package io.accords.http;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 8288 {@code Link} header (first, prev, next, last) for a page, keeping every other query parameter. The
 * links go in one header field, comma-separated, which every HTTP client reads whole.
 */
public final class PageLinks {

    private PageLinks() {}

    public static String header(UriInfo uri, PageView<?> page) {
        return String.join(", ", of(uri, page).stream().map(Link::toString).toList());
    }

    static List<Link> of(UriInfo uri, PageView<?> page) {
        List<Link> links = new ArrayList<>(4);
        long last = Math.max(1, page.totalPages());
        links.add(link(uri, 1, "first"));
        if (page.page() > 1) {
            links.add(link(uri, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.nextCursor() != null) {
            links.add(Link.fromUriBuilder(PublicUrls.request(uri)
                            .replaceQueryParam("page")
                            .replaceQueryParam("after", page.nextCursor()))
                    .rel("next")
                    .build());
        } else if (page.page() < last || (page.bounded() && page.items().size() == page.size())) {
            links.add(link(uri, page.page() + 1, "next"));
        }
        if (!page.bounded()) {
            // When the count stopped at its bound, the last page is unknown.
            links.add(link(uri, last, "last"));
        }
        return links;
    }

    private static Link link(UriInfo uri, long page, String rel) {
        return Link.fromUriBuilder(
                        PublicUrls.request(uri).replaceQueryParam("after").replaceQueryParam("page", page))
                .rel(rel)
                .build();
    }
}
