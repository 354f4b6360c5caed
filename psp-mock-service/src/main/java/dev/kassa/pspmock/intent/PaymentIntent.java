package dev.kassa.pspmock.intent;

import java.time.Instant;
import java.util.Map;

/**
 * A payment intent as stored.
 *
 * @param status         {@code succeeded}, {@code processing} or {@code requires_payment_method} (declined)
 * @param amountRefunded succeeded and pending refunds together: what can no longer be refunded
 */
public record PaymentIntent(String id, long amount, String currency, String status, String paymentMethod,
                            Map<String, String> metadata, CardError lastPaymentError, long amountRefunded,
                            Instant created) {

    public static final String SUCCEEDED = "succeeded";
    public static final String PROCESSING = "processing";
    public static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";

    PaymentIntent resolvedAs(String finalStatus, CardError error) {
        return new PaymentIntent(id, amount, currency, finalStatus, paymentMethod, metadata, error, amountRefunded, created);
    }

    /** payment-service puts its order id here; the settlement file carries it so reconciliation can match rows. */
    public String paymentOrderId() {
        return metadata.get("payment_order_id");
    }

    public View view() {
        return new View(id, "payment_intent", amount, amountRefunded, currency, status, paymentMethod, metadata,
                created.getEpochSecond(), lastPaymentError);
    }

    /** The API representation (rendered in snake_case); {@code created} in Unix seconds, like Stripe. */
    public record View(String id, String object, long amount, long amountRefunded, String currency, String status,
                       String paymentMethod, Map<String, String> metadata, long created, CardError lastPaymentError) {
    }
}
