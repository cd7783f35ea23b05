package io.accords.http.problem;

/**
 * A path whose body the REST layer streams instead of reading it whole (a bulk file), declared by the feature that
 * serves it: {@link BodySizeGuard} holds it to its own limit rather than to {@link BodySizeGuard#LIMIT}.
 */
public interface StreamedBody {

    /** The request path, exactly, such as {@code /api/v1/imports}. */
    String path();

    /** The largest body that path accepts, in bytes. */
    long limit();
}
