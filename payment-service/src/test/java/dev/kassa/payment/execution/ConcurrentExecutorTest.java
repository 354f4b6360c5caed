package dev.kassa.payment.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.localstack.LocalStack;
import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.psp.PaymentIntent;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TopicRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The executor against the real PSP simulator: requests of one order in one poll stay in order and charge
 * once; a request delivered again after a crash between the PSP's answer and the commit charges once (the
 * PSP replays its first answer to the same key); transient failures of several requests of one poll each
 * take the retry topics to the dead-letter topic.
 */
class ConcurrentExecutorTest extends PaymentServiceTestBase {

    @Autowired
    PspClient pspClient;

    @Test
    void requestsForOneOrderInOnePollAreAppliedInOrderAndChargeOnce() {
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orderIds.add(insertOrder("NOT_STARTED"));
        }
        // Every order's request three times over (a producer retry, a re-delivery): one poll, three waves.
        for (int copy = 0; copy < 3; copy++) {
            orderIds.forEach(orderId -> events().send(Topics.PAYMENT_PSP_REQUESTS, orderId, request(orderId)));
        }

        eventually().until(() -> orderIds.stream().allMatch(id -> orderStatus(id).equals("SUCCEEDED")));
        eventually().until(() -> orderIds.stream().allMatch(id -> paymentResults().forKey(id).size() == 1));
        for (String orderId : orderIds) {
            assertThat(psp().settlementRows(orderId)).as("charges of %s", orderId).hasSize(1);
            assertThat(paymentResults().forKey(orderId)).as("results of %s", orderId).hasSize(1);
        }
    }

    @Test
    void aRequestDeliveredAgainAfterACrashBetweenThePspAnswerAndTheCommitChargesOnce() {
        // The state a crash leaves: the order EXECUTING (committed before the call), the PSP charged with the
        // attempt's key, the answer never applied and the request's offset never committed.
        String orderId = insertOrder("EXECUTING");
        PaymentIntent charged = pspClient.createPaymentIntent(1234, "USD", "tok_visa",
                Map.of("payment_order_id", orderId, "checkout_id", checkoutOf(orderId), "attempt", "1"),
                orderId + ":1");
        assertThat(charged.succeeded()).isTrue();

        events().send(Topics.PAYMENT_PSP_REQUESTS, orderId, request(orderId));

        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        assertThat(jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).single()).as("the PSP replayed its first answer").isEqualTo(charged.id());
        assertThat(psp().settlementRows(orderId)).as("one charge").hasSize(1);
        eventually().until(() -> paymentResults().forKey(orderId).size() == 1);
        assertThat(paymentResults().forKey(orderId).getFirst()).isInstanceOf(PaymentOrderSucceeded.class);
    }

    @Test
    void transientFailuresOfSeveralRequestsInOnePollEachGoThroughTheRetryTopicsToTheDeadLetterTopic() {
        psp().faults("server_error_rate", 1.0);
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            orderIds.add(insertOrder("NOT_STARTED"));
        }
        orderIds.forEach(orderId -> events().send(Topics.PAYMENT_PSP_REQUESTS, orderId, request(orderId)));

        try (TopicRecorder retried = new TopicRecorder(LocalStack.shared().kafka().superUserClientProperties(), Topics.retryTopic(Topics.PAYMENT_PSP_REQUESTS,
                     ConsumerGroups.PAYMENT_SERVICE, 0));
             TopicRecorder deadLetters = new TopicRecorder(LocalStack.shared().kafka().superUserClientProperties(), Topics.deadLetterTopic(Topics.PAYMENT_PSP_REQUESTS,
                     ConsumerGroups.PAYMENT_SERVICE))) {
            eventually().until(() -> orderIds.stream().allMatch(id -> deadLetters.forKey(id).size() == 1));
            assertThat(orderIds).as("each went through the first retry topic")
                    .allMatch(id -> retried.forKey(id).size() == 1);
        }
        for (String orderId : orderIds) {
            assertThat(orderStatus(orderId)).as("waits where the janitor looks").isEqualTo("EXECUTING");
        }
    }

    private String insertOrder(String status) {
        String checkoutId = id("chk");
        String orderId = id("po");
        jdbc.sql("""
                INSERT INTO checkout (checkout_id, request_hash, buyer_user_id, buyer_email, payment_method_token)
                VALUES (?, repeat('0', 64), 'u_1', 'buyer@example.com', 'tok_visa')""").param(checkoutId).update();
        jdbc.sql("""
                INSERT INTO payment_order (payment_order_id, checkout_id, position, seller_account, amount_minor,
                                           currency, status)
                VALUES (?, ?, 0, 'seller_1', 1234, 'USD', ?)""").params(orderId, checkoutId, status).update();
        return orderId;
    }

    private String checkoutOf(String orderId) {
        return jdbc.sql("SELECT checkout_id FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).single();
    }

    private PaymentOrderExecutionRequested request(String orderId) {
        return PaymentOrderExecutionRequested.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setPaymentOrderId(orderId).setCheckoutId(checkoutOf(orderId))
                .setSellerAccount("seller_1").setAmountMinor(1234).setCurrency("USD").setAttempt(1)
                .setPaymentMethodToken("tok_visa").build();
    }
}
