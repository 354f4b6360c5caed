package dev.kassa.payment.dispute;

import dev.kassa.schemas.money.Money;
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
public record DisputeView(String disputeId, String paymentOrderId, String pspReference, String amount, String currency,
                          String reason, String status, Instant evidenceDueBy, String evidenceSubmittedBy,
                          String acceptedBy, Instant createdAt, Instant updatedAt, Instant closedAt,
                          Long feeMinor, String feeBearer, Instant fundsWithdrawnAt, Instant fundsReinstatedAt,
                          Long feeReturnedMinor, Booked withdrawalBooked, Booked reinstatementBooked) {

    /** Whether wallet-service and ledger-service confirmed they booked one of the dispute's money records. */
    @JsonNaming(SnakeCaseStrategy.class)
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
