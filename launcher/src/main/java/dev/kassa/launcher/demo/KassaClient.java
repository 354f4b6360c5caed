package dev.kassa.launcher.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny JSON-over-HTTP client for the services' public APIs, as a checkout frontend or operator would call them:
 * with a merchant's key ({@code sk_test_...}) or an operator's ({@code opk_...}) as its bearer credential, or
 * with none (health, the PSP webhook).
 */
public final class KassaClient {

    /**
     * An HTTP answer: status, parsed JSON body (a missing node when the body is empty, a text node when it is
     * not JSON) and the body as received.
     */
    public record Response(int status, JsonNode body, String text) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /** Sees every exchange (the end-to-end tests check each against the service's OpenAPI document). */
    @FunctionalInterface
    public interface Observer {
        void exchanged(HttpRequest request, String requestBody, HttpResponse<String> response);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Observer NOBODY = (request, body, response) -> { };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String bearerKey;
    private final Observer observer;

    /** A client without credentials: only health and the PSP webhook answer it. */
    public KassaClient() {
        this(null, NOBODY);
    }

    private KassaClient(String bearerKey, Observer observer) {
        this.bearerKey = bearerKey;
        this.observer = observer;
    }

    /** The same client, with every exchange shown to {@code observer} first. */
    public KassaClient observedBy(Observer observer) {
        return new KassaClient(bearerKey, observer);
    }

    /** A client that sends {@code Authorization: Bearer <key>} with every request. */
    public static KassaClient withKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a bearer key is needed");
        }
        return new KassaClient(key, NOBODY);
    }

    public Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), null, true);
    }

    public Response post(String url, Object body) {
        String json = JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), json, true);
    }

    /**
     * Sends {@code rawBody} byte for byte (a webhook signature covers exact bytes) with {@code headers}; an
     * {@code Authorization} header among them replaces this client's key.
     */
    public Response send(String method, String url, Map<String, String> headers, String rawBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                rawBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rawBody));
        if (rawBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        boolean ownCredentials = headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
        return send(request, rawBody, !ownCredentials);
    }

    /** {@code value} as JSON text. */
    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private Response send(HttpRequest.Builder request, String body, boolean withKey) {
        if (withKey && bearerKey != null) {
            request.setHeader("Authorization", "Bearer " + bearerKey);
        }
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            observer.exchanged(built, body, response);
            return new Response(response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.getNodeFactory().stringNode(body);
        }
    }
}
