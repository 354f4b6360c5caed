package dev.kassa.payment.history;

import dev.kassa.payment.order.PaymentOrderStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code payment_order_history}: one status change of one order. Written only by the triggers on
 * {@code payment_order}, never by Java. The cause is text, not {@link dev.kassa.payment.order.ChangeCause}, so that
 * a cause an operator named by hand stays readable.
 */
@Table("payment_order_history")
record HistoryEntry(@Id Long id, String paymentOrderId, Instant occurredAt, PaymentOrderStatus fromStatus,
                    PaymentOrderStatus toStatus, int attempt, String cause, String actor, String detail) {
}
