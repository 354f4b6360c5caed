package dev.kassa.payment.risk;

/** Who or what a velocity rule or a block-list entry is about. */
public record RiskSubject(Kind kind, String value) {

    public enum Kind {
        /** The PSP payment method token of the checkout. */
        TOKEN,
        /** A merchant's buyer: {@code <merchant_id>:<buyer user_id>}, as buyer ids are the merchants' own. */
        BUYER,
        /** The buyer's IP address, when the checkout named it ({@code client_address}). */
        ADDRESS;

        /** The rule a velocity block of this kind fires as. */
        String velocityRule() {
            return "velocity_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
