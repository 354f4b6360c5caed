package dev.kassa.systemtests.support;

import dev.kassa.launcher.demo.KassaClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends PSP webhooks to payment-service the way Stripe and psp-mock do: {@code Stripe-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>} over the exact bytes sent. With the launcher's plain HTTP client on
 * purpose: the PSP calls this endpoint, no merchant, and the tests read its raw statuses and bodies.
 */
public final class Webhooks {

    private final String endpoint;
    private final KassaClient http;

    Webhooks(String paymentBaseUrl, KassaClient http) {
        this.endpoint = paymentBaseUrl + "/api/v1/webhooks/psp";
        this.http = http;
    }

    /** The header psp-mock would send for {@code body} now, signed with {@code secret}. */
    public static String signature(String secret, String body) {
        long t = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code body} with the given {@code Stripe-Signature} header (none if null); status and JSON answer. */
    public KassaClient.Response deliver(String body, String signatureHeader) {
        Map<String, String> headers = new HashMap<>();
        if (signatureHeader != null) {
            headers.put("Stripe-Signature", signatureHeader);
        }
        return http.send("POST", endpoint, headers, body);
    }

    /** POSTs {@code body} correctly signed with the PSP's secret. */
    public KassaClient.Response deliverSigned(String body) {
        return deliver(body, signature(Psp.WEBHOOK_SECRET, body));
    }
}
