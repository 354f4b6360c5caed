package dev.kassa.pspmock.webhook;

import java.io.IOException;
import java.time.Clock;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * POSTs one signed event body to one endpoint, on the calling (delivery) thread, over pooled keep-alive
 * connections: one connection per delivery slot.
 */
@Component
class WebhookSender {

    /** The outcome of one attempt: the HTTP status if the endpoint answered, else what went wrong. */
    record Attempt(Integer statusCode, String error) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final CloseableHttpClient http;
    private final WebhookSigner signer;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, Clock clock) {
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(properties.maxConcurrency())
                        .setMaxConnPerRoute(properties.maxConcurrency())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.requestTimeout()))
                                .build())
                        .build())
                // A webhook is attempted once per call: retries and their backoff belong to the worker.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("kassa-psp-mock")
                .build();
        this.signer = new WebhookSigner(properties.secrets());
        this.clock = clock;
    }

    Attempt send(String endpoint, String payload) {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader(WebhookSigner.HEADER, signer.header(clock.instant().getEpochSecond(), payload));
        post.setEntity(new StringEntity(payload, ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, response -> {
                EntityUtils.consume(response.getEntity()); // keeps the connection reusable
                int status = response.getCode();
                return new Attempt(status, status / 100 == 2 ? null : "HTTP " + status);
            });
        } catch (IOException | RuntimeException e) {
            return new Attempt(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Aborts the attempts in flight (their sockets are closed): used when the process stops. */
    void abortAll() {
        http.close(CloseMode.IMMEDIATE);
    }
}
