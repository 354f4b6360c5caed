package dev.kassa.payment.history;

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
    record Entry(Instant at, String fromStatus, String toStatus, int attempt, String cause, String actor,
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
