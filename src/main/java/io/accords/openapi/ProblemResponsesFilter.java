package io.accords.openapi;

import io.accords.http.problem.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.IndexView;

/**
 * Documents, on every operation, each error it can answer with, as {@code application/problem+json}: one rule here
 * rather than the same dozen annotations on every method.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private final IndexView index;

    public ProblemResponsesFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        QueryParameterDocs.expand(openAPI);
        Map<String, String> kindExamples = new HashMap<>();
        RecordKindDocs.document(openAPI, index, kindExamples);
        SuccessResponses.document(openAPI, index, kindExamples);
        ContractLimits.apply(openAPI);
        ResponseMembers.apply(openAPI, index);
        ResponseMembers.completeExamples(openAPI);
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue().getOperations().values().forEach(operation -> document(openAPI, operation));
        }
        RateLimitHeaders.document(openAPI);
        // "The server this document came from": Swagger UI calls the instance that serves it, a generated client is
        // given its base URL. The API is meant for callers outside the cluster too: x-internal says so to inventories.
        openAPI.setServers(List.of(OASFactory.createServer()
                .url("/")
                .description("The Accords instance that serves this document, in production, staging or local alike")
                .addExtension("x-internal", false)));
    }

    /**
     * Whether a problem's answer is the same on every operation, and so one shared response under
     * {@code components/responses} that operations refer to: all but a 400 (whose example names what the operation
     * reads), a 409 and a 408 (each operation's own words).
     */
    private static boolean shared(ProblemType problem) {
        return problem != ProblemType.INVALID_REQUEST
                && problem != ProblemType.CONFLICT
                && problem != ProblemType.REQUEST_TIMEOUT;
    }

    /** A shared problem response's name under {@code components/responses}: its type, as in its URI. */
    static String responseName(ProblemType problem) {
        StringBuilder name = new StringBuilder();
        for (String word : problem.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private void document(OpenAPI openAPI, Operation operation) {
        List<ProblemType> problems = new ArrayList<>(List.of(ProblemType.UNAUTHORIZED, ProblemType.FORBIDDEN));
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        // Every operation: a query parameter it does not take is refused by name, as is a request without Host or
        // with two Authorization headers.
        problems.add(ProblemType.INVALID_REQUEST);
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            problems.add(ProblemType.NOT_FOUND);
        }
        problems.add(ProblemType.NOT_ACCEPTABLE);
        if (operation.getResponses().hasAPIResponse("409")) {
            // Declared by the operation itself, which alone knows what can be in the way.
            problems.add(ProblemType.CONFLICT);
        }
        if (operation.getResponses().hasAPIResponse("408")) {
            problems.add(ProblemType.REQUEST_TIMEOUT); // an upload that may arrive too slowly says so itself
        }
        if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
            problems.add(ProblemType.PRECONDITION_FAILED);
            problems.add(ProblemType.PRECONDITION_REQUIRED);
        }
        if (parameters.stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()))) {
            problems.add(ProblemType.UNPROCESSABLE);
            if (!problems.contains(ProblemType.NOT_FOUND)) {
                problems.add(ProblemType.NOT_FOUND); // a replayed create whose record has since been deleted
            }
        }
        if (hasBody) {
            problems.add(ProblemType.PAYLOAD_TOO_LARGE);
            problems.add(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        }
        problems.add(ProblemType.TOO_MANY_REQUESTS);
        problems.add(ProblemType.SERVICE_UNAVAILABLE);
        problems.add(ProblemType.INTERNAL_ERROR);
        APIResponses responses = operation.getResponses();
        for (ProblemType problem : problems) {
            String status = String.valueOf(problem.status());
            APIResponse declared = responses.getAPIResponse(status);
            if (declared != null && declared.getContent() != null) {
                continue;
            }
            if (shared(problem)) {
                String name = responseName(problem);
                if (openAPI.getComponents().getResponses() == null
                        || !openAPI.getComponents().getResponses().containsKey(name)) {
                    openAPI.getComponents().addResponse(name, problemResponse(problem, operation, null));
                }
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
                continue;
            }
            responses.addAPIResponse(status, problemResponse(problem, operation, declared));
        }
    }

    /** A problem's answer, in {@code application/problem+json} with its example. */
    private static APIResponse problemResponse(ProblemType problem, Operation operation, APIResponse declared) {
        // A 409 or 408 keeps the operation's own words for what can be in the way or too slow.
        return (declared != null && (problem == ProblemType.CONFLICT || problem == ProblemType.REQUEST_TIMEOUT)
                        ? declared
                        : OASFactory.createAPIResponse().description(problem.title()))
                .content(problemContent(problem.name().toLowerCase(), example(problem, operation)));
    }

    /** A problem detail's content: {@code application/problem+json} of the Problem schema, with one named example. */
    static org.eclipse.microprofile.openapi.models.media.Content problemContent(String name, Object example) {
        return OASFactory.createContent()
                .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                                .addExample(name, OASFactory.createExample().value(example)));
    }

    /** The query parameters an operation takes, as the refusal of one it does not names them. */
    private static String queryNames(Operation operation) {
        List<String> names = operation.getParameters() == null
                ? List.of()
                : operation.getParameters().stream()
                        .filter(p -> p.getIn() == Parameter.In.QUERY)
                        .map(Parameter::getName)
                        .toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Map<String, Object> example(ProblemType problem, Operation operation) {
        String detail = switch (problem) {
            case INVALID_REQUEST ->
                operation.getRequestBody() != null
                        ? "title: must not be blank"
                        : "sise: is not a parameter of this operation; it takes " + queryNames(operation);
            case NOT_FOUND -> "No record has id 0c7d2a8e-4b1f-4e8a-9f0e-7a6b5c4d3e21";
            case NOT_ACCEPTABLE ->
                "This operation cannot answer in any of the types in Accept; it answers in application/json, and its"
                        + " refusals in application/problem+json";
            case CONFLICT ->
                operation.getOperationId().startsWith("delete")
                        ? "The record is still named by 1 agreement; see agreements"
                        : "A party named 'Korea Aerospace Industries' already exists in KR";
            case PRECONDITION_FAILED ->
                "The record is at version 3 (ETag \"3\"), but If-Match named version 2;"
                        + " read it again and reapply your change";
            case UNAUTHORIZED -> "Send a bearer token: Authorization: Bearer <JWT>";
            case FORBIDDEN -> "Your token's roles do not allow this; reading needs reader, writing editor";
            case UNPROCESSABLE -> "Idempotency-Key 'a1b2' was used with another body; use a new key for a new request";
            case PRECONDITION_REQUIRED -> "Send If-Match with the ETag of the version you read";
            case SERVICE_UNAVAILABLE ->
                "The database cannot be reached just now; nothing was written. Retry in a few" + " seconds";
            case REQUEST_TIMEOUT ->
                "The file arrived at 12 bytes a second, below the 1024 this service waits for; nothing was kept."
                        + " Send it again over a faster connection, or in smaller files";
            case PAYLOAD_TOO_LARGE -> "The body is larger than this service accepts";
            case TOO_MANY_REQUESTS ->
                "You have used the 600 requests per 60 seconds allowed to the reader role; try again in 12 seconds";
            case UNSUPPORTED_MEDIA_TYPE -> "Content-Type 'text/plain' is not accepted here; send application/json";
            default -> "The service failed to handle this request; it has been logged";
        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.uri());
        example.put("title", problem.title());
        example.put("status", problem.status());
        example.put("detail", detail);
        example.put("instance", "/api/v1/agreements");
        if (problem == ProblemType.INVALID_REQUEST && operation.getRequestBody() == null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", "sise");
            error.put("message", detail.substring("sise: ".length()));
            example.put("errors", List.of(error));
        }
        return example;
    }
}
