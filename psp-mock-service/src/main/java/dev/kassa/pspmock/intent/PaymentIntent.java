package dev.kassa.pspmock.intent;

import java.time.Instant;
import java.util.Map;
import dev.kassa.pspmock.api.Metadata;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A payment intent as stored. No version: every change after its insert is a guarded UPDATE ({@link PaymentIntents}).
 *
 * @param status         {@code succeeded}, {@code processing} or {@code requires_payment_method} (declined)
 * @param amountRefunded succeeded and pending refunds together: what can no longer be refunded
 * @param resolveAt      a processing intent reaches {@code resolvesTo} then (tok_async, tok_asyncDeclined); else null
 */
@Table("payment_intent")
public record PaymentIntent(@Id String id, long amount, String currency, String status, String paymentMethod,
                            Metadata metadata, CardError lastPaymentError, long amountRefunded,
                            Instant createdAt, Instant resolveAt, String resolvesTo) {

    public static final String SUCCEEDED = "succeeded";
    public static final String PROCESSING = "processing";
    public static final String REQUIRES_PAYMENT_METHOD = "requires_payment_method";

    PaymentIntent resolvedAs(String finalStatus, CardError error) {
        return new PaymentIntent(id, amount, currency, finalStatus, paymentMethod, metadata, error, amountRefunded,
                createdAt, null, null);
    }

    /** payment-service puts its order id here; the settlement file carries it so reconciliation can match rows. */
    public String paymentOrderId() {
        return metadata.get("payment_order_id");
    }

    public View view() {
        return new View(id, "payment_intent", amount, amountRefunded, currency, status, paymentMethod, metadata.entries(),
                createdAt.getEpochSecond(), lastPaymentError);
    }

    /** The API representation (rendered in snake_case); {@code created} in Unix seconds, like Stripe. */
    public record View(String id, String object, long amount, long amountRefunded, String currency, String status,
                       String paymentMethod, Map<String, String> metadata, long created, CardError lastPaymentError) {
    }
}
