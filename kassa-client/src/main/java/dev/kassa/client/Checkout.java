package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A checkout as {@code POST /api/v1/payments} and {@code GET /api/v1/payments/{checkout_id}} answer it. */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Checkout(String checkoutId, CheckoutStatus status, List<PaymentOrderSummary> paymentOrders,
                       Instant createdAt) {

    public Checkout {
        paymentOrders = paymentOrders == null ? List.of() : List.copyOf(paymentOrders);
    }

    /** Every order final and every succeeded one booked by wallet and ledger: nothing will change by itself. */
    public boolean isCompleted() {
        return status == CheckoutStatus.COMPLETED;
    }

    /** One of the checkout's orders; {@link #failureCode()} is the PSP's decline code or {@code risk_blocked}. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentOrderSummary(String paymentOrderId, String sellerAccount, String amount, String currency,
                                      PaymentOrderStatus status, boolean walletUpdated, boolean ledgerUpdated,
                                      String failureCode) {

        public Money money() {
            return Money.orNull(amount, currency);
        }
    }
}
