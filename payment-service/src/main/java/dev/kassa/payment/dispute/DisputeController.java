package dev.kassa.payment.dispute;

import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Disputes", description = "Chargebacks a cardholder opened at their bank, as the PSP reports them: the"
        + " merchant answers with evidence or accepts. Read by their merchant and every operator role; answered by the"
        + " merchant or an OPERATOR on its behalf. Another merchant's dispute is answered 404.")
class DisputeController {

    private final DisputeService disputes;

    DisputeController(DisputeService disputes) {
        this.disputes = disputes;
    }

    @GetMapping
    @Operation(operationId = "listDisputes", summary = "Disputes, newest first",
            description = "A merchant key lists its own; every operator role lists every merchant's.")
    public List<DisputeView> list(@Parameter(description = "Only disputes in this status: NEEDS_RESPONSE, UNDER_REVIEW,"
                                          + " WON, LOST or ACCEPTED", example = "NEEDS_RESPONSE")
                                  @RequestParam(required = false) String status,
                                  @Parameter(description = "At most this many, 1 to 500")
                                  @RequestParam(defaultValue = "50") int limit) {
        return disputes.list(status, limit);
    }

    @GetMapping("/{dispute_id}")
    @Operation(operationId = "getDispute", summary = "A dispute",
            description = "Its merchant's key, or any operator role.")
    public DisputeView get(@Parameter(description = "The PSP's id of the dispute", example = "dp_1Q0abc")
                           @PathVariable("dispute_id") @KassaId String disputeId) {
        return disputes.get(disputeId);
    }

    /** 200 with the dispute (UNDER_REVIEW once submitted); 409 when it takes no evidence any more. */
    @PostMapping(path = "/{dispute_id}/evidence", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "submitDisputeEvidence", summary = "Answer a dispute with evidence",
            description = "Its merchant's key, or an OPERATOR. Sent to the PSP at once: submitted (the dispute goes"
                    + " UNDER_REVIEW and the bank decides) or, with `submit: false`, only staged. The same evidence"
                    + " sent again is the same request at the PSP. A field the PSP does not know is refused (400); the"
                    + " PSP out of reach is a 503 with nothing changed.")
    @ApiResponse(responseCode = "200", description = "The dispute, UNDER_REVIEW once submitted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisputeView.class)))
    @ApiResponse(responseCode = "409", description = "It takes no evidence any more (answered, closed, or past"
            + " `evidence_due_by`), or the PSP refused (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public DisputeView evidence(@Parameter(description = "The dispute", example = "dp_1Q0abc")
                                @PathVariable("dispute_id") @KassaId String disputeId,
                                @Valid @RequestBody EvidenceRequest body) {
        return disputes.submitEvidence(disputeId, body);
    }

    /** 200 with the dispute, ACCEPTED (also when it was before); 409 unless it NEEDS_RESPONSE. */
    @PostMapping("/{dispute_id}/accept")
    @Operation(operationId = "acceptDispute", summary = "Concede a dispute",
            description = "Its merchant's key, or an OPERATOR. The PSP closes it as lost and the money stays with the"
                    + " cardholder; the payment order shows CHARGED_BACK. Accepting an ACCEPTED dispute answers it as"
                    + " it is. No body.")
    @ApiResponse(responseCode = "200", description = "The dispute, ACCEPTED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisputeView.class)))
    @ApiResponse(responseCode = "409", description = "It is not NEEDS_RESPONSE (under review or decided), or the PSP"
            + " refused (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public DisputeView accept(@Parameter(description = "The dispute", example = "dp_1Q0abc")
                              @PathVariable("dispute_id") @KassaId String disputeId) {
        return disputes.accept(disputeId);
    }
}
