package dev.kassa.payment.dispute;

import dev.kassa.web.validation.KassaId;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/disputes}: a merchant's disputes (an operator sees every merchant's and may answer on a merchant's
 * behalf; see {@code PaymentAccessRules}). JSON only; refusals are the web module's problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/disputes", produces = MediaType.APPLICATION_JSON_VALUE)
class DisputeController {

    private final DisputeService disputes;

    DisputeController(DisputeService disputes) {
        this.disputes = disputes;
    }

    @GetMapping
    public List<DisputeView> list(@RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "50") int limit) {
        return disputes.list(status, limit);
    }

    @GetMapping("/{dispute_id}")
    public DisputeView get(@PathVariable("dispute_id") @KassaId String disputeId) {
        return disputes.get(disputeId);
    }

    /** 200 with the dispute (UNDER_REVIEW once submitted); 409 when it takes no evidence any more. */
    @PostMapping(path = "/{dispute_id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DisputeView evidence(@PathVariable("dispute_id") @KassaId String disputeId,
                                @Valid @RequestBody EvidenceRequest body) {
        return disputes.submitEvidence(disputeId, body);
    }

    /** 200 with the dispute, ACCEPTED (also when it was before); 409 unless it NEEDS_RESPONSE. */
    @PostMapping("/{dispute_id}/accept")
    public DisputeView accept(@PathVariable("dispute_id") @KassaId String disputeId) {
        return disputes.accept(disputeId);
    }
}
