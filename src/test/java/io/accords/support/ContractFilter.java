package io.accords.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;

/**
 * Holds every answer a test receives through REST Assured to the committed contract ({@link Contract}): its status,
 * media type and body. Installed for every test with the default token ({@link Tokens}), so no endpoint escapes it.
 * A violation fails the request's test and is written to {@link Contract#REPORT}; with {@code -Dcontract.report-only}
 * it is only written, to list a whole run's violations at once.
 */
public final class ContractFilter implements Filter {

    static final ContractFilter INSTANCE = new ContractFilter();
    private static final boolean REPORT_ONLY = Boolean.getBoolean("contract.report-only");

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        judge(
                request.getMethod(),
                URI.create(request.getURI()).getRawPath(),
                response.statusCode(),
                response.contentType(),
                response.asString());
        return response;
    }

    /**
     * Holds one answer to the contract, as the filter does those REST Assured receives: for a test that sends its
     * requests otherwise ({@code ClearanceMatrixTest}'s, through the JDK's client, for speed).
     */
    public static void judge(String method, String path, int status, String contentType, String body) {
        judge(method, path, status, contentType, body, "");
    }

    /** As {@link #judge(String, String, int, String, String)}, saying how the request was made when it fails. */
    public static void judge(String method, String path, int status, String contentType, String body, String request) {
        List<String> violations = Contract.get().violations(method, path, status, contentType, body);
        if (!violations.isEmpty()) {
            String where = method + " " + path + (request.isEmpty() ? "" : " (" + request + ")") + " -> " + status;
            Contract.report(where, violations);
            if (!REPORT_ONLY) {
                throw new AssertionError("The answer to " + where + " breaks openapi/openapi.yaml: " + violations + "\n"
                        + abbreviated(body));
            }
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
