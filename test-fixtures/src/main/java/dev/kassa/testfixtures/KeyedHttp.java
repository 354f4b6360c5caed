package dev.kassa.testfixtures;

import dev.kassa.testfixtures.contract.ApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw HTTP to a service on 127.0.0.1, with a bearer key or none, so that Tomcat and the security filters are included. */
public final class KeyedHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;
    private final ApiContract contract;

    public KeyedHttp(int port) {
        this(port, null);
    }

    /** Every exchange checked against the service's committed API document (null: none). */
    public KeyedHttp(int port, ApiContract contract) {
        this.port = port;
        this.contract = contract;
    }

    /**
     * @param key      a bearer key, or null for an anonymous call
     * @param jsonBody a JSON body, or null for none
     */
    public HttpResponse<String> send(String method, String pathAndQuery, String key, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", TestKeys.bearer(key));
        }
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            return contract == null ? response : contract.check(built, jsonBody, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
