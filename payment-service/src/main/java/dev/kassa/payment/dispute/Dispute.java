package dev.kassa.payment.dispute;

import dev.kassa.schemas.event.DisputeFeeBearer;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code dispute}. Never changed in Java and saved back: every change is a guarded statement of
 * {@link Disputes} that checks the status it leaves in the database.
 *
 * @param fundsWithdrawnAt    when the PSP's withdrawal was recorded (and {@code DisputeFundsWithdrawn} published); null
 *                            before
 * @param withdrawnFeeMinor   the dispute fee the PSP charged with the withdrawal; null before it
 * @param feeBearer           who bears that fee, fixed when the withdrawal was recorded; null before it
 * @param fundsReinstatedAt   when a won dispute's reversal was recorded ({@code DisputeFundsReinstated}); null before
 * @param feeReturnedMinor    the part of the fee the PSP gave back with the reversal (0: it keeps it); null before it
 * @param withdrawalWalletBooked wallet-service confirmed the withdrawal ({@code WalletDebited} naming the dispute); the
 *                               three other flags likewise
 */
@Table("dispute")
record Dispute(@Id String disputeId, String paymentOrderId, String merchantId, String pspReference, long amountMinor,
               String currency, String reason, DisputeStatus status, Instant evidenceDueBy,
               String evidenceSubmittedBy, String acceptedBy, Instant createdAt, Instant updatedAt, Instant closedAt,
               Instant fundsWithdrawnAt, Long withdrawnFeeMinor, DisputeFeeBearer feeBearer,
               Instant fundsReinstatedAt, Long feeReturnedMinor,
               boolean withdrawalWalletBooked, boolean withdrawalLedgerBooked,
               boolean reinstatementWalletBooked, boolean reinstatementLedgerBooked) {
}
