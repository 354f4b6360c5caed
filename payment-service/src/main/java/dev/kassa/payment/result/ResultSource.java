package dev.kassa.payment.result;

import java.util.Locale;

/** Where a PSP result came from: the answer to our call, a webhook, or the janitor's question. */
public enum ResultSource {
    PSP_RESPONSE,
    WEBHOOK,
    JANITOR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
