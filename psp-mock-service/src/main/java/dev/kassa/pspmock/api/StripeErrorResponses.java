package dev.kassa.pspmock.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The refusals every operation of this API can answer, documented once: the web module's problem details are off
 * here ({@code kassa.web.problem-details: false}), so its house refusals are not added, and these are Stripe's error
 * objects ({@link ApiException#body()}) with the statuses the filters, the security chain and
 * {@link ApiExceptionHandler} really answer. An operation's own refusals (402, 409, a 404 of a list's cursor) are
 * in its annotations, which win over these.
 */
@Component
public class StripeErrorResponses implements OpenApiCustomizer {

    /** Stripe's error object, the body of every refusal. */
    public static final String SCHEMA = "StripeError";
    public static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(SCHEMA, errorSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(operation -> addRefusals(path, operation)));
    }

    private static void addRefusals(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        boolean pspApi = path.startsWith("/v1/");
        boolean body = operation.getRequestBody() != null;
        boolean query = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
        List<String> invalid = new ArrayList<>();
        if (body) {
            invalid.add("a parameter is missing, malformed, unknown or out of range (`param` names it), or the body is"
                    + " neither a form nor a JSON object (`invalid_json`)");
        }
        if (pspApi && body) {
            invalid.add("no `Idempotency-Key` (`idempotency_key_missing`), or the key was first used with other"
                    + " parameters (`idempotency_error`)");
        }
        if (query) {
            invalid.add("a query parameter is unknown, malformed or out of range (`param` names it)");
        }
        if (path.contains("{date}")) {
            invalid.add("`date` is not a day as `yyyy-mm-dd` (`parameter_invalid`)");
        }
        invalid.add("a URL with `;` parameters or encoded dots (`request_url_rejected`)");
        add(responses, 400, "`invalid_request_error`: " + String.join("; ", invalid));
        add(responses, 401, "`invalid_request_error`: no `Authorization: Bearer` key (`api_key_missing`, with"
                + " `WWW-Authenticate: Bearer`) or an unknown one (`api_key_invalid`)");
        add(responses, 403, "`invalid_request_error` `forbidden`: "
                + (pspApi ? "only the PSP's secret key (`sk_…`) calls `/v1`; operator keys are refused"
                : "only operator keys (`opk_…`) call `/admin`, and only OPERATOR changes anything; the PSP's"
                + " secret key is refused"));
        if (path.contains("{id}")) {
            add(responses, 404, "`invalid_request_error` `resource_missing`: nothing with this id (`param` names it)");
        }
        if (body) {
            add(responses, 413, "`invalid_request_error` `request_too_large`: the body is larger than"
                    + " `kassa.web.max-body-bytes`");
        }
        add(responses, 429, "`rate_limit_error` `rate_limit`: too many requests with this key, or too many failed"
                + " authentications from this address; wait `Retry-After` seconds");
        add(responses, 500, "`api_error` `internal_error`: a fault of the simulator"
                + (!pspApi ? "" : ", or one injected by `/admin/faults` (`server_error_rate`: nothing was done"
                + (body ? "; `response_lost_rate`, `response_lost`: it WAS done; retry with the same `Idempotency-Key`"
                : "; retry") + ")"));
        add(responses, 503, "`api_error`: the instance is at its concurrency limit, or its database is busy or"
                + " unreachable (`service_unavailable`, `Stripe-Should-Retry: true`; nothing was done)"
                + (pspApi ? ", or an injected `service_unavailable` (`unavailable_rate`, `Retry-After: 1`)" : "")
                + "; the same request may be sent again");
    }

    private static void add(ApiResponses responses, int status, String description) {
        responses.computeIfAbsent(String.valueOf(status), code -> error(description + "."));
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(REF))));
    }

    /** What {@link ApiException#body()} writes. */
    private static Schema<?> errorSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("type", new StringSchema()._enum(List.of("api_error", "card_error", "idempotency_error",
                        "invalid_request_error", "rate_limit_error")).description("What kind of error; a client acts"
                        + " on it (and on the status): `card_error` is a decline, `api_error` may be retried"))
                .addProperty("code", nullable(new StringSchema()).description("The reason, e.g. `parameter_missing`,"
                        + " `card_declined`, `resource_missing`; null for an overloaded instance")
                        .example("card_declined"))
                .addProperty("message", new StringSchema().description("For a person to read"))
                .addProperty("param", nullable(new StringSchema()).description("The parameter (or header) at fault,"
                        + " e.g. `amount`, `metadata[order_id]`, `Idempotency-Key`; null when none is"))
                .addProperty("decline_code", new StringSchema().description("A card error's decline reason, e.g."
                        + " `insufficient_funds`").example("insufficient_funds"))
                .addProperty("charge", new StringSchema().description("A card error's failed charge (`ch_…`)"))
                .addProperty("payment_intent", new Schema<>().$ref("#/components/schemas/PaymentIntent")
                        .description("A card error's declined PaymentIntent, or the intent an"
                                + " `payment_intent_unexpected_state` refers to"))
                .required(List.of("type", "code", "message", "param"));
        error.setAdditionalProperties(false);
        Schema<?> body = new ObjectSchema()
                .description("Stripe's error object: every refusal of this API, `/admin` included. A client acts on"
                        + " the status, `type` and `code`, and shows `message` to a person.")
                .addProperty("error", error)
                .required(List.of("error"));
        body.setAdditionalProperties(false);
        body.setExample(Map.of("error", Map.of("type", "invalid_request_error", "code", "parameter_missing",
                "message", "Missing required param: amount.", "param", "amount")));
        return body;
    }

    private static Schema<?> nullable(Schema<?> schema) {
        // OpenAPI 3.1's way, as springdoc writes a nullable property: "type": ["string", "null"].
        schema.setTypes(new java.util.LinkedHashSet<>(List.of("string", "null")));
        schema.setType(null);
        return schema;
    }
}
