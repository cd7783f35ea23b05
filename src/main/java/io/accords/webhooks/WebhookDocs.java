package io.accords.webhooks;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The OpenAPI 3.1 {@code webhooks} entry: what a subscription posts to its target, so that a receiver can be generated
 * and checked like any client: a CloudEvent, with the Standard Webhooks headers, answered with any 2xx.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class WebhookDocs implements OASFilter {

    static final String NAME = "change";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        agreementFilterLimits(openAPI);
        openAPI.addWebhook(
                NAME,
                OASFactory.createPathItem()
                        .POST(OASFactory.createOperation()
                                .operationId("receiveChange")
                                .summary("A change, posted to a subscription's target")
                                .description("Each change the subscription's owner may see, as a CloudEvent in"
                                        + " structured JSON, a record's changes one at a time in the order they were"
                                        + " made (up to 4 posts at once, each about another record), at least"
                                        + " once (a repeat has the same webhook-id). Verify webhook-signature before"
                                        + " trusting it: base64 of HMAC-SHA256, keyed with the secret's bytes (after"
                                        + " whsec_, base64), over webhook-id.webhook-timestamp.body. Answer 2xx within"
                                        + " 10 seconds; anything else is retried with growing delays, and 10 failures"
                                        + " in a row disable the subscription.")
                                .tags(java.util.List.of("Webhooks"))
                                // The receiver needs no token of ours: it checks webhook-signature with its secret.
                                .security(java.util.List.of(OASFactory.createSecurityRequirement()))
                                .parameters(java.util.List.of(
                                        header("webhook-id", "The change's id (the CloudEvent's id)", 64),
                                        header(
                                                "webhook-timestamp",
                                                "When this attempt was signed, in Unix seconds",
                                                20),
                                        header(
                                                "webhook-signature",
                                                "v1,<base64 signature>, one per secret in force, separated by spaces",
                                                200)))
                                .requestBody(OASFactory.createRequestBody()
                                        .required(true)
                                        .content(OASFactory.createContent()
                                                .addMediaType(
                                                        "application/cloudevents+json",
                                                        OASFactory.createMediaType()
                                                                .schema(OASFactory.createSchema()
                                                                        .ref("#/components/schemas/CloudEvent")))))
                                .responses(OASFactory.createAPIResponses()
                                        .addAPIResponse(
                                                "204",
                                                OASFactory.createAPIResponse()
                                                        .description("Received (any 2xx will do)")))));
    }

    private static Parameter header(String name, String description, int maxLength) {
        return OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.HEADER)
                .required(true)
                .description(description)
                .schema(OASFactory.createSchema()
                        .type(java.util.List.of(Schema.SchemaType.STRING))
                        .maxLength(maxLength));
    }

    /**
     * A subscription's agreement filters, a parameter's values under its name, bounded as the input is (the generator
     * does not read constraints inside a map's values).
     */
    private static void agreementFilterLimits(OpenAPI openAPI) {
        for (String schema : java.util.List.of("SubscriptionInput", "Subscription")) {
            Schema agreements = openAPI.getComponents()
                    .getSchemas()
                    .get(schema)
                    .getProperties()
                    .get("agreements");
            agreements
                    .maxProperties(SubscriptionInput.MAX_FILTERS)
                    .additionalPropertiesSchema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.ARRAY)
                            .maxItems(SubscriptionInput.MAX_VALUES)
                            .items(OASFactory.createSchema()
                                    .addType(Schema.SchemaType.STRING)
                                    .maxLength(SubscriptionInput.MAX_VALUE)));
        }
    }
}
