package dev.kassa.payment.psp;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.psp.StripeCaptureServer.Answer;
import dev.kassa.payment.psp.StripeCaptureServer.Captured;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link PspClient} sends what Stripe's official Java client sends for the same four calls: both point at one
 * capture server, and each pair of requests must agree on method, path, content type, the decoded form parameters,
 * {@code Idempotency-Key}, {@code Stripe-Version} and the key. PspClient is the service's own bean, as configured
 * from {@code kassa.psp.*}, so its default headers are part of what is compared.
 */
class PspClientWireFormatTest {

    static final String KEY = "sk_test_wire";

    private final StripeCaptureServer stripe = new StripeCaptureServer(PspClientWireFormatTest::stripeAnswer);

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void theFourCallsAreSentExactlyAsStripeJavaSendsThem() throws StripeException {
        Map<String, String> metadata = orderMetadata();
        StripeClient official = officialClient();

        official.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2999L).setCurrency("eur").setPaymentMethod("pm_card_visa").setConfirm(true)
                .putAllMetadata(metadata).build(), idempotencyKey("po_1:1"));
        official.v1().paymentIntents().retrieve("pi_1");
        official.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent("pi_1").setAmount(1000L)
                .putMetadata("refund_id", "re_kassa_1").putMetadata("payment_order_id", "po_1").build(),
                idempotencyKey("re_kassa_1:1"));
        official.v1().refunds().retrieve("re_1");
        List<Captured> byStripeJava = takeRequests();

        withPspClient(psp -> {
            PaymentIntent charged = psp.createPaymentIntent(2999, "EUR", "pm_card_visa", metadata, "po_1:1");
            PaymentIntent read = psp.getPaymentIntent("pi_1");
            PspRefund refunded = psp.createRefund("pi_1", 1000,
                    Map.of("refund_id", "re_kassa_1", "payment_order_id", "po_1"), "re_kassa_1:1");
            PspRefund readRefund = psp.getRefund("re_1");

            assertThat(charged.succeeded()).isTrue();
            assertThat(charged.currency()).as("ISO upper case inside Kassa").isEqualTo("EUR");
            assertThat(charged.metadata()).containsAllEntriesOf(metadata);
            assertThat(read.id()).isEqualTo("pi_1");
            assertThat(refunded.succeeded()).isTrue();
            assertThat(readRefund.paymentIntent()).isEqualTo("pi_1");
        });
        List<Captured> byPspClient = takeRequests();

        assertThat(byPspClient).hasSize(4);
        assertThat(byPspClient).map(PspClientWireFormatTest::onTheWire)
                .containsExactlyElementsOf(byStripeJava.stream().map(PspClientWireFormatTest::onTheWire).toList());
        // What the contract names, so that the comparison cannot pass on two empty captures.
        Captured create = byPspClient.getFirst();
        assertThat(create.method() + " " + create.path()).isEqualTo("POST /v1/payment_intents");
        assertThat(create.contentType()).isEqualTo("application/x-www-form-urlencoded;charset=UTF-8");
        assertThat(create.form()).containsEntry("amount", List.of("2999")).containsEntry("currency", List.of("eur"))
                .containsEntry("confirm", List.of("true")).containsEntry("payment_method", List.of("pm_card_visa"))
                .containsEntry("metadata[payment_order_id]", List.of("po_1"))
                .containsEntry("metadata[attempt]", List.of("1"));
        assertThat(create.idempotencyKey()).isEqualTo("po_1:1");
        assertThat(create.stripeVersion()).isEqualTo(PspClient.STRIPE_VERSION).isEqualTo("2025-08-27.basil");
        assertThat(create.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(byPspClient.get(2).form()).containsEntry("metadata[refund_id]", List.of("re_kassa_1"))
                .containsEntry("payment_intent", List.of("pi_1"));
        assertThat(byPspClient.get(3).method() + " " + byPspClient.get(3).path()).isEqualTo("GET /v1/refunds/re_1");
    }

    @Test
    void aChargeConfirmedWithoutRedirectsIsSentAsStripeJavaSendsIt() throws StripeException {
        officialClient().v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(500L).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build())
                .putAllMetadata(orderMetadata()).build(), idempotencyKey("po_2:1"));
        List<Captured> byStripeJava = takeRequests();

        withPspClient(psp -> psp.createPaymentIntent(500, "USD", "pm_card_visa", orderMetadata(), "po_2:1"),
                "kassa.psp.confirm-without-redirects=true");
        List<Captured> byPspClient = takeRequests();

        assertThat(byPspClient).map(PspClientWireFormatTest::onTheWire)
                .containsExactlyElementsOf(byStripeJava.stream().map(PspClientWireFormatTest::onTheWire).toList());
        assertThat(byPspClient.getFirst().form())
                .containsEntry("automatic_payment_methods[allow_redirects]", List.of("never"));
    }

    /** What the comparison covers: everything of a request but the client's own User-Agent and telemetry. */
    private static List<Object> onTheWire(Captured request) {
        return List.of(request.method(), request.path(), String.valueOf(request.query()),
                String.valueOf(request.contentType()), request.form(), String.valueOf(request.idempotencyKey()),
                String.valueOf(request.stripeVersion()), String.valueOf(request.authorization()));
    }

    private List<Captured> takeRequests() {
        List<Captured> taken = stripe.requests();
        stripe.clear();
        return taken;
    }

    private StripeClient officialClient() {
        return StripeClient.builder().setApiKey(KEY).setApiBase(stripe.baseUrl()).setMaxNetworkRetries(0).build();
    }

    private static RequestOptions idempotencyKey(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** What {@code PaymentExecutor} sends with a charge. */
    private static Map<String, String> orderMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("payment_order_id", "po_1");
        metadata.put("checkout_id", "chk_1");
        metadata.put("attempt", "1");
        return metadata;
    }

    private void withPspClient(Consumer<PspClient> calls, String... properties) {
        pspContext(stripe.baseUrl(), properties).run(context -> {
            assertThat(context).hasNotFailed();
            calls.accept(context.getBean(PspClient.class));
        });
    }

    /** The service's PSP configuration alone, with its properties, against {@code baseUrl}. */
    static ApplicationContextRunner pspContext(String baseUrl, String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Meters.class, PspConfiguration.class)
                .withPropertyValues("kassa.psp.base-url=" + baseUrl, "kassa.psp.api-key=" + KEY,
                        "kassa.psp.webhook-secrets=whsec_unused")
                .withPropertyValues(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PaymentProperties.class)
    static class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    /** Stripe-shaped objects, enough for stripe-java to read them as it reads Stripe's. */
    private static Answer stripeAnswer(Captured request) {
        if (request.path().startsWith("/v1/refunds")) {
            return Answer.of(200, """
                    {"id":"re_1","object":"refund","amount":1000,"currency":"eur","status":"succeeded",
                     "payment_intent":"pi_1","charge":"ch_1","failure_reason":null,
                     "metadata":{"refund_id":"re_kassa_1","payment_order_id":"po_1"}}""");
        }
        return Answer.of(200, """
                {"id":"pi_1","object":"payment_intent","amount":2999,"amount_received":2999,"currency":"eur",
                 "status":"succeeded","latest_charge":"ch_1","livemode":false,"last_payment_error":null,
                 "metadata":{"payment_order_id":"po_1","checkout_id":"chk_1","attempt":"1"}}""");
    }
}
