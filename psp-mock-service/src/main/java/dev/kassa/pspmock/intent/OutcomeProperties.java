package dev.kassa.pspmock.intent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param successProbability chance that a payment method other than the test tokens succeeds (else a generic
 *                           decline); changeable at run time through {@code /admin/outcomes}
 * @param asyncDelay         how long tok_async / tok_asyncDeclined intents and pending refunds stay unresolved
 * @param resolveInterval    the resolvers' safety poll: they sleep until the next processing intent or pending
 *                           refund is due and are woken when this instance creates one, so this only bounds how
 *                           late they notice one that another instance created
 * @param maxAmount          largest amount in minor units (Stripe's limit is 99,999,999)
 */
@ConfigurationProperties("psp.outcomes")
public record OutcomeProperties(
        @DefaultValue("0.9") double successProbability,
        @DefaultValue("3s") Duration asyncDelay,
        @DefaultValue("5s") Duration resolveInterval,
        @DefaultValue("99999999") long maxAmount) {

    public OutcomeProperties {
        if (!(successProbability >= 0 && successProbability <= 1)) {
            throw new IllegalArgumentException("psp.outcomes.success-probability must be from 0 to 1");
        }
        if (maxAmount < 1) {
            throw new IllegalArgumentException("psp.outcomes.max-amount must be positive");
        }
    }
}
