package dev.kassa.payment.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code GET /api/v1/payment-orders/{id}/history}: the order's status changes, oldest first. */
@JsonNaming(SnakeCaseStrategy.class)
record PaymentOrderHistoryView(String paymentOrderId, List<Entry> entries) {

    /**
     * One change. {@code from_status} is null for the creation; statuses are the stored ones (a refund is no status
     * change); {@code attempt} makes the PSP idempotency key {@code <payment_order_id>:<attempt>}.
     */
    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "PaymentOrderHistoryEntry")
    record Entry(Instant at,
                 @Schema(nullable = true, description = "Null for the order's creation",
                         allowableValues = {"NOT_STARTED", "EXECUTING", "SUCCEEDED", "FAILED"})
                 String fromStatus,
                 @Schema(allowableValues = {"NOT_STARTED", "EXECUTING", "SUCCEEDED", "FAILED"}) String toStatus,
                 @Schema(description = "The attempt then; the PSP idempotency key is `<payment_order_id>:<attempt>`")
                 int attempt,
                 @Schema(description = "What made the change", allowableValues = {"API", "OPERATOR", "EXECUTOR",
                         "PSP_ANSWER", "WEBHOOK", "JANITOR", "RISK_CHECK", "SYSTEM"}) String cause,
                 @Schema(nullable = true, description = "Who, where a caller did (`merchant:<merchant_id>`, an"
                         + " operator)", example = "merchant:m_shop") String actor,
                 @Schema(nullable = true, description = "The failure code of a FAILED order, and any note")
                 String detail) {

        static Entry of(HistoryEntry entry) {
            return new Entry(entry.occurredAt(), entry.fromStatus() == null ? null : entry.fromStatus().name(),
                    entry.toStatus().name(), entry.attempt(), entry.cause(), entry.actor(), entry.detail());
        }
    }

    static PaymentOrderHistoryView of(String paymentOrderId, List<HistoryEntry> entries) {
        return new PaymentOrderHistoryView(paymentOrderId, entries.stream().map(Entry::of).toList());
    }
}
