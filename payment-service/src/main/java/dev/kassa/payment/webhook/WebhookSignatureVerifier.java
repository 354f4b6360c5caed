package dev.kassa.payment.webhook;

import dev.kassa.payment.psp.PspProperties;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Verifies {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>[,v1=...]}
 * over the raw request bytes, exactly as received (re-serialized JSON would not match): Stripe's scheme, which
 * stripe-java's {@code Webhook.constructEvent} checks. Kept here rather than calling stripe-java, which takes one
 * secret, works on a String (a decoded and re-encoded body), and tolerates any timestamp in the future; this tries
 * every configured secret, so a rotation needs no downtime, refuses the future beyond the tolerance too, and
 * compares in constant time.
 */
@Component
class WebhookSignatureVerifier {

    /** The header Stripe signs its webhooks in. */
    static final String HEADER = "Stripe-Signature";
    private static final String HMAC = "HmacSHA256";

    private final List<byte[]> secrets;
    /**
     * One Mac per secret, initialized once and cloned for each request: a clone copies the keyed state, where
     * {@code Mac.getInstance} + {@code init} would look the algorithm up and derive the key pads every time.
     */
    private final List<Mac> keyedMacs;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignatureVerifier(PspProperties properties, Clock clock) {
        this.secrets = properties.webhookSecrets().stream()
                .filter(s -> s != null && !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toList();
        if (secrets.isEmpty()) {
            throw new IllegalStateException("kassa.psp.webhook-secrets must name at least one secret");
        }
        this.keyedMacs = secrets.stream().map(WebhookSignatureVerifier::keyedMac).toList();
        this.tolerance = properties.webhookTolerance();
        this.clock = clock;
    }

    /** @throws WebhookRejectedException unless the body is signed by a configured secret within the tolerance */
    public void verify(String header, byte[] rawBody) {
        if (header == null || header.isBlank()) {
            throw new WebhookRejectedException(WebhookRejection.MISSING_SIGNATURE);
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new WebhookRejectedException(WebhookRejection.MALFORMED_SIGNATURE);
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                timestamp = parseSeconds(value);
            } else if (key.equals("v1")) {
                signatures.add(decodeHex(value));
            }
            // Other schemes (v0, future versions) are ignored, as the PSP's scheme intends.
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new WebhookRejectedException(WebhookRejection.MALFORMED_SIGNATURE);
        }
        if (!anySignatureMatches(timestamp, rawBody, signatures)) {
            throw new WebhookRejectedException(WebhookRejection.BAD_SIGNATURE);
        }
        long now = clock.instant().getEpochSecond();
        if (now - timestamp > tolerance.toSeconds()) {
            throw new WebhookRejectedException(WebhookRejection.EXPIRED);
        }
        if (timestamp - now > tolerance.toSeconds()) {
            throw new WebhookRejectedException(WebhookRejection.FUTURE);
        }
    }

    private boolean anySignatureMatches(long timestamp, byte[] rawBody, List<byte[]> signatures) {
        byte[] signedPrefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (int i = 0; i < keyedMacs.size(); i++) {
            Mac mac = copy(i);
            mac.update(signedPrefix);
            byte[] expected = mac.doFinal(rawBody);
            for (byte[] candidate : signatures) {
                // No early exit: the time taken does not depend on which secret or signature matched.
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return matched;
    }

    /** A fresh Mac keyed with the {@code i}-th secret (Macs are not thread-safe: each request uses its own). */
    private Mac copy(int i) {
        try {
            return (Mac) keyedMacs.get(i).clone();
        } catch (CloneNotSupportedException e) {
            // A provider whose Macs cannot be cloned: key a new one.
            return keyedMac(secrets.get(i));
        }
    }

    private static Mac keyedMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }

    /** A {@code v1} value as bytes (hex digits in either case); empty, so matching nothing, when it is not hex. */
    private static byte[] decodeHex(String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }

    private static long parseSeconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(WebhookRejection.MALFORMED_SIGNATURE);
        }
    }
}
