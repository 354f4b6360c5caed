package dev.kassa.pspmock.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** POSTs one signed event body to one endpoint. */
@Component
class WebhookSender {

    /** The outcome of one attempt: the HTTP status if the endpoint answered, else what went wrong. */
    record Attempt(Integer statusCode, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient http;
    private final WebhookSigner signer;
    private final Duration requestTimeout;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, Clock clock) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.signer = new WebhookSigner(properties.secrets());
        this.requestTimeout = properties.requestTimeout();
        this.clock = clock;
    }

    /** @throws InterruptedException when the process shuts down mid-attempt: the attempt is then not recorded */
    Attempt send(String endpoint, String payload) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "kassa-psp-mock")
                .header(WebhookSigner.HEADER, signer.header(clock.instant().getEpochSecond(), payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Attempt(response.statusCode(), response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Attempt(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
