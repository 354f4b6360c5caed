package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.messaging.KassaHeaders;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** payment.results through the real broker into the ledger, and LedgerTransactionRecorded out of it. */
class PaymentResultsConsumerTest extends LedgerIntegrationTest {

    private static final String DLT = Topics.deadLetterTopic(Topics.PAYMENT_RESULTS, ConsumerGroups.LEDGER_SERVICE);

    /** The broker as its super user: these tests play the services that publish what the ledger consumes. */
    final Map<String, Object> superUser = LocalStack.shared().kafka().superUserClientProperties();

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
    void aSucceededPaymentPostsOneBalancedEntryAndAnnouncesItOnLedgerEvents() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(order, seller, 4999, "EUR");

        producer.send(order, payment);

        awaitEntries(order, 1);
        assertThat(sellerBalance(seller, "EUR")).isEqualTo(4999);
        List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(20))
                .until(() -> topics.recordsWithKey(Topics.LEDGER_EVENTS, order), records -> records.size() == 1);
        LedgerTransactionRecorded recorded = (LedgerTransactionRecorded) TopicReader.decode(published.getFirst().value());
        assertThat(recorded.getKind()).isEqualTo(LedgerEntryKind.PAYMENT);
        assertThat(recorded.getPaymentOrderId()).isEqualTo(order);
        assertThat(recorded.getCheckoutId()).isEqualTo("chk_" + order);
        assertThat(recorded.getSellerAccount()).isEqualTo(seller);
        assertThat(recorded.getAmountMinor()).isEqualTo(4999);
        assertThat(recorded.getCurrency()).isEqualTo("EUR");
        assertThat(recorded.getRefundId()).isNull();
        assertThat(recorded.getSourceEventId()).isEqualTo(payment.getEventId());
        assertThat(recorded.getJournalEntryId()).isEqualTo(jdbc.queryForObject(
                "SELECT id::text FROM journal_entry WHERE payment_order_id = ?", String.class, order));
        assertThat(recorded.getLines()).extracting(l -> l.getAccount(), l -> l.getSide(), l -> l.getAmountMinor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("psp_receivable", EntrySide.DEBIT, 4999L),
                        org.assertj.core.groups.Tuple.tuple("seller_payable:" + seller, EntrySide.CREDIT, 4999L));
        String eventIdHeader = new String(published.getFirst().headers().lastHeader(KassaHeaders.EVENT_ID).value(),
                StandardCharsets.UTF_8);
        assertThat(recorded.getEventId()).isEqualTo(eventIdHeader).isNotBlank();
    }

    @Test
    void aSucceededRefundPostsTheReverseEntry() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");

        producer.send(order, TestEvents.paymentSucceeded(order, seller, 10_000, "JPY"));
        producer.send(order, TestEvents.refundSucceeded(order, "rf_1", seller, 2_500, "JPY"));

        awaitEntries(order, 2);
        assertThat(sellerBalance(seller, "JPY")).isEqualTo(7_500);
        assertThat(jdbc.queryForList("""
                SELECT l.account_id || ' ' || l.side FROM journal_line l JOIN journal_entry e ON e.seq = l.journal_entry_seq
                WHERE e.payment_order_id = ? AND e.kind = 'REFUND' ORDER BY l.line_no""", String.class, order))
                .containsExactly("seller_payable:" + seller + " DEBIT", "psp_receivable CREDIT");
    }

    @Test
    void failuresAreAcknowledgedWithoutAnEntry() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        var failed = TestEvents.paymentFailed(order, seller, 100, "USD");
        var refundFailed = TestEvents.refundFailed(order, "rf_1", seller, 50, "USD");

        producer.send(order, failed);
        producer.send(order, refundFailed);

        awaitProcessed(failed.getEventId());
        awaitProcessed(refundFailed.getEventId());
        assertThat(entries(order)).isZero();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theSameEventTwiceAndAnotherEventForTheSamePaymentPostOnce(CapturedOutput output) {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(order, seller, 1_250, "USD");
        PaymentOrderSucceeded sameFactNewEventId = PaymentOrderSucceeded.newBuilder(payment)
                .setEventId(java.util.UUID.randomUUID().toString()).build();

        producer.send(order, payment);
        producer.send(order, payment);
        producer.send(order, sameFactNewEventId);

        awaitProcessed(sameFactNewEventId.getEventId());
        assertThat(entries(order)).isEqualTo(1);
        assertThat(sellerBalance(seller, "USD")).isEqualTo(1_250);
        // The log line about the second event names its payment order through the MDC.
        assertThat(output.getOut().lines().filter(line -> line.contains("is already posted")))
                .anySatisfy(line -> assertThat(line).contains("payment_order_id=" + order,
                        "event_id=" + sameFactNewEventId.getEventId()));
    }

    @Test
    void aRefundThatArrivesBeforeItsPaymentIsRetriedUntilThePaymentIsPosted() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        RefundSucceeded refund = TestEvents.refundSucceeded(order, "rf_early", seller, 300, "EUR");

        producer.send(order, refund);
        producer.send(order, TestEvents.paymentSucceeded(order, seller, 1_000, "EUR"));

        awaitEntries(order, 2);
        assertThat(sellerBalance(seller, "EUR")).isEqualTo(700);
    }

    @Test
    void anImpossibleRecordGoesStraightToTheDeadLetterTopicAndChangesNothing() {
        String seller = TestEvents.id("seller");
        String negative = TestEvents.id("po");
        String unknownCurrency = TestEvents.id("po");
        String overRefunded = TestEvents.id("po");
        String conflicting = TestEvents.id("po");

        producer.send(negative, TestEvents.paymentSucceeded(negative, seller, -5, "USD"));
        producer.send(unknownCurrency, TestEvents.paymentSucceeded(unknownCurrency, seller, 5, "XXX"));
        producer.send(overRefunded, TestEvents.paymentSucceeded(overRefunded, seller, 1_000, "USD"));
        producer.send(overRefunded, TestEvents.refundSucceeded(overRefunded, "rf_1", seller, 600, "USD"));
        producer.send(overRefunded, TestEvents.refundSucceeded(overRefunded, "rf_2", seller, 401, "USD"));
        producer.send(conflicting, TestEvents.paymentSucceeded(conflicting, seller, 1_000, "USD"));
        producer.send(conflicting, TestEvents.paymentSucceeded(conflicting, seller, 2_000, "USD"));

        for (String key : List.of(negative, unknownCurrency, overRefunded, conflicting)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topics.recordsWithKey(DLT, key), r -> r.size() == 1);
        }
        assertThat(entries(negative)).isZero();
        assertThat(entries(unknownCurrency)).isZero();
        assertThat(entries(overRefunded)).isEqualTo(2);
        assertThat(entries(conflicting)).isEqualTo(1);
        assertThat(sellerBalance(seller, "USD")).isEqualTo(1_000 - 600 + 1_000);
    }

    @Test
    void undecodableBytesGoToTheDeadLetterTopicAndTheRecordsBehindThemAreStillPosted() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");

        producer.sendRaw(Topics.PAYMENT_RESULTS, order, "not avro at all".getBytes(StandardCharsets.UTF_8));
        producer.send(order, TestEvents.paymentSucceeded(order, seller, 42, "KWD"));

        awaitEntries(order, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.recordsWithKey(DLT, order), r -> r.size() == 1);
    }

    private void awaitEntries(String paymentOrderId, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(paymentOrderId), n -> n == expected);
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_message WHERE consumer = ? AND event_id = ?", Long.class,
                ConsumerGroups.LEDGER_SERVICE, eventId), n -> n == 1);
    }

    private long entries(String paymentOrderId) {
        return jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE payment_order_id = ?", Long.class,
                paymentOrderId);
    }

    private long sellerBalance(String seller, String currency) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(credits_minor - debits_minor), 0) FROM account_balance
                WHERE account_id = ? AND currency = ?""", Long.class, "seller_payable:" + seller, currency);
    }
}
