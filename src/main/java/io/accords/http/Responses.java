package io.accords.http;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Responses that carry records: a page with its links, one record always with its ETag, a new one with its Location.
 * Addresses come from {@link PublicUrls}, never from the request's Host.
 */
public final class Responses {

    private Responses() {}

    /** A page of a collection, with its {@code Link} header. */
    public static <T> RestResponse<PageView<T>> page(UriInfo uri, PageView<T> page) {
        return RestResponse.ResponseBuilder.ok(page)
                .header("Link", PageLinks.header(uri, page))
                .build();
    }

    public static <T extends Versioned> RestResponse<T> ok(T record) {
        return RestResponse.ResponseBuilder.ok(record)
                .tag(Versions.entityTag(record.version()))
                .build();
    }

    /** A create's answer; a replay of an earlier one says so in {@code Idempotent-Replayed: true}. */
    public static <T extends Versioned> RestResponse<T> created(UriInfo uri, T record, boolean replayed) {
        RestResponse.ResponseBuilder<T> created = RestResponse.ResponseBuilder.<T>create(RestResponse.Status.CREATED)
                .header(
                        "Location",
                        PublicUrls.path(uri).path(record.id().toString()).build())
                .entity(record)
                .tag(Versions.entityTag(record.version()));
        if (replayed) {
            created.header("Idempotent-Replayed", "true");
        }
        return created.build();
    }
}
