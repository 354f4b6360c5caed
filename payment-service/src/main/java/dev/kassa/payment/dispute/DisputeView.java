package dev.kassa.payment.dispute;

import dev.kassa.schemas.money.Money;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A dispute as {@code /api/v1/disputes} shows it: the amount as a decimal string in its currency, as every amount. */
@JsonNaming(SnakeCaseStrategy.class)
public record DisputeView(String disputeId, String paymentOrderId, String pspReference, String amount, String currency,
                          String reason, String status, Instant evidenceDueBy, String evidenceSubmittedBy,
                          String acceptedBy, Instant createdAt, Instant updatedAt, Instant closedAt) {

    static DisputeView of(Dispute dispute) {
        return new DisputeView(dispute.disputeId(), dispute.paymentOrderId(), dispute.pspReference(),
                Money.formatMinor(dispute.amountMinor(), dispute.currency()), dispute.currency(), dispute.reason(),
                dispute.status().name(), dispute.evidenceDueBy(), dispute.evidenceSubmittedBy(), dispute.acceptedBy(),
                dispute.createdAt(), dispute.updatedAt(), dispute.closedAt());
    }
}
