package dev.kassa.pspmock.refund;

import java.time.Instant;
import java.util.Map;

/** A refund as stored; {@code status} is {@code succeeded}, {@code pending} or {@code failed}. */
record Refund(String id, String paymentIntentId, long amount, String currency, String status, String failureReason,
              Map<String, String> metadata, Instant created) {

    static final String SUCCEEDED = "succeeded";
    static final String PENDING = "pending";
    static final String FAILED = "failed";

    Refund resolvedAs(String finalStatus, String reason) {
        return new Refund(id, paymentIntentId, amount, currency, finalStatus, reason, metadata, created);
    }

    View view() {
        return new View(id, "refund", amount, currency, status, paymentIntentId, failureReason, metadata,
                created.getEpochSecond());
    }

    record View(String id, String object, long amount, String currency, String status, String paymentIntent,
                String failureReason, Map<String, String> metadata, long created) {
    }
}
