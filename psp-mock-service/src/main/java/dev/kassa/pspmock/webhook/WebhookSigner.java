package dev.kassa.pspmock.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Psp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}, with one {@code v1}
 * per active secret so that receivers keep verifying while a secret is rotated.
 */
public final class WebhookSigner {

    public static final String HEADER = "Psp-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> secrets;

    public WebhookSigner(List<String> secrets) {
        this.secrets = secrets.stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
    }

    public String header(long timestamp, String body) {
        byte[] signedPayload = (timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (SecretKeySpec secret : secrets) {
            header.append(",v1=").append(HexFormat.of().formatHex(hmac(secret, signedPayload)));
        }
        return header.toString();
    }

    private static byte[] hmac(SecretKeySpec secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
