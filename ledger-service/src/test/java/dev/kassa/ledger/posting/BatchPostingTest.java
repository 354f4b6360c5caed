package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The batch path ({@link PaymentResultsBatchHandler}) through the real broker. The records of a test are
 * written while the consumer is stopped, on one partition (orders whose ids hash to it), so that they
 * arrive in one poll. Which transaction and which statement inserted an entry is read from its row's system
 * columns: {@code xmin} (the inserting transaction) and {@code cmin} (the command within it).
 */
class BatchPostingTest extends LedgerIntegrationTest {

    private static final String DLT = Topics.deadLetterTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.LEDGER_SERVICE);

    /** The broker as its super user: these tests play the services that publish what the ledger consumes. */
    final Map<String, Object> superUser = LocalStack.shared().kafka().superUserClientProperties();

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    EventConsumer paymentResultsConsumer;

    @Autowired
    MeterRegistry meters;

    private EventProducer producer;
    private TopicReader topics;

    @BeforeEach
    void kafka() {
        producer = new EventProducer(superUser);
        topics = new TopicReader(superUser);
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void aPollWithPaymentsAndRefundsOfTheSameOrdersPostsThemInOrderInOneTransaction() {
        String seller = TestEvents.id("seller");
        List<String> orders = ordersOnOnePartition(3);
        String a = orders.get(0);
        String b = orders.get(1);
        String c = orders.get(2);

        inOnePoll(() -> {
            send(a, TestEvents.paymentSucceeded(a, seller, 10_000, "USD"));
            send(b, TestEvents.paymentSucceeded(b, seller, 5_000, "USD"));
            send(a, TestEvents.refundSucceeded(a, "rf_1", seller, 2_500, "USD"));
            send(c, TestEvents.paymentSucceeded(c, seller, 700, "USD"));
            send(c, TestEvents.refundSucceeded(c, "rf_1", seller, 700, "USD"));
            send(a, TestEvents.refundFailed(a, "rf_2", seller, 100, "USD"));
            send(a, TestEvents.refundSucceeded(a, "rf_3", seller, 7_500, "USD"));
        });

        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> entriesOf(orders), rows -> rows.size() == 6);
        assertThat(entries).extracting(e -> e.get("payment_order_id") + " " + e.get("kind") + " " + e.get("refund_id"))
                .containsExactly(a + " PAYMENT null", b + " PAYMENT null", a + " REFUND rf_1", c + " PAYMENT null",
                        c + " REFUND rf_1", a + " REFUND rf_3");
        assertThat(entries).extracting(e -> e.get("tx")).as("one transaction for the poll").containsOnly(
                entries.getFirst().get("tx"));
        List<Integer> commands = entries.stream().map(e -> (Integer) e.get("command")).toList();
        assertThat(commands.get(0)).as("consecutive payments: one statement").isEqualTo(commands.get(1));
        assertThat(commands.subList(1, 6)).as("each refund after the payments before it").isSorted()
                .doesNotHaveDuplicates();
        assertThat(sellerBalance(seller, "USD")).isEqualTo(10_000 + 5_000 - 2_500 + 700 - 700 - 7_500);

        List<LedgerTransactionRecorded> recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> recorded(a), r -> r.size() == 3);
        assertThat(recorded).extracting(r -> r.getKind() + " " + r.getRefundId())
                .containsExactly("PAYMENT null", "REFUND rf_1", "REFUND rf_3");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aPaymentDeliveredTwiceInOnePollPostsOnce(CapturedOutput output) {
        String seller = TestEvents.id("seller");
        List<String> orders = ordersOnOnePartition(2);
        String a = orders.get(0);
        String b = orders.get(1);
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(a, seller, 1_250, "EUR");
        PaymentOrderSucceeded sameFactNewEventId = PaymentOrderSucceeded.newBuilder(payment)
                .setEventId(UUID.randomUUID().toString()).setCheckoutId("chk_other").build();
        double postedBefore = postings("posted");
        double alreadyPostedBefore = postings("already_posted");

        inOnePoll(() -> {
            send(a, payment);
            send(a, payment); // the same event again: the inbox drops it
            send(a, sameFactNewEventId);
            send(b, TestEvents.paymentSucceeded(b, seller, 750, "EUR"));
        });

        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> entriesOf(orders), rows -> rows.size() == 2);
        assertThat(entries).extracting(e -> e.get("tx") + " " + e.get("command")).as("one statement")
                .containsOnly(entries.getFirst().get("tx") + " " + entries.getFirst().get("command"));
        assertThat(jdbc.queryForObject("SELECT source_event_id || ' ' || checkout_id FROM journal_entry WHERE payment_order_id = ?",
                String.class, a)).as("the first event decides").isEqualTo(payment.getEventId() + " chk_" + a);
        assertThat(sellerBalance(seller, "EUR")).isEqualTo(2_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> postings("posted") - postedBefore, n -> n == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> postings("already_posted") - alreadyPostedBefore, n -> n == 1);
        assertThat(output.getOut().lines().filter(line -> line.contains("is already posted")))
                .anySatisfy(line -> assertThat(line).contains("payment_order_id=" + a,
                        "event_id=" + sameFactNewEventId.getEventId()));
        await().atMost(Duration.ofSeconds(20)).until(() -> recorded(b), r -> r.size() == 1);
        assertThat(recorded(a)).hasSize(1);
    }

    @Test
    void aContradictingPaymentInAPollIsDeadLetteredAndTheRestOfThePollPostsOnce() {
        String seller = TestEvents.id("seller");
        List<String> orders = ordersOnOnePartition(3);
        String a = orders.get(0);
        String b = orders.get(1);
        String c = orders.get(2);
        PaymentOrderSucceeded contradicting = TestEvents.paymentSucceeded(a, seller, 2_000, "USD");
        double postedBefore = postings("posted");

        inOnePoll(() -> {
            send(a, TestEvents.paymentSucceeded(a, seller, 1_000, "USD"));
            send(b, TestEvents.paymentSucceeded(b, seller, 500, "USD"));
            send(a, contradicting);
            send(c, TestEvents.paymentSucceeded(c, seller, 700, "USD"));
            send(b, TestEvents.refundSucceeded(b, "rf_1", seller, 200, "USD"));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> topics.recordsWithKey(DLT, a), r -> r.size() == 1);
        assertThat(((PaymentOrderSucceeded) TopicReader.decode(topics.recordsWithKey(DLT, a).getFirst().value()))
                .getEventId()).isEqualTo(contradicting.getEventId());
        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> entriesOf(orders), rows -> rows.size() == 4);
        assertThat(entries).extracting(e -> e.get("payment_order_id") + " " + e.get("kind"))
                .containsExactlyInAnyOrder(a + " PAYMENT", b + " PAYMENT", b + " REFUND", c + " PAYMENT");
        assertThat(entries.get(0).get("tx")).as("the failed poll was applied again one transaction per event")
                .isNotEqualTo(entries.get(1).get("tx"));
        assertThat(sellerBalance(seller, "USD")).isEqualTo(1_000 + 500 - 200 + 700);
        await().atMost(Duration.ofSeconds(10)).until(() -> postings("posted") - postedBefore, n -> n == 3);

        await().atMost(Duration.ofSeconds(20)).until(() -> recorded(b), r -> r.size() == 2);
        assertThat(recorded(a)).hasSize(1);
        assertThat(recorded(c)).hasSize(1);
        assertThat(postings("posted") - postedBefore).as("payments of the rolled-back batch counted once").isEqualTo(3);
    }

    @Test
    void disputesInAPollPostInOrderInItsTransactionAndARepublishedOnePostsOnce() {
        String seller = TestEvents.id("seller");
        List<String> orders = ordersOnOnePartition(2);
        String a = orders.get(0);
        String b = orders.get(1);
        PaymentOrderSucceeded paymentA = TestEvents.paymentSucceeded(a, seller, 8_000, "USD");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(paymentA, 1_500, DisputeFeeBearer.SELLER);
        DisputeFundsWithdrawn republished = DisputeFundsWithdrawn.newBuilder(withdrawn)
                .setEventId(UUID.randomUUID().toString()).build();
        double withdrawnBefore = postings("dispute_funds_withdrawn", "posted");
        double republishedBefore = postings("dispute_funds_withdrawn", "already_posted");

        inOnePoll(() -> {
            send(a, paymentA);
            send(a, withdrawn);
            send(b, TestEvents.paymentSucceeded(b, seller, 1_000, "USD"));
            send(a, republished);
            send(a, TestEvents.disputeFundsReinstated(withdrawn, 0));
        });

        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> entriesOf(orders), rows -> rows.size() == 4);
        assertThat(entries).extracting(e -> e.get("payment_order_id") + " " + e.get("kind"))
                .containsExactly(a + " PAYMENT", a + " DISPUTE_FUNDS_WITHDRAWN", b + " PAYMENT",
                        a + " DISPUTE_FUNDS_REINSTATED");
        assertThat(entries).extracting(e -> e.get("tx")).as("one transaction for the poll").containsOnly(
                entries.getFirst().get("tx"));
        assertThat(sellerBalance(seller, "USD")).isEqualTo(8_000 - 9_500 + 1_000 + 8_000);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> postings("dispute_funds_withdrawn", "posted") - withdrawnBefore, n -> n == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> postings("dispute_funds_withdrawn", "already_posted") - republishedBefore, n -> n == 1);
        List<LedgerTransactionRecorded> recorded = await().atMost(Duration.ofSeconds(20))
                .until(() -> recorded(a), r -> r.size() == 3);
        assertThat(recorded).extracting(r -> r.getKind() + " " + r.getDisputeId()).containsExactly("PAYMENT null",
                "DISPUTE_FUNDS_WITHDRAWN " + withdrawn.getDisputeId(),
                "DISPUTE_FUNDS_REINSTATED " + withdrawn.getDisputeId());
    }

    /** Writes the records while the main-topic consumer is stopped, so that it reads them in one poll. */
    private void inOnePoll(Runnable sends) {
        MessageListenerContainer consumer = listeners.getListenerContainer(paymentResultsConsumer.listenerId());
        assertThat(consumer).isNotNull();
        consumer.stop();
        try {
            sends.run();
            producer.flush();
        } finally {
            consumer.start();
        }
    }

    private void send(String key, SpecificRecord record) {
        producer.sendAsync(key, record);
    }

    /** New payment order ids that payment.results puts on one partition (records are keyed by them). */
    private List<String> ordersOnOnePartition(int count) {
        List<String> orders = new ArrayList<>(List.of(TestEvents.id("po")));
        int partition = producer.partitionOf(Topics.PAYMENT_RESULTS, orders.getFirst());
        while (orders.size() < count) {
            String order = TestEvents.id("po");
            if (producer.partitionOf(Topics.PAYMENT_RESULTS, order) == partition) {
                orders.add(order);
            }
        }
        return orders;
    }

    /** The orders' entries in posting order, with the inserting transaction and command. */
    private List<Map<String, Object>> entriesOf(List<String> orders) {
        return jdbc.queryForList("""
                SELECT payment_order_id, kind, refund_id, xmin::text AS tx, cmin::text::int AS command
                FROM journal_entry WHERE payment_order_id = ANY (?) ORDER BY seq""",
                (Object) orders.toArray(String[]::new));
    }

    private List<LedgerTransactionRecorded> recorded(String order) {
        return topics.recordsWithKey(Topics.LEDGER_EVENTS, order).stream()
                .map(r -> (LedgerTransactionRecorded) TopicReader.decode(r.value()))
                .toList();
    }

    private double postings(String outcome) {
        return postings("payment", outcome);
    }

    private double postings(String kind, String outcome) {
        return meters.get("kassa.ledger.postings").tag("kind", kind).tag("outcome", outcome).counter().count();
    }

    private long sellerBalance(String seller, String currency) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(credits_minor - debits_minor), 0) FROM account_balance
                WHERE account_id = ? AND currency = ?""", Long.class, "seller_payable:" + seller, currency);
    }
}
