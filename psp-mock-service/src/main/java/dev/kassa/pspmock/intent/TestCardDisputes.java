package dev.kassa.pspmock.intent;

import java.time.Instant;

/**
 * What a dispute test card ({@code pm_card_createDispute}, {@code tok_createDispute}, …) does after its charge
 * succeeded, as Stripe does: a dispute opened on the charge, with its events and its money. Called in the charge's
 * transaction; implemented by the dispute package, which uses this package (not the other way round).
 */
public interface TestCardDisputes {

    /**
     * @param charged the intent that just succeeded, with its whole amount charged
     * @param reason  Stripe's dispute reason, e.g. {@code fraudulent}
     */
    void openOn(PaymentIntent charged, String reason, Instant at);
}
