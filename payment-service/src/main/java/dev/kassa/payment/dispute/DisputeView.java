package dev.kassa.payment.dispute;

import dev.kassa.schemas.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A dispute as {@code /api/v1/disputes} shows it: the amount as a decimal string in its currency, as every amount; and
 * its money as the PSP moved it (docs/architecture.md §15): when the funds were withdrawn, the dispute fee in minor units
 * and who bears it, when they were reinstated and how much of the fee came back (each null until then), and whether
 * wallet-service and ledger-service booked each.
 */
@JsonNaming(SnakeCaseStrategy.class)
@Schema(name = "Dispute", description = "A dispute: NEEDS_RESPONSE until the merchant answers (UNDER_REVIEW, then WON"
        + " or LOST) or concedes (ACCEPTED).")
public record DisputeView(@Schema(example = "dp_1Q0abc") String disputeId,
                          @Schema(example = "po_1001_1") String paymentOrderId,
                          @Schema(description = "The PSP's payment intent that was disputed", example = "pi_3Q0abc")
                          String pspReference,
                          @Schema(description = "A decimal in the currency's minor units", example = "10.50")
                          String amount,
                          @Schema(example = "USD") String currency,
                          @Schema(description = "The cardholder's reason, as the PSP names it", example = "fraudulent")
                          String reason,
                          @Schema(allowableValues = {"NEEDS_RESPONSE", "UNDER_REVIEW", "WON", "LOST", "ACCEPTED"})
                          String status,
                          @Schema(nullable = true, description = "Evidence is taken until then") Instant evidenceDueBy,
                          @Schema(nullable = true, description = "Who submitted evidence") String evidenceSubmittedBy,
                          @Schema(nullable = true, description = "Who accepted it") String acceptedBy,
                          Instant createdAt, Instant updatedAt,
                          @Schema(nullable = true, description = "When it was decided or accepted") Instant closedAt,
                          @Schema(nullable = true, description = "The PSP's dispute fee in minor units, once the funds"
                                  + " were withdrawn") Long feeMinor,
                          @Schema(nullable = true, description = "Who bears the fee, once the funds were withdrawn",
                                  allowableValues = {"PLATFORM", "SELLER"}) String feeBearer,
                          @Schema(nullable = true, description = "When the PSP took the disputed amount back")
                          Instant fundsWithdrawnAt,
                          @Schema(nullable = true, description = "When the PSP gave it back (a WON dispute)")
                          Instant fundsReinstatedAt,
                          @Schema(nullable = true, description = "How much of the fee came back with it, in minor"
                                  + " units")
                          Long feeReturnedMinor,
                          @Schema(description = "Whether wallet and ledger booked the withdrawal")
                          Booked withdrawalBooked,
                          @Schema(description = "Whether wallet and ledger booked the reinstatement")
                          Booked reinstatementBooked) {

    /** Whether wallet-service and ledger-service confirmed they booked one of the dispute's money records. */
    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "DisputeBooking")
    public record Booked(boolean wallet, boolean ledger) {
    }

    static DisputeView of(Dispute dispute) {
        return new DisputeView(dispute.disputeId(), dispute.paymentOrderId(), dispute.pspReference(),
                Money.formatMinor(dispute.amountMinor(), dispute.currency()), dispute.currency(), dispute.reason(),
                dispute.status().name(), dispute.evidenceDueBy(), dispute.evidenceSubmittedBy(), dispute.acceptedBy(),
                dispute.createdAt(), dispute.updatedAt(), dispute.closedAt(),
                dispute.withdrawnFeeMinor(), dispute.feeBearer() == null ? null : dispute.feeBearer().name(),
                dispute.fundsWithdrawnAt(), dispute.fundsReinstatedAt(), dispute.feeReturnedMinor(),
                new Booked(dispute.withdrawalWalletBooked(), dispute.withdrawalLedgerBooked()),
                new Booked(dispute.reinstatementWalletBooked(), dispute.reinstatementLedgerBooked()));
    }
}
