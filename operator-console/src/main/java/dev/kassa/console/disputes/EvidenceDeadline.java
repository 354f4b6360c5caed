package dev.kassa.console.disputes;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * How urgent a dispute's answer is: only a dispute that {@code NEEDS_RESPONSE} waits for one, and the PSP takes its
 * evidence until {@code evidence_due_by}; within {@link #SOON} of it the dispute is due soon, after it overdue (the
 * PSP, and payment-service, take no evidence any more; it can still be accepted).
 */
enum EvidenceDeadline {
    DUE_SOON("due soon"),
    OVERDUE("overdue");

    static final Duration SOON = Duration.ofDays(2);

    private final String label;

    EvidenceDeadline(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The urgency of {@code dispute} at {@code now}, or null when it has none (answered, closed, no due date). */
    static EvidenceDeadline of(Map<String, Object> dispute, Instant now) {
        if (!"NEEDS_RESPONSE".equals(dispute.get("status")) || dispute.get("evidence_due_by") == null) {
            return null;
        }
        Instant due;
        try {
            due = Instant.parse(Objects.toString(dispute.get("evidence_due_by")));
        } catch (DateTimeParseException e) {
            return null; // shown as it is, without a verdict
        }
        if (!due.isAfter(now)) {
            return OVERDUE;
        }
        return due.isAfter(now.plus(SOON)) ? null : DUE_SOON;
    }
}
