package dev.kassa.payment.dispute;

import dev.kassa.payment.access.Ownership;
import dev.kassa.payment.audit.AuditAction;
import dev.kassa.payment.audit.AuditTrail;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspDispute;
import dev.kassa.payment.psp.PspRejectedException;
import dev.kassa.payment.psp.PspRetryableException;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import dev.kassa.web.security.KassaActor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The merchant's side of a dispute: reading it, answering with evidence, or accepting it. The PSP is asked first,
 * with no transaction held (an idempotency key per answer makes asking again harmless); what it answered is then
 * recorded with its audit row in one transaction, by a guarded update. The PSP's webhooks report the same change
 * too; whichever comes first moves the dispute, the other changes nothing.
 */
@Service
class DisputeService {

    static final int MAX_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(DisputeService.class);

    private final Disputes disputes;
    private final PaymentOrders orders;
    private final PspClient psp;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    DisputeService(Disputes disputes, PaymentOrders orders, PspClient psp, AuditTrail audit,
                   TransactionTemplate transactions) {
        this.disputes = disputes;
        this.orders = orders;
        this.psp = psp;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The caller's disputes (an operator's: every merchant's), newest first, of one status when given. */
    List<DisputeView> list(String status, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw KassaProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (status != null && !List.of("NEEDS_RESPONSE", "UNDER_REVIEW", "WON", "LOST", "ACCEPTED").contains(status)) {
            throw KassaProblem.invalid("status", "must be NEEDS_RESPONSE, UNDER_REVIEW, WON, LOST or ACCEPTED");
        }
        KassaActor caller = KassaActor.required();
        return disputes.findNewestFirst(caller.isMerchant() ? caller.merchantId() : null, status, limit).stream()
                .map(DisputeView::of).toList();
    }

    DisputeView get(String disputeId) {
        return DisputeView.of(visible(disputeId));
    }

    /**
     * Sends the evidence to the PSP (submitted, or only staged), then records who did.
     *
     * @throws KassaProblem 404 unknown, 409 when the dispute no longer takes evidence (answered, closed, past its
     *                      due date) or the PSP refuses it, 503 when the PSP cannot be reached
     */
    DisputeView submitEvidence(String disputeId, EvidenceRequest request) {
        Dispute dispute = visible(disputeId);
        if (dispute.status() != DisputeStatus.NEEDS_RESPONSE) {
            throw KassaProblem.conflict("status", "evidence is taken while a dispute NEEDS_RESPONSE; this one is "
                    + dispute.status());
        }
        if (dispute.evidenceDueBy() != null && !dispute.evidenceDueBy().isAfter(Instant.now(clock))) {
            throw KassaProblem.conflict("evidence_due_by", "passed at " + dispute.evidenceDueBy());
        }
        Map<String, String> evidence = new TreeMap<>(request.evidence());
        // The same evidence sent again is the same request at the PSP, which replays its first answer.
        String key = "dispute-evidence:" + disputeId + ":" + fingerprint(evidence + "|" + request.submitNow());
        PspDispute answer = atPsp(() -> psp.updateDispute(disputeId, evidence, request.submitNow(), key));
        // Staged evidence leaves it NEEDS_RESPONSE; anything further (a decision already) is the webhooks' to record.
        DisputeStatus next = DisputeStatus.ofPsp(answer.status()) == DisputeStatus.NEEDS_RESPONSE
                ? DisputeStatus.NEEDS_RESPONSE : DisputeStatus.UNDER_REVIEW;
        String actor = KassaActor.required().id();
        return transactions.execute(status -> {
            Dispute changed = disputes.evidenceSubmitted(disputeId, next.name(), actor).orElse(dispute);
            orders.recordDisputeStatus(changed.paymentOrderId(), changed.status().name());
            audit.record(AuditAction.DISPUTE_EVIDENCE_SUBMITTED, disputeId, changed.merchantId(),
                    (request.submitNow() ? "submitted: " : "staged: ") + String.join(", ", evidence.keySet()));
            try (PaymentMdc mdc = PaymentMdc.of(null, changed.paymentOrderId())) {
                log.info("Dispute {}: evidence {} by {}; now {}", disputeId,
                        request.submitNow() ? "submitted" : "staged", actor, changed.status());
            }
            return DisputeView.of(changed);
        });
    }

    /**
     * The merchant concedes: the PSP closes the dispute (lost), and it is recorded as ACCEPTED.
     *
     * @throws KassaProblem 404 unknown, 409 unless it NEEDS_RESPONSE (or the PSP refuses), 503 PSP unreachable
     */
    DisputeView accept(String disputeId) {
        Dispute dispute = visible(disputeId);
        if (dispute.status() != DisputeStatus.NEEDS_RESPONSE && dispute.status() != DisputeStatus.ACCEPTED) {
            throw KassaProblem.conflict("status", "only a dispute that NEEDS_RESPONSE can be accepted; this one is "
                    + dispute.status());
        }
        if (dispute.status() == DisputeStatus.ACCEPTED) {
            return DisputeView.of(dispute);
        }
        atPsp(() -> psp.closeDispute(disputeId, "dispute-accept:" + disputeId));
        String actor = KassaActor.required().id();
        return transactions.execute(status -> {
            Dispute changed = disputes.accepted(disputeId, actor).orElseGet(() -> disputes.findById(disputeId).orElseThrow());
            orders.recordDisputeStatus(changed.paymentOrderId(), changed.status().name());
            audit.record(AuditAction.DISPUTE_ACCEPTED, disputeId, changed.merchantId(),
                    changed.amountMinor() + " minor " + changed.currency() + " conceded");
            try (PaymentMdc mdc = PaymentMdc.of(null, changed.paymentOrderId())) {
                log.info("Dispute {} accepted by {}: now {}", disputeId, actor, changed.status());
            }
            return DisputeView.of(changed);
        });
    }

    /** The dispute if the caller may see it; another merchant's is answered as an unknown one. */
    private Dispute visible(String disputeId) {
        return disputes.findById(disputeId).filter(dispute -> Ownership.visibleToCaller(dispute.merchantId()))
                .orElseThrow(() -> KassaProblem.notFound("dispute_id", disputeId));
    }

    private static PspDispute atPsp(Supplier<PspDispute> call) {
        try {
            return call.get();
        } catch (PspRejectedException refused) {
            if (refused.code() != null && refused.code().startsWith("parameter_")) {
                // The answer itself is wrong (an evidence field the PSP does not know): the caller's input.
                throw KassaProblem.invalid("evidence", "the PSP refused it: " + refused.getMessage());
            }
            throw KassaProblem.conflict("dispute_id", "the PSP refused: " + refused.getMessage());
        } catch (PspRetryableException unavailable) {
            throw new KassaProblem(ProblemType.TEMPORARILY_UNAVAILABLE,
                    "The PSP could not be reached; nothing changed. Try again.");
        }
    }

    private static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
