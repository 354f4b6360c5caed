package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code GET /api/v1/payment-orders/{id}/history}: every status change of one order with its cause, oldest first. */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentOrderHistory(String paymentOrderId, List<Entry> entries) {

    public PaymentOrderHistory {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * One change. {@code fromStatus} is null for the creation; statuses are the stored ones ({@code NOT_STARTED},
     * {@code EXECUTING}, {@code SUCCEEDED}, {@code FAILED}: a refund is no status change).
     */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(Instant at, PaymentOrderStatus fromStatus, PaymentOrderStatus toStatus, int attempt,
                        String cause, String actor, String detail) {
    }
}
