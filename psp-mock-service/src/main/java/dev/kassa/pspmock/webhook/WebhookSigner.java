package dev.kassa.pspmock.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}, Stripe's scheme (what
 * its SDKs' {@code Webhook.constructEvent} verifies), with one {@code v1} per active secret so that receivers keep
 * verifying while a secret is rotated.
 */
final class WebhookSigner {

    public static final String HEADER = "Stripe-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    /** One initialised Mac per secret, cloned per use: looking the algorithm up each time is costly. */
    private final List<Mac> prototypes;

    public WebhookSigner(List<String> secrets) {
        this.prototypes = secrets.stream()
                .map(secret -> initialised(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM)))
                .toList();
    }

    public String header(long timestamp, String body) {
        byte[] signedPayload = (timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (Mac prototype : prototypes) {
            header.append(",v1=").append(HexFormat.of().formatHex(copyOf(prototype).doFinal(signedPayload)));
        }
        return header.toString();
    }

    private static Mac initialised(SecretKeySpec secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's HmacSHA256 can be cloned", e);
        }
    }
}
