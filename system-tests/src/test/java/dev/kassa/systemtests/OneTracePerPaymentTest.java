package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.schemas.Topics;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import dev.kassa.systemtests.support.Timeouts;
import dev.kassa.testfixtures.TopicReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One payment is one trace (docs/architecture.md §4): the checkout request's W3C trace context travels with every
 * record the payment causes, from payment-service through wallet-service and ledger-service, and payment-service's
 * log lines name it.
 */
@SystemTest
class OneTracePerPaymentTest {

    /** Every topic a payment's records go through; each carries one record per payment order. */
    private static final List<String> TOPICS = List.of(Topics.PAYMENT_PSP_REQUESTS, Topics.PAYMENT_RESULTS,
            Topics.WALLET_EVENTS, Topics.LEDGER_EVENTS);

    @Test
    void everyRecordOfOnePaymentOnEveryTopicCarriesTheCheckoutRequestsTraceId(Kassa kassa) throws IOException {
        Ids ids = Ids.forTest("trace");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa",
                new Order(ids.order(), seller, "12.00", "USD"),
                new Order(ids.order(), seller, "8.00", "EUR"));
        HexFormat hex = HexFormat.of();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE)) + hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE));
        String callerSpanId = hex.toHexDigits(random.nextLong(1, Long.MAX_VALUE));
        Set<String> orderIds = Set.of(checkout.orders().get(0).paymentOrderId(), checkout.orders().get(1).paymentOrderId());

        // A PSP does not send our trace context back, so a result it reports by webhook is applied in the webhook
        // request's own trace (§4). Held back here so that the synchronous answer decides, as it does for tok_visa
        // unless the webhook overtakes it.
        kassa.psp().setFaults(Map.of("webhook_outage", true));
        try {
            kassa.payments().withHeader("traceparent", "00-" + traceId + "-" + callerSpanId + "-01").accept(checkout);
            kassa.payments().awaitCompleted(checkout.checkoutId());
        } finally {
            kassa.psp().resetFaults();
        }

        TopicReader topics = new TopicReader(kassa.system().kafka().superUserClientProperties());
        for (String topic : TOPICS) {
            List<ConsumerRecord<String, byte[]>> records = await(topic + " records of " + orderIds)
                    .atMost(Timeouts.SETTLE)
                    .until(() -> topics.read(topic, r -> orderIds.contains(r.key())), r -> r.size() >= orderIds.size());
            assertThat(records).as("records on %s", topic).hasSize(orderIds.size()).allSatisfy(record -> {
                String traceparent = TopicReader.header(record, "traceparent");
                assertThat(traceparent).as("traceparent of %s-%d@%d", topic, record.partition(), record.offset())
                        .isNotNull()
                        .startsWith("00-" + traceId + "-")
                        .doesNotContain(callerSpanId); // a span of the service that published it
            });
        }
        List<String> paymentLog = Files.readAllLines(kassa.process(KassaService.PAYMENT).logFile());
        assertThat(paymentLog).as("payment-service's log lines about the payment")
                .filteredOn(line -> line.contains("Payment order SUCCEEDED")
                        && orderIds.stream().anyMatch(line::contains))
                .hasSize(orderIds.size())
                .allSatisfy(line -> assertThat(line).contains(traceId));
    }
}
