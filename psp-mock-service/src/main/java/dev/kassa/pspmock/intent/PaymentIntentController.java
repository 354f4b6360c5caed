package dev.kassa.pspmock.intent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiList;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.api.StripeErrorResponses;
import dev.kassa.pspmock.api.StripeForms;
import dev.kassa.pspmock.idempotency.IdempotentRequests;
import dev.kassa.pspmock.idempotency.RequestFingerprint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's PaymentIntents: create (with or without {@code confirm}), confirm, cancel, retrieve, list. */
@RestController
@Tag(name = "PaymentIntents", description = "Stripe's PaymentIntents: charge a test card at once (`confirm=true`) or"
        + " in two steps, cancel before the charge, retrieve and list. The PSP's secret key (`sk_…`) only.")
class PaymentIntentController {

    private static final Set<String> CONFIRM_PARAMETERS = Set.of("payment_method", "return_url", "expand");
    private static final Set<String> CANCELLATION_REASONS =
            Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");
    private static final String DECLINED = "`card_error`: the card was declined (`code` `card_declined`,"
            + " `expired_card`, `incorrect_cvc`, `processing_error`; `decline_code`), with the failed `charge` and the"
            + " `payment_intent`, now `requires_payment_method`; `payment_intent.payment_failed` is sent";

    private final PaymentIntentService service;
    private final PaymentIntents intents;
    private final IdempotentRequests idempotentRequests;
    private final OutcomeProperties outcomes;
    private final ApiJson json;

    PaymentIntentController(PaymentIntentService service, PaymentIntents intents,
                            IdempotentRequests idempotentRequests, OutcomeProperties outcomes, ApiJson json) {
        this.service = service;
        this.intents = intents;
        this.idempotentRequests = idempotentRequests;
        this.outcomes = outcomes;
        this.json = json;
    }

