package dev.kassa.payment.result;

import java.util.Locale;

/**
 * Where a result came from: the answer to our call, a webhook, the janitor's question, or the risk check that stopped
 * the charge before the PSP was called.
 */
public enum ResultSource {
    PSP_RESPONSE,
    WEBHOOK,
    JANITOR,
    RISK_CHECK;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
