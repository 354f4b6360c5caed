package dev.kassa.pspmock.dispute;

import java.time.Instant;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.api.StripeErrorResponses;
import dev.kassa.pspmock.api.StripeForms;
import dev.kassa.pspmock.intent.OutcomeProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's dispute switches ({@code /admin/disputes}, OPERATOR): open a dispute on any succeeded charge, and
 * decide one at once, so that a test need not wait for a card network. Like the other switches they take no
 * idempotency key; repeating one is refused (already disputed, already closed) rather than done twice.
 */
@RestController
@RequestMapping("/admin/disputes")
@Tag(name = "Simulator: disputes", description = "Open a dispute on any succeeded charge, or decide one at once, so"
        + " that a test need not wait for a card network. An operator key with role OPERATOR.")
class DisputeAdminController {

    private static final String DEFAULT_REASON = "fraudulent";
    /** Any instant PostgreSQL and java.time both hold, with room to spare. */
    private static final long MAX_EPOCH_SECOND = 100_000_000_000L;
    private static final String ADMIN_BODY = "A JSON object (or the same as a form); only these fields.";

    private final DisputeService service;
    private final OutcomeProperties outcomes;
    private final ApiJson json;

    DisputeAdminController(DisputeService service, OutcomeProperties outcomes, ApiJson json) {
        this.service = service;
        this.outcomes = outcomes;
        this.json = json;
    }

    /**
     * Body: {@code {"payment_intent": "pi_…", "amount" (optional, minor units, at most what was charged and not
     * refunded; default all of it), "reason" (optional, Stripe's; default fraudulent), "evidence_due_by" (optional,
     * unix seconds, may be past; default psp.disputes.evidence-due-days ahead)}}. 201 with the dispute.
     */
    @PostMapping
    @Operation(operationId = "openDispute", summary = "Open a dispute on a succeeded charge",
            description = "The disputed amount and the dispute fee are withdrawn at once (balance transactions,"
                    + " `charge.dispute.created` and `charge.dispute.funds_withdrawn`). Not idempotent: a second call"
                    + " is refused (`charge_already_disputed`). 400 also `payment_intent_unexpected_state` (not"
                    + " succeeded), `charge_already_refunded`, `amount_too_large`; 404 for an unknown"
                    + " `payment_intent`.",
            requestBody = @RequestBody(description = ADMIN_BODY, content = {
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = OpenParams.class)),
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = OpenParams.class))}))
    @ApiResponse(responseCode = "201", description = "The Dispute, `needs_response`", content = @Content(
            schema = @Schema(implementation = Dispute.View.class)))
    @ApiResponse(responseCode = "404", description = "`invalid_request_error` `resource_missing`: no such"
            + " `payment_intent`", content = @Content(schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> open(HttpServletRequest http) {
        JsonRequest body = json.readRequest(http)
                .allowOnly(Set.of("payment_intent", "amount", "reason", "evidence_due_by"));
        String paymentIntent = body.requiredString("payment_intent");
        var amount = body.optionalAmount("amount", outcomes.maxAmount());
        String reason = body.optionalEnum("reason", Dispute.REASONS).orElse(DEFAULT_REASON);
        Instant dueBy = null;
        var dueBySecond = body.optionalSignedInteger("evidence_due_by");
        if (dueBySecond.isPresent()) {
            if (Math.abs(dueBySecond.getAsLong()) > MAX_EPOCH_SECOND) {
                throw ApiException.invalidRequest("parameter_invalid",
                        "evidence_due_by must be a unix time in seconds.", "evidence_due_by");
            }
            dueBy = Instant.ofEpochSecond(dueBySecond.getAsLong());
        }
        return service.openByOperator(paymentIntent, amount, reason, dueBy).toEntity();
    }

    /** Body: {@code {"outcome": "won"|"lost"}}. 200 with the closed dispute. */
    @PostMapping("/{id}/decide")
    @Operation(operationId = "decideDispute", summary = "Decide a dispute now: won or lost",
            description = "Closes an open dispute (`needs_response` or `under_review`) with the outcome given:"
                    + " `charge.dispute.closed`, and for a won one the disputed amount reinstated (a"
                    + " `dispute_reversal` balance transaction, `charge.dispute.funds_reinstated`). 400"
                    + " `dispute_already_closed` when it is closed.",
            requestBody = @RequestBody(description = ADMIN_BODY, content = {
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = Decision.class)),
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = Decision.class))}))
    @ApiResponse(responseCode = "200", description = "The closed Dispute", content = @Content(
            schema = @Schema(implementation = Dispute.View.class)))
    @ApiResponse(responseCode = "409", description = "`invalid_request_error` `dispute_unexpected_state`: it changed"
            + " while this request ran (retrieve it and try again)", content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
    ResponseEntity<String> decide(@Parameter(description = "The dispute (`dp_…`)") @PathVariable String id,
                                  HttpServletRequest http) {
        JsonRequest body = json.readRequest(http).allowOnly(Set.of("outcome"));
        String outcome = body.optionalEnum("outcome", Set.of(Dispute.WON, Dispute.LOST)).orElseThrow(() ->
                ApiException.invalidRequest("parameter_missing", "Missing required param: outcome (won or lost).",
                        "outcome"));
        return service.decide(id, outcome).toEntity();
    }

    /** {@code POST /admin/disputes}, as {@link #open} reads it (the document's only). */
    @Schema(name = "AdminDisputeOpenParams")
    record OpenParams(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A succeeded PaymentIntent")
                      String paymentIntent,
                      @Schema(description = "Minor units, at most what was charged and not refunded; default all of"
                              + " it") Long amount,
                      @Schema(description = "One of Stripe's dispute reasons", defaultValue = "fraudulent")
                      String reason,
                      @Schema(description = "Unix seconds, may be past; default `psp.disputes.evidence-due-days`"
                              + " ahead") Long evidenceDueBy) {
    }

    @Schema(name = "AdminDisputeDecision")
    record Decision(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {Dispute.WON, Dispute.LOST})
                    String outcome) {
    }
}
