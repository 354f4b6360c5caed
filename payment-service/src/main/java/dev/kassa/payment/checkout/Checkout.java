package dev.kassa.payment.checkout;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code checkout}. No {@code @Version}: it is never read, changed in Java and saved back; its
 * only changes are the guarded updates of {@link Checkouts}.
 *
 * @param merchantId the merchant whose key created it; null for checkouts from before merchants existed
 */
@Table("checkout")
public record Checkout(@Id String checkoutId, String requestHash, String buyerUserId, String buyerEmail,
                       String buyerName, String paymentMethodToken, String cardLast4, CheckoutStatus status,
                       Instant createdAt, Instant completedAt, String merchantId) {
}
