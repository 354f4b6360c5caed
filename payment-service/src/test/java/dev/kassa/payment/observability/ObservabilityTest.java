package dev.kassa.payment.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Metrics, payment ids on log lines, and the caller's trace carried through Kafka to payment.results. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends PaymentServiceTestBase {

    @Test
    void theCallersTraceTravelsThroughKafkaToTheResultEvent(CapturedOutput output) {
        // The result must come from the PSP's answer to the call made in the caller's trace: psp-mock's webhook (its own
        // trace) would otherwise sometimes apply it first.
        psp().faults("webhook_delay_ms", 60_000);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String checkoutId = id("chk");
        String orderId = id("po");

        HttpApi.Response created = api.post("/api/v1/payments",
                checkout(checkoutId, orderId, "2.50", "USD", "tok_visa").getBytes(StandardCharsets.UTF_8),
                "application/json", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(created.status()).isEqualTo(202);

        eventually().until(() -> !paymentResults().recordsForKey(orderId).isEmpty());
        ConsumerRecord<String, SpecificRecord> result = paymentResults().recordsForKey(orderId).getFirst();
        Header traceparent = result.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent header on payment.results").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains(traceId);

        // Every log line of this payment names it, from the API through the executor to the result.
        assertThat(output.getAll().lines().filter(line -> line.contains(orderId) && line.contains("SUCCEEDED")))
                .isNotEmpty()
                .allMatch(line -> line.contains("checkout_id=" + checkoutId) && line.contains("payment_order_id=" + orderId));
        assertThat(output.getAll().lines().filter(l -> l.contains("Checkout created") && l.contains(checkoutId)))
                .isNotEmpty();
    }

    @Test
    void metricsForOrdersByStatusPspLatencyWebhooksAndTheJanitorAreExposed() {
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "1.00", "USD", "tok_visa"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));

        eventually().until(() -> operator.get("/actuator/prometheus").body().contains("kassa_payment_orders{status=\"SUCCEEDED\"}"));
        String metrics = operator.get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("kassa_payment_orders{status=\"NOT_STARTED\"}")
                .contains("kassa_payment_orders{status=\"FAILED\"}")
                .contains("kassa_payment_psp_latency_seconds_bucket{")
                .contains("operation=\"create_payment_intent\"")
                .contains("kassa_payment_results_total{")
                .contains("kassa_payment_psp_circuit_open");
        assertThat(succeededGauge(metrics)).isGreaterThanOrEqualTo(1.0);
    }

    private static double succeededGauge(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("kassa_payment_orders{status=\"SUCCEEDED\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
