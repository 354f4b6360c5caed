package dev.kassa.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.client.Checkout;
import dev.kassa.client.ExchangeListener;
import dev.kassa.client.KassaClient;
import dev.kassa.client.MerchantIdentity;
import dev.kassa.client.PaymentOrder;
import dev.kassa.client.Refund;
import dev.kassa.client.RefundRequest;
import dev.kassa.launcher.demo.CheckoutRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * payment-service's merchant API (checkouts, payment orders, refunds, {@code /api/v1/merchants/me}), as a merchant's
 * back end calls it: through {@code kassa-client}, the library merchants take, with the demo merchant's key, so that
 * the library is exercised against the real service. Answers are kassa-client's typed objects; an error answer is its
 * typed exception ({@code ConflictException}, {@code RefundExceedsRefundableException}, ...) carrying the problem
 * detail. Every exchange is checked against payment-service's API document (docs/api/payment-service.json).
 *
 * <p>{@link #withKey}, {@link #withHeader} and {@link #observedBy} give the same helper for another key, with an extra
 * request header, or with every exchange shown to a listener too (a test that tells a 202 from a 200). They share one
 * HTTP client, which the tests never close: it lives as long as the system.
 */
public final class Payments {

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http;
    private final ExchangeListener listener;
    private final Map<String, String> headers;
    private final KassaClient client;

    Payments(String paymentBaseUrl, String merchantKey, ExchangeListener contracts) {
        this(paymentBaseUrl, merchantKey, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build(), contracts, Map.of());
    }

    private Payments(String baseUrl, String apiKey, HttpClient http, ExchangeListener listener,
                     Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = http;
        this.listener = listener;
        this.headers = Map.copyOf(headers);
        KassaClient.Builder builder = KassaClient.builder().baseUrl(baseUrl).apiKey(apiKey).httpClient(http)
                .exchangeListener(listener);
        headers.forEach(builder::header);
        this.client = builder.build();
    }

    /** The same calls with another key: another merchant's, an operator's (whose refusals the tests expect). */
    public Payments withKey(String key) {
        return new Payments(baseUrl, key, http, listener, headers);
    }

    /** The same calls with {@code name: value} on every request, such as the caller's W3C {@code traceparent}. */
    public Payments withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Payments(baseUrl, apiKey, http, listener, more);
    }

    /** The same calls, every exchange (each attempt) shown to {@code observer} once its contract check passed. */
    public Payments observedBy(ExchangeListener observer) {
        ExchangeListener checked = listener;
        return new Payments(baseUrl, apiKey, http, new ExchangeListener() {
            @Override
            public void exchanged(HttpRequest request, byte[] requestBody, HttpResponse<byte[]> response) {
                checked.exchanged(request, requestBody, response);
                observer.exchanged(request, requestBody, response);
            }

            @Override
            public void failed(HttpRequest request, byte[] requestBody, IOException failure) {
                checked.failed(request, requestBody, failure);
                observer.failed(request, requestBody, failure);
            }
        }, headers);
    }

    /**
     * {@code POST /api/v1/payments}: the checkout as payment-service answers it, new (202) or, for a resubmission of
     * the same body, as it stands (200): kassa-client answers both alike. Refusals are thrown.
     */
    public Checkout submit(CheckoutRequest checkout) {
        return client.createCheckout(checkout.request());
    }

    /** Submits and expects payment-service to have taken this checkout with its orders. */
    public Checkout accept(CheckoutRequest checkout) {
        Checkout answer = submit(checkout);
        assertThat(answer.checkoutId()).as("the checkout id answered for " + checkout.checkoutId())
                .isEqualTo(checkout.checkoutId());
        assertThat(answer.paymentOrders()).as("the orders of " + checkout.checkoutId())
                .extracting(Checkout.PaymentOrderSummary::paymentOrderId)
                .containsExactlyElementsOf(checkout.orders().stream().map(CheckoutRequest.Order::paymentOrderId)
                        .toList());
        return answer;
    }

    public Checkout checkout(String checkoutId) {
        return client.getCheckout(checkoutId);
    }

    /** The order with attempts, PSP reference, refunds and risk decisions. */
    public PaymentOrder order(String paymentOrderId) {
        return client.getPaymentOrder(paymentOrderId);
    }

    /** {@code POST /api/v1/payment-orders/{id}/refunds}; a refusal is thrown (409, 422, ...). */
    public Refund refund(String paymentOrderId, String refundId, String amount) {
        return client.refund(paymentOrderId, new RefundRequest(refundId, amount));
    }

    /** {@code GET /api/v1/merchants/me}: whose key this is. */
    public MerchantIdentity me() {
        return client.currentMerchant();
    }

    /**
     * The checkout once it is COMPLETED: every order terminal, every succeeded one in wallet and ledger (kassa-client's
     * own wait, which reads it every half second).
     */
    public Checkout awaitCompleted(String checkoutId) {
        return client.awaitCheckout(checkoutId, Timeouts.SETTLE);
    }

    /** The order (with attempts, PSP reference and refunds) once {@code condition} holds. */
    public PaymentOrder awaitOrder(String paymentOrderId, String description, Predicate<PaymentOrder> condition) {
        return awaitOrder(paymentOrderId, description, Timeouts.SETTLE, condition);
    }

    public PaymentOrder awaitOrder(String paymentOrderId, String description, Duration timeout,
                                   Predicate<PaymentOrder> condition) {
        return await("order " + paymentOrderId + " " + description).atMost(timeout)
                .until(() -> order(paymentOrderId), condition);
    }
}