    @PostMapping("/v1/payment_intents")
    @Operation(operationId = "createPaymentIntent", summary = "Create a PaymentIntent",
            description = "With `confirm=true` and a `payment_method` the card is charged at once: `succeeded`, a"
                    + " decline (402), or `processing` for `tok_async` / `tok_asyncDeclined` (decided after"
                    + " `psp.outcomes.async-delay`). Without `confirm` the intent waits for"
                    + " `POST /v1/payment_intents/{id}/confirm`. Test tokens decide the outcome (`tok_visa` succeeds,"
                    + " `tok_chargeDeclined…` decline, `tok_createDispute…` succeed then are disputed); any other"
                    + " payment method succeeds with `psp.outcomes.success-probability`. Raw card numbers are refused."
                    + " Replayed as first answered (errors included) under the same `Idempotency-Key`.",
            requestBody = @RequestBody(description = StripeForms.BODY, content = {
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = CreateParams.class)),
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = CreateParams.class))}))
    @ApiResponse(responseCode = "200", description = "The PaymentIntent: `succeeded`, `processing`, or awaiting"
            + " confirmation", content = @Content(schema = @Schema(implementation = PaymentIntent.View.class)))
    @ApiResponse(responseCode = "402", description = DECLINED, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    @ApiResponse(responseCode = "409", description = StripeForms.KEY_IN_USE, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> create(@Parameter(description = StripeForms.IDEMPOTENCY_KEY, required = true)
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        CreatePaymentIntentRequest request = CreatePaymentIntentRequest.from(json.readRequest(http), outcomes.maxAmount());
        return idempotentRequests.execute(key, request.fingerprint(json), () -> service.create(request));
    }

    @PostMapping("/v1/payment_intents/{id}/confirm")
    @Operation(operationId = "confirmPaymentIntent", summary = "Confirm a PaymentIntent: charge it",
            description = "Charges an intent in `requires_confirmation` or `requires_payment_method` (after a"
                    + " decline too) with the `payment_method` given or the one it has; the outcome as at creation."
                    + " 400 `payment_intent_unexpected_state` (with the intent) in any other status, or without any"
                    + " payment method.",
            requestBody = @RequestBody(description = StripeForms.BODY, content = {
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = ConfirmParams.class)),
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = ConfirmParams.class))}))
    @ApiResponse(responseCode = "200", description = "The PaymentIntent: `succeeded` or `processing`",
            content = @Content(schema = @Schema(implementation = PaymentIntent.View.class)))
    @ApiResponse(responseCode = "402", description = DECLINED, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    @ApiResponse(responseCode = "409", description = StripeForms.KEY_IN_USE, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> confirm(@Parameter(description = "The PaymentIntent (`pi_…`)") @PathVariable String id,
                                   @Parameter(description = StripeForms.IDEMPOTENCY_KEY, required = true)
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                   HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        JsonRequest body = json.readRequest(http).allowOnly(CONFIRM_PARAMETERS);
        String paymentMethod = CreatePaymentIntentRequest.paymentMethod(body).orElse(null);
        body.optionalString("return_url");
        body.optionalStringList("expand");
        RequestFingerprint fingerprint = RequestFingerprint.of("POST /v1/payment_intents/{id}/confirm",
                id + "\n" + paymentMethod);
        return idempotentRequests.execute(key, fingerprint, () -> service.confirm(id, paymentMethod));
    }

    @PostMapping("/v1/payment_intents/{id}/cancel")
    @Operation(operationId = "cancelPaymentIntent", summary = "Cancel a PaymentIntent",
            description = "Only before it is charged (`requires_payment_method`, `requires_confirmation`), as Stripe"
                    + " allows for cards; otherwise 400 `payment_intent_unexpected_state` with the intent. Sends"
                    + " `payment_intent.canceled`.",
            requestBody = @RequestBody(description = StripeForms.BODY, content = {
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = CancelParams.class)),
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = CancelParams.class))}))
    @ApiResponse(responseCode = "200", description = "The canceled PaymentIntent",
            content = @Content(schema = @Schema(implementation = PaymentIntent.View.class)))
    @ApiResponse(responseCode = "409", description = StripeForms.KEY_IN_USE, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> cancel(@Parameter(description = "The PaymentIntent (`pi_…`)") @PathVariable String id,
                                  @Parameter(description = StripeForms.IDEMPOTENCY_KEY, required = true)
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        JsonRequest body = json.readRequest(http).allowOnly(Set.of("cancellation_reason", "expand"));
        String reason = body.optionalEnum("cancellation_reason", CANCELLATION_REASONS).orElse(null);
        body.optionalStringList("expand");
        RequestFingerprint fingerprint = RequestFingerprint.of("POST /v1/payment_intents/{id}/cancel",
                id + "\n" + reason);
        return idempotentRequests.execute(key, fingerprint, () -> service.cancel(id, reason));
    }

    @GetMapping("/v1/payment_intents")
    @Operation(operationId = "listPaymentIntents", summary = "List PaymentIntents, newest first",
            description = StripeForms.PAGING)
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = StripeForms.LIMIT,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(in = ParameterIn.QUERY, name = "starting_after", description = StripeForms.STARTING_AFTER,
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "ending_before", description = StripeForms.ENDING_BEFORE,
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "A page of PaymentIntents",
            content = @Content(schema = @Schema(implementation = PaymentIntentList.class)))
    @ApiResponse(responseCode = "404", description = StripeForms.CURSOR_MISSING, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> list(HttpServletRequest http) {
        JsonRequest query = JsonRequest.ofQuery(http.getQueryString()).allowOnly(ApiList.PAGING);
        ApiList.Paging paging = ApiList.Paging.from(query);
        paging.startingAfter().ifPresent(id -> requireExists(id, "starting_after"));
        paging.endingBefore().ifPresent(id -> requireExists(id, "ending_before"));
        List<PaymentIntent> rows = paging.endingBefore()
                .map(before -> intents.listNewer(before, paging.limit() + 1).reversed())
                .orElseGet(() -> intents.listOlder(paging.startingAfter().orElse(null), paging.limit() + 1));
        return json.render(200, ApiList.of("/v1/payment_intents", paging, rows, PaymentIntent::view)).toEntity();
    }

    private void requireExists(String id, String param) {
        if (!intents.existsById(id)) {
            throw ApiException.notFound("payment_intent", id, param);
        }
    }

    @GetMapping("/v1/payment_intents/{id}")
    @Operation(operationId = "retrievePaymentIntent", summary = "Retrieve a PaymentIntent")
    @ApiResponse(responseCode = "200", description = "The PaymentIntent",
            content = @Content(schema = @Schema(implementation = PaymentIntent.View.class)))
    ResponseEntity<String> show(@Parameter(description = "The PaymentIntent (`pi_…`)") @PathVariable String id) {
        PaymentIntent intent = intents.findById(id).orElseThrow(() -> ApiException.notFound("payment_intent", id, "id"));
        return json.render(200, intent.view()).toEntity();
    }

    /** {@code POST /v1/payment_intents}, as {@link CreatePaymentIntentRequest} reads it (the document's only). */
    @Schema(name = "PaymentIntentCreateParams", description = "Only these parameters: any other is refused"
            + " (`parameter_unknown`)")
    record CreateParams(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A positive integer in the currency's"
                    + " minor unit, at most `psp.outcomes.max-amount`", example = "2000") long amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO 4217, any case",
                    example = "eur") String currency,
            @Schema(description = "A test token or payment method (`tok_visa`, `pm_card_visa`, `tok_chargeDeclined`,"
                    + " `tok_async`, …); required with `confirm`", example = "tok_visa") String paymentMethod,
            @Schema(description = "Charge at once", defaultValue = "false") Boolean confirm,
            @Schema(description = "String values, up to 50 keys (40 characters) and 500-character values:"
                    + " `metadata[payment_order_id]=po_1`") Map<String, String> metadata,
            @Schema(description = "Accepted, not kept") String description,
            @Schema(description = "`card` only") List<String> paymentMethodTypes,
            @Schema(allowableValues = {"automatic", "automatic_async"}) String captureMethod,
            @Schema(allowableValues = "automatic") String confirmationMethod,
            @Schema(description = "Accepted and ignored (`automatic_payment_methods[enabled]=true`)")
            Map<String, Object> automaticPaymentMethods,
            @Schema(description = StripeForms.EXPAND) List<String> expand) {
    }

    @Schema(name = "PaymentIntentConfirmParams")
    record ConfirmParams(@Schema(description = "Replaces the intent's payment method", example = "tok_visa")
                         String paymentMethod,
                         @Schema(description = "Accepted and ignored (no redirects are simulated)") String returnUrl,
                         @Schema(description = StripeForms.EXPAND) List<String> expand) {
    }

    @Schema(name = "PaymentIntentCancelParams")
    record CancelParams(@Schema(allowableValues = {"duplicate", "fraudulent", "requested_by_customer", "abandoned"})
                        String cancellationReason,
                        @Schema(description = StripeForms.EXPAND) List<String> expand) {
    }

    /** The document's view of {@link ApiList#of} for PaymentIntents. */
    @Schema(name = "PaymentIntentList", description = "Stripe's list object")
    record PaymentIntentList(@Schema(allowableValues = "list") String object, List<PaymentIntent.View> data,
                             @Schema(description = StripeForms.HAS_MORE) boolean hasMore,
                             @Schema(example = "/v1/payment_intents") String url) {
    }
}
