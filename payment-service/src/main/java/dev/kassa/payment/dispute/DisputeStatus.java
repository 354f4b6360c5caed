package dev.kassa.payment.dispute;

import java.util.Locale;

/**
 * A dispute's lifecycle: {@code NEEDS_RESPONSE → UNDER_REVIEW → WON | LOST}, or {@code ACCEPTED} when the merchant
 * conceded (the PSP calls that lost). It only moves forward: a late or repeated webhook never takes it back.
 */
enum DisputeStatus {
    NEEDS_RESPONSE,
    UNDER_REVIEW,
    WON,
    LOST,
    ACCEPTED;

    boolean closed() {
        return this == WON || this == LOST || this == ACCEPTED;
    }

    /**
     * Stripe's status of a dispute; an inquiry's ({@code warning_*}) as the dispute it may become, one that closed
     * without a chargeback as won (no money moved). Null for a status Stripe does not have.
     */
    static DisputeStatus ofPsp(String pspStatus) {
        if (pspStatus == null) {
            return null;
        }
        return switch (pspStatus.toLowerCase(Locale.ROOT)) {
            case "needs_response", "warning_needs_response" -> NEEDS_RESPONSE;
            case "under_review", "warning_under_review" -> UNDER_REVIEW;
            case "won", "warning_closed" -> WON;
            case "lost" -> LOST;
            default -> null;
        };
    }
}
