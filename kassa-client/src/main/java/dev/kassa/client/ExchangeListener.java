package dev.kassa.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sees every HTTP exchange a {@link KassaClient} makes, each attempt of a retried call included, and through
 * {@link #failed} each attempt that got no answer: for logging, metrics, or checking each answer against
 * payment-service's published OpenAPI document (docs/api/payment-service.json), as Kassa's own end-to-end tests do. It
 * runs before the answer is read, on the calling thread (for {@link KassaClient#createCheckoutAsync}, on the HTTP
 * client's executor); what it throws, the call throws.
 */
@FunctionalInterface
public interface ExchangeListener {

    /**
     * @param request     the request as sent
     * @param requestBody its body (JSON), or null when it had none
     * @param response    the answer, body included
     */
    void exchanged(HttpRequest request, byte[] requestBody, HttpResponse<byte[]> response);

    /**
     * An attempt that got no answer: the connection failed or the attempt timed out. The call is tried again if the
     * retry policy allows; nothing by default.
     */
    default void failed(HttpRequest request, byte[] requestBody, IOException failure) {
    }
}
