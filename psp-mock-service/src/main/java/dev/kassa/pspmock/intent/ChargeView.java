package dev.kassa.pspmock.intent;

import java.util.Locale;
import java.util.Map;
import dev.kassa.pspmock.api.Ids;

/**
 * Stripe's Charge as {@code charge.refunded} carries it: the one charge of a succeeded intent ({@link Ids#chargeOf}),
 * with what has been refunded of it. psp-mock has no charges endpoint; this is the event's view only.
 *
 * @param amountRefunded succeeded and pending refunds, as the intent counts them
 */
public record ChargeView(String id, String object, long amount, long amountCaptured, long amountRefunded,
                         String balanceTransaction, boolean captured, long created, String currency,
                         String failureCode, String failureMessage, boolean livemode, Map<String, String> metadata,
                         boolean paid, String paymentIntent, String paymentMethod, boolean refunded, String status) {

    public static ChargeView of(PaymentIntent intent, long amountRefunded) {
        return new ChargeView(Ids.chargeOf(intent.id()), "charge", intent.amount(), intent.amount(), amountRefunded,
                null, true, intent.createdAt().getEpochSecond(), intent.currency().toLowerCase(Locale.ROOT), null, null,
                false, intent.metadata().entries(), true, intent.id(), intent.paymentMethod(),
                amountRefunded == intent.amount(), PaymentIntent.SUCCEEDED);
    }
}
