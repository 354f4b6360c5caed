package dev.kassa.payment.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.consumer.EventConsumerRegistrar;
import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * wallet.events and ledger.events, published as wallet-service and ledger-service do: the flags are set
 * once, and the checkout completes only when every succeeded order is in both; batches of both topics that
 * confirm the same orders at the same time complete each checkout once; duplicates and late confirmations
 * change nothing; refunds' confirmations set the refund's own flags.
 */
class ConfirmationTest extends PaymentServiceTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    @Qualifier("walletEvents")
    EventConsumer walletEvents;

    @Autowired
    @Qualifier("ledgerEvents")
    EventConsumer ledgerEvents;

    @Autowired
    EventConsumerRegistrar registrar;

    @Autowired
    MeterRegistry meters;

    @Test
    void theCheckoutCompletesWhenEverySucceededOrderIsInWalletAndLedger() {
        String checkoutId = id("chk");
        String first = id("po");
        String second = id("po");
        api.postJson("/api/v1/payments", """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_1", "email": "buyer@example.com"},
                 "credit_card_info": {"token": "tok_mastercard", "last4": "4444"},
                 "payment_orders": [
                   {"payment_order_id": "%s", "seller_account": "seller_a", "amount": "10.00", "currency": "EUR"},
                   {"payment_order_id": "%s", "seller_account": "seller_b", "amount": "5.25", "currency": "EUR"}]}
                """.formatted(checkoutId, first, second));
        eventually().until(() -> orderStatus(first).equals("SUCCEEDED") && orderStatus(second).equals("SUCCEEDED"));

        WalletCredited credit = walletCredited(checkoutId, first, "seller_a", 1000);
        events().send(Topics.WALLET_EVENTS, first, credit);
        events().send(Topics.WALLET_EVENTS, first, credit); // redelivered: skipped by the inbox
        events().send(Topics.WALLET_EVENTS, first, walletCredited(checkoutId, first, "seller_a", 1000)); // other id
        events().send(Topics.LEDGER_EVENTS, first, ledgerRecorded(checkoutId, first, "seller_a", 1000));
        events().send(Topics.LEDGER_EVENTS, second, ledgerRecorded(checkoutId, second, "seller_b", 525));

        eventually().until(() -> flags(second).equals("false/true") && flags(first).equals("true/true"));
        // One confirmation is still missing: the checkout waits for it.
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> checkoutStatus(checkoutId).equals("PROCESSING"));

        events().send(Topics.WALLET_EVENTS, second, walletCredited(checkoutId, second, "seller_b", 525));

        eventually().until(() -> checkoutStatus(checkoutId).equals("COMPLETED"));
        JsonNode checkout = api.get("/api/v1/payments/" + checkoutId).json();
        for (JsonNode order : checkout.path("payment_orders")) {
            assertThat(order.path("wallet_updated").asBoolean()).isTrue();
            assertThat(order.path("ledger_updated").asBoolean()).isTrue();
        }
    }

    @Test
    void aConfirmationForAnOrderThatIsNotOursIsAcknowledged() {
        String orderId = id("po_foreign");

        events().send(Topics.WALLET_EVENTS, orderId, walletCredited(id("chk"), orderId, "seller_x", 100));
        // The consumer moves on: a later confirmation of a real order is still processed.
        String checkoutId = id("chk");
        String real = id("po");
        api.postJson("/api/v1/payments", checkout(checkoutId, real, "1.00", "USD", "tok_visa"));
        eventually().until(() -> orderStatus(real).equals("SUCCEEDED"));
        events().send(Topics.WALLET_EVENTS, real, walletCredited(checkoutId, real, "seller_1", 100));

        eventually().until(() -> flags(real).startsWith("true/"));
    }

    @Test
    void aBatchOfWalletAndLedgerConfirmationsCompletesEachCheckoutOnceAndPublishesNothing() {
        List<String> checkouts = List.of(id("chk"), id("chk"), id("chk"));
        Map<String, List<String>> ordersOf = new LinkedHashMap<>();
        for (String checkoutId : checkouts) {
            List<String> orders = List.of(id("po"), id("po"));
            ordersOf.put(checkoutId, orders);
            api.postJson("/api/v1/payments", twoOrders(checkoutId, orders.get(0), orders.get(1)));
        }
        List<String> allOrders = ordersOf.values().stream().flatMap(List::stream).toList();
        eventually().until(() -> allOrders.stream().allMatch(o -> orderStatus(o).equals("SUCCEEDED")));
        String outboxBefore = outboxOf(allOrders);

        // One poll holds both topics' confirmations of the same rows, applied in one transaction.
        List<String> eventIds = new ArrayList<>();
        inOnePoll(() -> ordersOf.forEach((checkoutId, orders) -> {
            for (String order : orders) {
                WalletCredited credited = walletCredited(checkoutId, order, "seller_a", 1000);
                LedgerTransactionRecorded recorded = ledgerRecorded(checkoutId, order, "seller_a", 1000);
                send(Topics.WALLET_EVENTS, order, credited);
                send(Topics.LEDGER_EVENTS, order, recorded);
                eventIds.add(credited.getEventId());
                eventIds.add(recorded.getEventId());
            }
        }));

        eventually().until(() -> checkouts.stream().allMatch(c -> checkoutStatus(c).equals("COMPLETED")));
        assertThat(allOrders).allSatisfy(order -> assertThat(flags(order)).isEqualTo("true/true"));
        assertThat(transactionsOf(eventIds)).as("applied in batches, not one transaction per event")
                .isLessThan(eventIds.size());

        // Late confirmations (new event ids) and a redelivery change nothing: the checkouts stay completed once.
        String completed = rowVersions(checkouts, allOrders);
        String checkoutId = checkouts.getFirst();
        String order = ordersOf.get(checkoutId).getFirst();
        WalletCredited late = walletCredited(checkoutId, order, "seller_a", 1000);
        LedgerTransactionRecorded lateLedger = ledgerRecorded(checkoutId, order, "seller_a", 1000);
        events().send(Topics.WALLET_EVENTS, order, late);
        events().send(Topics.LEDGER_EVENTS, order, lateLedger);
        eventually().until(() -> inboxRows(List.of(late.getEventId(), lateLedger.getEventId())) == 2);
        assertThat(rowVersions(checkouts, allOrders)).isEqualTo(completed);

        // payment-service publishes nothing on a confirmation: one result per order, no new outbox row.
        assertThat(outboxOf(allOrders)).isEqualTo(outboxBefore);
        for (String o : allOrders) {
            eventually().until(() -> paymentResults().forKey(o).size() == 1);
        }
    }

    @Test
    void aDuplicateConfirmationIsSkipped() {
        String checkoutId = id("chk");
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "2.00", "USD", "tok_visa"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        WalletCredited credited = walletCredited(checkoutId, orderId, "seller_1", 200);
        events().send(Topics.WALLET_EVENTS, orderId, credited);
        events().send(Topics.LEDGER_EVENTS, orderId, ledgerRecorded(checkoutId, orderId, "seller_1", 200));
        eventually().until(() -> checkoutStatus(checkoutId).equals("COMPLETED"));
        String completed = rowVersions(List.of(checkoutId), List.of(orderId));
        double duplicates = duplicatesSkipped();

        events().send(Topics.WALLET_EVENTS, orderId, credited); // redelivered: the same event id
        // Same key, so same partition: once this one is handled, the redelivery before it was too.
        WalletCredited after = walletCredited(checkoutId, orderId, "seller_1", 200);
        events().send(Topics.WALLET_EVENTS, orderId, after);

        eventually().until(() -> inboxRows(List.of(after.getEventId())) == 1);
        eventually().until(() -> duplicatesSkipped() > duplicates);
        assertThat(rowVersions(List.of(checkoutId), List.of(orderId))).isEqualTo(completed);
        assertThat(flags(orderId)).isEqualTo("true/true");
    }

    @Test
    void refundConfirmationsSetTheRefundsFlagsOnly() {
        String checkoutId = id("chk");
        String orderId = id("po");
        String refundId = id("re");
        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "8.00", "USD", "tok_visa"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        api.postJson("/api/v1/payment-orders/" + orderId + "/refunds",
                "{\"refund_id\": \"" + refundId + "\", \"amount\": \"3.00\"}");
        eventually().until(() -> refundStatus(refundId).equals("SUCCEEDED"));

        inOnePoll(() -> {
            send(Topics.WALLET_EVENTS, orderId, walletDebited(checkoutId, orderId, refundId, 300));
            send(Topics.LEDGER_EVENTS, orderId, refundRecorded(checkoutId, orderId, refundId, 300));
            send(Topics.WALLET_EVENTS, orderId, walletDebited(checkoutId, orderId, refundId, 300)); // late, new id
        });

        eventually().until(() -> refundFlags(refundId).equals("true/true"));
        assertThat(flags(orderId)).as("the payment's own confirmations are still to come").isEqualTo("false/false");
        assertThat(checkoutStatus(checkoutId)).isEqualTo("PROCESSING");
    }

    /**
     * Stops the confirmations' consumer (one container reads both topics) while {@code sends} publishes, so that
     * it reads everything in one poll when it starts again and applies both topics' events in one transaction.
     */
    private void inOnePoll(Runnable sends) {
        String listenerId = registrar.listenerIdOf(walletEvents);
        assertThat(registrar.listenerIdOf(ledgerEvents)).as("one container reads both topics").isEqualTo(listenerId);
        MessageListenerContainer consumer = listeners.getListenerContainer(listenerId);
        consumer.stop();
        try {
            sends.run();
            events().flush();
        } finally {
            consumer.start();
        }
    }

    private static void send(String topic, String key, SpecificRecord record) {
        events().sendAsync(topic, key, record);
    }

    /** How many transactions handled these events: their inbox rows' distinct {@code xmin}. */
    private long transactionsOf(List<String> eventIds) {
        return jdbc.sql("SELECT count(DISTINCT xmin::text) FROM processed_message WHERE event_id = ANY (?)")
                .param(eventIds.toArray(String[]::new)).query(Long.class).single();
    }

    /** How many of these events the consumers handled (duplicates skipped are not counted twice). */
    private long inboxRows(List<String> eventIds) {
        return jdbc.sql("SELECT count(*) FROM processed_message WHERE event_id = ANY (?)")
                .param(eventIds.toArray(String[]::new)).query(Long.class).single();
    }

    /** The row versions ({@code xmin}) and completion times of checkouts and orders: any update changes them. */
    private String rowVersions(List<String> checkoutIds, List<String> orderIds) {
        return jdbc.sql("""
                SELECT (SELECT string_agg(checkout_id || ' ' || xmin::text || ' ' || status || ' ' || completed_at::text,
                                          ',' ORDER BY checkout_id) FROM checkout WHERE checkout_id = ANY (?))
                    || ' / ' || (SELECT string_agg(payment_order_id || ' ' || xmin::text, ',' ORDER BY payment_order_id)
                                   FROM payment_order WHERE payment_order_id = ANY (?))""")
                .params(checkoutIds.toArray(String[]::new), orderIds.toArray(String[]::new))
                .query(String.class).single();
    }

    private String outboxOf(List<String> orderIds) {
        return jdbc.sql("SELECT string_agg(id::text, ',' ORDER BY seq) FROM outbox_message WHERE message_key = ANY (?)")
                .param(orderIds.toArray(String[]::new)).query(String.class).single();
    }

    private double duplicatesSkipped() {
        Counter counter = meters.find("kassa.inbox.duplicates").tag("consumer", ConsumerGroups.PAYMENT_SERVICE).counter();
        return counter == null ? 0 : counter.count();
    }

    private String refundStatus(String refundId) {
        return jdbc.sql("SELECT status FROM refund WHERE refund_id = ?").param(refundId).query(String.class).single();
    }

    private String refundFlags(String refundId) {
        return jdbc.sql("SELECT wallet_updated || '/' || ledger_updated FROM refund WHERE refund_id = ?")
                .param(refundId).query(String.class).single();
    }

    private static String twoOrders(String checkoutId, String first, String second) {
        return """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_1", "email": "buyer@example.com"},
                 "credit_card_info": {"token": "tok_visa", "last4": "4242"},
                 "payment_orders": [
                   {"payment_order_id": "%s", "seller_account": "seller_a", "amount": "10.00", "currency": "EUR"},
                   {"payment_order_id": "%s", "seller_account": "seller_a", "amount": "10.00", "currency": "EUR"}]}
                """.formatted(checkoutId, first, second);
    }

    static WalletDebited walletDebited(String checkoutId, String orderId, String refundId, long amount) {
        return WalletDebited.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount("seller_1")
                .setAmountMinor(amount).setCurrency("USD").setRefundId(refundId)
                .setMovementId(UUID.randomUUID().toString()).setSourceEventId(UUID.randomUUID().toString())
                .setBalanceAfterMinor(0)
                .build();
    }

    static LedgerTransactionRecorded refundRecorded(String checkoutId, String orderId, String refundId, long amount) {
        return LedgerTransactionRecorded.newBuilder(ledgerRecorded(checkoutId, orderId, "seller_1", amount))
                .setEventId(UUID.randomUUID().toString()).setCurrency("USD")
                .setKind(LedgerEntryKind.REFUND).setRefundId(refundId)
                .setLines(List.of(
                        new JournalLine("seller_payable:seller_1", EntrySide.DEBIT, amount, "USD"),
                        new JournalLine("psp_receivable", EntrySide.CREDIT, amount, "USD")))
                .build();
    }

    private String flags(String orderId) {
        return jdbc.sql("SELECT wallet_updated || '/' || ledger_updated FROM payment_order WHERE payment_order_id = ?")
                .param(orderId).query(String.class).single();
    }

    private String checkoutStatus(String checkoutId) {
        return jdbc.sql("SELECT status FROM checkout WHERE checkout_id = ?").param(checkoutId).query(String.class).single();
    }

    static WalletCredited walletCredited(String checkoutId, String orderId, String seller, long amount) {
        return WalletCredited.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount(seller)
                .setAmountMinor(amount).setCurrency("EUR").setMovementId(UUID.randomUUID().toString())
                .setSourceEventId(UUID.randomUUID().toString()).setBalanceAfterMinor(amount)
                .build();
    }

    static LedgerTransactionRecorded ledgerRecorded(String checkoutId, String orderId, String seller, long amount) {
        return LedgerTransactionRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount(seller)
                .setAmountMinor(amount).setCurrency("EUR").setJournalEntryId(UUID.randomUUID().toString())
                .setKind(LedgerEntryKind.PAYMENT).setRefundId(null).setSourceEventId(UUID.randomUUID().toString())
                .setLines(List.of(
                        new JournalLine("psp_receivable", EntrySide.DEBIT, amount, "EUR"),
                        new JournalLine("seller_payable:" + seller, EntrySide.CREDIT, amount, "EUR")))
                .build();
    }
}
