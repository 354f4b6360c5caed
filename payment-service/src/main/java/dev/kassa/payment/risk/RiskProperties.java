package dev.kassa.payment.risk;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kassa.risk.*}: the rules of the risk check. Environment overrides follow Spring Boot's relaxed binding
 * ({@code KASSA_RISK_VELOCITY_TOKEN_BLOCKAFTERFAILURES=5}).
 *
 * @param velocity     per subject: how many declined charges within a window block it, and for how long
 * @param amountLimits the largest charge allowed, in minor units, per currency
 */
@ConfigurationProperties("kassa.risk")
public record RiskProperties(@DefaultValue Velocity velocity, @DefaultValue AmountLimits amountLimits) {

    /** The velocity rule of each kind of subject. */
    public record Velocity(@DefaultValue Rule token, @DefaultValue Rule buyer, @DefaultValue Rule address) {

        Rule of(RiskSubject.Kind kind) {
            return switch (kind) {
                case TOKEN -> token;
                case BUYER -> buyer;
                case ADDRESS -> address;
            };
        }
    }

    /**
     * @param blockAfterFailures declined charges of one subject within {@code window} that block it; 0 turns the
     *                           rule off
     * @param window             a fixed window: it starts with the first decline and counts until it has passed
     * @param blockFor           how long the block lasts (an operator may lift it sooner)
     */
    public record Rule(@DefaultValue("5") int blockAfterFailures, @DefaultValue("10m") Duration window,
                       @DefaultValue("30m") Duration blockFor) {

        public Rule {
            if (blockAfterFailures < 0 || window.isNegative() || window.isZero() || blockFor.isNegative()
                    || blockFor.isZero()) {
                throw new IllegalArgumentException("A velocity rule needs block-after-failures >= 0 and a positive"
                        + " window and block-for, was " + blockAfterFailures + ", " + window + ", " + blockFor);
            }
        }

        boolean enabled() {
            return blockAfterFailures > 0;
        }
    }

    /**
     * @param currencies the limit of every merchant per ISO currency code; a currency not listed has none (beyond
     *                   the API's own maximum amount)
     * @param merchants  per merchant id, limits per currency that replace the general one for that merchant
     */
    public record AmountLimits(@DefaultValue Map<String, Long> currencies,
                               @DefaultValue Map<String, Map<String, Long>> merchants) {

        /** The limit of {@code merchantId} (null: none of its own) for {@code currency}; null when there is none. */
        Long of(String merchantId, String currency) {
            Map<String, Long> own = merchantId == null ? null : merchants.get(merchantId);
            if (own != null && own.containsKey(currency)) {
                return own.get(currency);
            }
            return currencies.get(currency);
        }
    }
}
