package io.accords.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Link header of a page, as clients read it: the request's own query kept, only page or after replaced. */
class PageLinksTest {

    @Test
    void aMiddlePageLinksFirstPrevNextAndLastKeepingEveryOtherParameterAsSent() {
        assertEquals(
                "</api/v1/agreements?sector=NAVAL&q=kf%2021&size=2&page=1>; rel=\"first\", "
                        + "</api/v1/agreements?sector=NAVAL&q=kf%2021&size=2&page=1>; rel=\"prev\", "
                        + "</api/v1/agreements?sector=NAVAL&q=kf%2021&size=2&page=3>; rel=\"next\", "
                        + "</api/v1/agreements?sector=NAVAL&q=kf%2021&size=2&page=5>; rel=\"last\"",
                PageLinks.header(
                        request("/api/v1/agreements?sector=NAVAL&page=2&q=kf%2021&size=2"),
                        page(2, 2, Total.exactly(9), null)));
    }

    @Test
    void aFirstPageWithoutAQueryLinksWithPageAlone() {
        assertEquals(
                "</api/v1/parties?page=1>; rel=\"first\", </api/v1/parties?page=2>; rel=\"next\", "
                        + "</api/v1/parties?page=2>; rel=\"last\"",
                PageLinks.header(request("/api/v1/parties"), page(1, 20, Total.exactly(21), null)));
    }

    @Test
    void aCursorPageLinksNextByItsCursorAndABoundedTotalHasNoLast() {
        assertEquals(
                "</api/v1/agreements?size=20&page=1>; rel=\"first\", "
                        + "</api/v1/agreements?size=20&after=bDF8fDIwMjQ>; rel=\"next\"",
                PageLinks.header(
                        request("/api/v1/agreements?after=b2xk&size=20&page=1"),
                        page(1, 20, Total.countedUpTo(10_001, 10_000), "bDF8fDIwMjQ")));
    }

    @Test
    void aLastPageOfABoundedTotalThatIsFullStillLinksANextPage() {
        assertEquals(
                "</api/v1/agreements?system=KF-21&page=1>; rel=\"first\", "
                        + "</api/v1/agreements?system=KF-21&page=499>; rel=\"prev\", "
                        + "</api/v1/agreements?system=KF-21&page=501>; rel=\"next\"",
                PageLinks.header(
                        request("/api/v1/agreements?system=KF-21&page=500&page=7"),
                        page(500, 20, Total.countedUpTo(10_001, 10_000), null)));
    }

    private static PageView<String> page(int number, int size, Total total, String next) {
        List<String> items = Collections.nCopies(size, "item");
        return PageView.of(items, new PageParams(number, size, List.of()), total)
                .at(number, next);
    }

    /** A request as JAX-RS hands it to a resource: only its URI is read; anything else asked of it fails the test. */
    private static UriInfo request(String pathAndQuery) {
        URI uri = URI.create("http://localhost:8080" + pathAndQuery);
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getRequestUri")) {
                        return uri;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
