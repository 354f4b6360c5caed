package dev.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.kassa.payment.psp.PspProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Kassa's verifier accepts what stripe-java's {@code Webhook} accepts and refuses what it refuses, header by header,
 * with signatures made by stripe-java's own {@code Webhook.Util}. One difference, on purpose: Kassa also refuses a
 * timestamp further in the future than the tolerance, which stripe-java lets through.
 */
class WebhookSignatureVerifierTest {

    private static final String SECRET = "whsec_test_kassa";
    private static final long TOLERANCE = 300;
    private static final long NOW = 1_780_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String BODY = """
            {"id":"evt_1","object":"event","api_version":"2025-08-27.basil","created":1780000000,"livemode":false,
             "pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"payment_intent.succeeded",
             "data":{"object":{"id":"pi_1","object":"payment_intent","amount":1000,"currency":"usd","status":"succeeded",
             "metadata":{"payment_order_id":"po_1","attempt":"1"}}}}""";

    private final WebhookSignatureVerifier kassa = new WebhookSignatureVerifier(properties(SECRET), CLOCK);

    static Stream<Arguments> headers() throws Exception {
        return Stream.of(
                Arguments.of("signed now", "t=" + NOW + ",v1=" + v1(SECRET, NOW, BODY), BODY, true),
                Arguments.of("at the edge of the tolerance", "t=" + (NOW - TOLERANCE) + ",v1="
                        + v1(SECRET, NOW - TOLERANCE, BODY), BODY, true),
                Arguments.of("a rotation: one of two v1 matches", "t=" + NOW + ",v1=" + v1("whsec_retired", NOW, BODY)
                        + ",v1=" + v1(SECRET, NOW, BODY), BODY, true),
                Arguments.of("a v0 besides is ignored", "t=" + NOW + ",v1=" + v1(SECRET, NOW, BODY) + ",v0=abc", BODY,
                        true),
                Arguments.of("tampered body", "t=" + NOW + ",v1=" + v1(SECRET, NOW, BODY),
                        BODY.replace("1000", "1"), false),
                Arguments.of("another secret", "t=" + NOW + ",v1=" + v1("whsec_other", NOW, BODY), BODY, false),
                Arguments.of("expired", "t=" + (NOW - TOLERANCE - 1) + ",v1=" + v1(SECRET, NOW - TOLERANCE - 1, BODY),
                        BODY, false),
                Arguments.of("signed for another timestamp", "t=" + (NOW - 1) + ",v1=" + v1(SECRET, NOW, BODY), BODY,
                        false),
                Arguments.of("only a v0", "t=" + NOW + ",v0=" + v1(SECRET, NOW, BODY), BODY, false),
                Arguments.of("no timestamp", "v1=" + v1(SECRET, NOW, BODY), BODY, false),
                Arguments.of("not hex", "t=" + NOW + ",v1=zz", BODY, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void kassaAndStripeJavaAgree(String name, String header, String body, boolean valid) {
        assertThat(stripeJavaAccepts(header, body)).as("stripe-java").isEqualTo(valid);
        assertThat(kassaAccepts(header, body)).as("Kassa").isEqualTo(valid);
    }

    @Test
    void aTimestampBeyondTheToleranceInTheFutureIsRefusedByKassaAlone() throws Exception {
        long future = NOW + TOLERANCE + 30;
        String header = "t=" + future + ",v1=" + v1(SECRET, future, BODY);

        assertThat(stripeJavaAccepts(header, BODY)).isTrue();
        assertThatThrownBy(() -> kassa.verify(header, bytes(BODY)))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(WebhookRejection.FUTURE));
    }

    @Test
    void anyConfiguredSecretPasses() throws Exception {
        WebhookSignatureVerifier rotating = new WebhookSignatureVerifier(properties("whsec_old", "whsec_new"), CLOCK);

        rotating.verify("t=" + NOW + ",v1=" + v1("whsec_new", NOW, BODY), bytes(BODY));
        rotating.verify("t=" + NOW + ",v1=" + v1("whsec_old", NOW, BODY), bytes(BODY));
        assertThatThrownBy(() -> rotating.verify("t=" + NOW + ",v1=" + v1(SECRET, NOW, BODY), bytes(BODY)))
                .isInstanceOf(WebhookRejectedException.class);
    }

    private boolean stripeJavaAccepts(String header, String body) {
        try {
            return Webhook.Signature.verifyHeader(body, header, SECRET, TOLERANCE, CLOCK);
        } catch (SignatureVerificationException refused) {
            return false;
        }
    }

    private boolean kassaAccepts(String header, String body) {
        try {
            kassa.verify(header, bytes(body));
            return true;
        } catch (WebhookRejectedException refused) {
            return false;
        }
    }

    /** The signature as stripe-java computes it for verification. */
    private static String v1(String secret, long timestamp, String body) throws Exception {
        return Webhook.Util.computeHmacSha256(secret, timestamp + "." + body);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static PspProperties properties(String... secrets) {
        return new PspProperties(URI.create("http://127.0.0.1:1"), "sk_test_unused", List.of(secrets),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(TOLERANCE), Duration.ofMillis(200),
                new PspProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(10), 3), false);
    }
}
