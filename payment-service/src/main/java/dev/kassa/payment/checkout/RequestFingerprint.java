package dev.kassa.payment.checkout;

import dev.kassa.payment.order.NewPaymentOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over the canonical form of a checkout (parsed values, not bytes): "29.9" and "29.90", or a
 * different field order or whitespace, are the same request; any other difference is not.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(String checkoutId, String merchantId, String userId, String email, String name, String token,
                     String last4, List<NewPaymentOrder> orders, String clientAddress) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, checkoutId);
        append(canonical, merchantId);
        append(canonical, userId);
        append(canonical, email);
        append(canonical, name);
        append(canonical, token);
        append(canonical, last4);
        for (NewPaymentOrder order : orders) {
            append(canonical, order.paymentOrderId());
            append(canonical, order.sellerAccount());
            append(canonical, Long.toString(order.amountMinor()));
            append(canonical, order.currency());
        }
        // Only when given: the fingerprints of checkouts from before the field existed stay what they were.
        if (clientAddress != null) {
            append(canonical, clientAddress);
        }
        return sha256(canonical.toString());
    }

    /** Length-prefixed so that no two different field lists produce the same string. */
    private static void append(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-1:");
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
