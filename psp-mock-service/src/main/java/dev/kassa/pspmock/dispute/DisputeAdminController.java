package dev.kassa.pspmock.dispute;

import java.time.Instant;
import java.util.Set;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.intent.OutcomeProperties;
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
class DisputeAdminController {

    private static final String DEFAULT_REASON = "fraudulent";
    /** Any instant PostgreSQL and java.time both hold, with room to spare. */
    private static final long MAX_EPOCH_SECOND = 100_000_000_000L;

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
    ResponseEntity<String> decide(@PathVariable String id, HttpServletRequest http) {
        JsonRequest body = json.readRequest(http).allowOnly(Set.of("outcome"));
        String outcome = body.optionalEnum("outcome", Set.of(Dispute.WON, Dispute.LOST)).orElseThrow(() ->
                ApiException.invalidRequest("parameter_missing", "Missing required param: outcome (won or lost).",
                        "outcome"));
        return service.decide(id, outcome).toEntity();
    }
}
