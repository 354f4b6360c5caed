package dev.kassa.pspmock.api;

/** The Stripe API version psp-mock speaks: the one stripe-java 29.5.0 sends and reads (Kassa's PSP contract). */
public final class StripeVersion {

    public static final String VALUE = "2025-08-27.basil";
    /** Request and response header, as Stripe names it. */
    public static final String HEADER = "Stripe-Version";

    private StripeVersion() {
    }
}
