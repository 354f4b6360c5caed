package dev.kassa.pspmock.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.pspmock.PspMockApplication;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A delivery in flight when the process dies is not lost: two application contexts, one after the other, on the
 * same database, as a crash and a restart would run.
 */
class RestartMidDeliveryTest {

    @Test
    void deliveryInterruptedByShutdownIsDeliveredAfterRestart() {
        LocalStack stack = LocalStack.shared();
        String database = stack.freshDatabase("psp_restart");
        try (WebhookReceiver endpoint = new WebhookReceiver()) {
            endpoint.holdResponses();
            String intentId;
            String eventId;
            try (ConfigurableApplicationContext first = start(stack.postgres(), database, endpoint.url())) {
                intentId = new PspApi(port(first)).createIntent(800, "EUR", "tok_visa").json().path("id").stringValue();
                // The endpoint has the request and has not answered: the delivery is in flight. Now "crash".
                eventId = await().atMost(Duration.ofSeconds(10))
                        .until(() -> endpoint.deliveriesFor(intentId), d -> !d.isEmpty()).getFirst().eventId();
            }
            endpoint.release(); // from now on the endpoint answers 200

            try (ConfigurableApplicationContext second = start(stack.postgres(), database, endpoint.url())) {
                var attempts = await().atMost(Duration.ofSeconds(20))
                        .until(() -> endpoint.deliveriesFor(intentId), d -> d.size() >= 2);
                assertThat(attempts).extracting(WebhookReceiver.Delivery::eventId).containsOnly(eventId);
                PspApi api = new PspApi(port(second));
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        api.get("/v1/events?delivery_success=false").json().path("data").isEmpty()).isTrue());
                assertThat(api.get("/v1/events/" + eventId).json().path("pending_webhooks").intValue()).isZero();
            }
        }
    }

    private static ConfigurableApplicationContext start(PostgresServer postgres, String database, String endpoint) {
        // Command-line arguments: they take precedence over application.yaml, as the tests' settings must.
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("server.shutdown", "immediate");
        // its runtime role for the pool, its owner for Liquibase, as every service runs
        properties.putAll(LocalStackSpring.databaseProperties(database));
        properties.put("psp.webhooks.endpoints", endpoint);
        properties.put("psp.webhooks.poll-interval", "50ms");
        properties.put("psp.webhooks.connect-timeout", "500ms");
        properties.put("psp.webhooks.request-timeout", "2s");
        properties.put("psp.webhooks.lease", "3s");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PspMockApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
