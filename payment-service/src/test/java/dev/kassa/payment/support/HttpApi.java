package dev.kassa.payment.support;

import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.contract.ApiDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the service under test: exact bytes out, status, headers and body back. Anonymous, or
 * sending one key as {@code Authorization: Bearer} with every request ({@link #as(String)}). Every exchange is checked
 * against docs/api/payment-service.json ({@link ApiContract}), so a test fails on anything the document does not say.
 */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    /**
     * None while ApiDocumentTest rewrites the document ({@code -Dkassa.api-docs.write=true}): the old one is no referee
     * of the new code, and the tests' merchant is made through this client before the document is written.
     */
    private static final ApiContract CONTRACT = Boolean.getBoolean(ApiDocument.WRITE_PROPERTY) ? null
            : ApiContract.of("payment-service");

    private final String baseUrl;
    private final String key;

    /** An anonymous client. */
    public HttpApi(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private HttpApi(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** The same service, called with {@code key} (a merchant's {@code sk_} or an operator's {@code opk_}). */
    public HttpApi as(String key) {
        return new HttpApi(baseUrl, key);
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, null);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), null);
    }

    /** A request of any method, with any body ({@code null}: none) and content type. */
    public Response request(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, body);
    }

    public Response postJson(String path, String json) {
        return post(path, json.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    public Response post(String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request, new String(body, StandardCharsets.UTF_8));
    }

    /** @param body the request's body as sent ({@code null}: none), for the contract's check of the request */
    private Response send(HttpRequest.Builder request, String body) {
        if (key != null) {
            request.setHeader("Authorization", "Bearer " + key);
        }
        try {
            HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (CONTRACT != null) {
                CONTRACT.check(built, body, response);
            }
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonMapper json() {
        return JSON;
    }
}
