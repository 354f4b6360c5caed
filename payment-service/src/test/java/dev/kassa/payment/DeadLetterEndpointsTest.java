package dev.kassa.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.support.HttpApi;
import org.junit.jupiter.api.Test;

/**
 * The messaging library's {@code /admin/dead-letters} inside payment-service: input errors are 400 problem details
 * like every other of the service's (issue #15 reported a 500 for each, from a catch-all handler of the service's
 * own; the service now has no advice of its own, only the web module's), and every operator role reads them.
 */
class DeadLetterEndpointsTest extends PaymentServiceTestBase {

    @Test
    void badDeadLetterRequestsAre400ProblemsNot500() {
        HttpApi.Response topics = operator.get("/admin/dead-letters/topics");
        assertThat(topics.status()).as(topics.body()).isEqualTo(200);
        String topic = topics.json().get(0).asString();

        assertInvalid(operator.get("/admin/dead-letters?topic=unknown"), "topic");
        assertInvalid(operator.get("/admin/dead-letters?topic=" + topic + "&limit=-1"), "limit");
        assertInvalid(operator.get("/admin/dead-letters?topic=" + topic + "&limit=ten"), "limit");
        assertInvalid(operator.get("/admin/dead-letters?topic=" + topic + "&from_offset=-1"), "from_offset");
        assertInvalid(operator.get("/admin/dead-letters"), "topic");
        assertInvalid(operator.postJson("/admin/dead-letters/replay", "{\"topic\": \"unknown\"}"), "topic");
        assertInvalid(operator.postJson("/admin/dead-letters/replay", "{\"topic\": "), "body");
    }

    private static void assertInvalid(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("/invalid-request");
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString())).contains(field);
    }
}
