package dev.kassa.pspmock.refund;

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
import dev.kassa.pspmock.intent.OutcomeProperties;
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

/** Stripe's Refunds: create, retrieve, list. */
@RestController
@Tag(name = "Refunds", description = "Stripe's Refunds of a succeeded payment, whole or in part. The PSP's secret key"
        + " (`sk_…`) only.")
class RefundController {

    /** {@link ApiList#PAGING} and the filters. */
    private static final Set<String> LIST_PARAMETERS =
            Set.of("limit", "starting_after", "ending_before", "expand", "payment_intent", "charge");

    private final RefundService service;
    private final Refunds refunds;
    private final IdempotentRequests idempotentRequests;
    private final OutcomeProperties outcomes;
    private final ApiJson json;

    RefundController(RefundService service, Refunds refunds, IdempotentRequests idempotentRequests,
                     OutcomeProperties outcomes, ApiJson json) {
        this.service = service;
        this.refunds = refunds;
        this.idempotentRequests = idempotentRequests;
        this.outcomes = outcomes;
        this.json = json;
    }

    @PostMapping("/v1/refunds")
    @Operation(operationId = "createRefund", summary = "Refund a payment",
            description = "Refunds a succeeded PaymentIntent (by `payment_intent`, or its `charge`), by default all"
                    + " that is not refunded yet. `succeeded` at once, or `pending` for `tok_async` and"
                    + " `tok_refundFail` payments (then `succeeded` or `failed`). 400"
                    + " `payment_intent_unexpected_state` (not succeeded), `charge_disputed` (a dispute holds the"
                    + " funds), `charge_already_refunded`, `amount_too_large`; 404 `resource_missing` for an unknown"
                    + " payment.",
            requestBody = @RequestBody(description = StripeForms.BODY, content = {
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = CreateParams.class)),
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = CreateParams.class))}))
    @ApiResponse(responseCode = "200", description = "The Refund", content = @Content(
            schema = @Schema(implementation = Refund.View.class)))
    @ApiResponse(responseCode = "404", description = "`invalid_request_error` `resource_missing`: no such"
            + " `payment_intent` or `charge` (`param` says which)", content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    @ApiResponse(responseCode = "409", description = StripeForms.KEY_IN_USE, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> create(@Parameter(description = StripeForms.IDEMPOTENCY_KEY, required = true)
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  HttpServletRequest http) {
        IdempotentRequests.requireValidKey(key);
        CreateRefundRequest request = CreateRefundRequest.from(json.readRequest(http), outcomes.maxAmount());
        return idempotentRequests.execute(key, request.fingerprint(json), () -> service.create(request));
    }

    /** {@code GET /v1/refunds[?payment_intent=|charge=][&limit=][&starting_after=|ending_before=]}, newest first. */
    @GetMapping("/v1/refunds")
    @Operation(operationId = "listRefunds", summary = "List refunds, newest first", description = StripeForms.PAGING)
    @Parameter(in = ParameterIn.QUERY, name = "payment_intent", description = "Only this payment's refunds",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "charge", description = "Only this charge's refunds (when no"
            + " `payment_intent` is given)",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = StripeForms.LIMIT,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(in = ParameterIn.QUERY, name = "starting_after", description = StripeForms.STARTING_AFTER,
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "ending_before", description = StripeForms.ENDING_BEFORE,
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "A page of refunds", content = @Content(
            schema = @Schema(implementation = RefundList.class)))
    @ApiResponse(responseCode = "404", description = StripeForms.CURSOR_MISSING, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> list(HttpServletRequest http) {
        JsonRequest query = JsonRequest.ofQuery(http.getQueryString()).allowOnly(LIST_PARAMETERS);
        ApiList.Paging paging = ApiList.Paging.from(query);
        String paymentIntent = query.optionalString("payment_intent")
                .or(() -> query.optionalString("charge").map(charge -> charge.startsWith("ch_")
                        ? "pi_" + charge.substring(3) : charge))
                .orElse(null);
        paging.startingAfter().ifPresent(id -> requireExists(id, "starting_after"));
        paging.endingBefore().ifPresent(id -> requireExists(id, "ending_before"));
        List<Refund> rows = paging.endingBefore()
                .map(before -> refunds.listNewer(paymentIntent, before, paging.limit() + 1).reversed())
                .orElseGet(() -> refunds.listOlder(paymentIntent, paging.startingAfter().orElse(null),
                        paging.limit() + 1));
        return json.render(200, ApiList.of("/v1/refunds", paging, rows, Refund::view)).toEntity();
    }

    private void requireExists(String id, String param) {
        if (!refunds.existsById(id)) {
            throw ApiException.notFound("refund", id, param);
        }
    }

    @GetMapping("/v1/refunds/{id}")
    @Operation(operationId = "retrieveRefund", summary = "Retrieve a refund")
    @ApiResponse(responseCode = "200", description = "The Refund", content = @Content(
            schema = @Schema(implementation = Refund.View.class)))
    ResponseEntity<String> show(@Parameter(description = "The refund (`re_…`)") @PathVariable String id) {
        Refund refund = refunds.findById(id).orElseThrow(() -> ApiException.notFound("refund", id, "id"));
        return json.render(200, refund.view()).toEntity();
    }

    /** {@code POST /v1/refunds}, as {@link CreateRefundRequest} reads it (the document's only). */
    @Schema(name = "RefundCreateParams", description = "One of `payment_intent` and `charge`; no other parameter")
    record CreateParams(@Schema(example = "pi_3MtwBwLkdIwHu7ix28a3tqPa") String paymentIntent,
                        @Schema(description = "The payment's charge (`ch_…`), instead of `payment_intent`")
                        String charge,
                        @Schema(description = "A positive integer in minor units; default all that is not refunded yet")
                        Long amount,
                        @Schema(allowableValues = {"duplicate", "fraudulent", "requested_by_customer"}) String reason,
                        @Schema(description = "String values: `metadata[reason_code]=rc_1`")
                        Map<String, String> metadata,
                        @Schema(description = StripeForms.EXPAND) List<String> expand) {
    }

    /** The document's view of {@link ApiList#of} for refunds. */
    @Schema(name = "RefundList", description = "Stripe's list object")
    record RefundList(@Schema(allowableValues = "list") String object, List<Refund.View> data,
                      @Schema(description = StripeForms.HAS_MORE) boolean hasMore,
                      @Schema(example = "/v1/refunds") String url) {
    }
}
