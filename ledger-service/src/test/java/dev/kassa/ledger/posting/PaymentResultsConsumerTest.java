package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.messaging.KassaHeaders;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
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

    @Test
    void withdrawnFundsWithAFeeThePlatformBearsAndTheirReinstatementWithTheFee() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(order, seller, 10_000, "SEK");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 1_500, DisputeFeeBearer.PLATFORM);
        long feesBefore = disputeFees("SEK");
        long[] totalsBefore = trialBalance("SEK");

        producer.send(order, payment);
        producer.send(order, withdrawn);

        awaitEntries(order, 2);
        assertThat(lines(order, "DISPUTE_FUNDS_WITHDRAWN")).containsExactly(
                "seller_payable:" + seller + " DEBIT 10000", "psp_receivable CREDIT 11500", "dispute_fees DEBIT 1500");
        assertThat(sellerBalance(seller, "SEK")).as("what the wallet shows: 10000 - 10000").isZero();
        assertThat(disputeFees("SEK")).isEqualTo(feesBefore + 1_500);
        assertTrialBalanceGrew("SEK", totalsBefore, 10_000 + 11_500);
        LedgerTransactionRecorded recorded = awaitRecorded(order, LedgerEntryKind.DISPUTE_FUNDS_WITHDRAWN);
        assertThat(recorded.getDisputeId()).isEqualTo(withdrawn.getDisputeId());
        assertThat(recorded.getRefundId()).isNull();
        assertThat(recorded.getAmountMinor()).as("the disputed amount, without the fee").isEqualTo(10_000);
        assertThat(recorded.getCurrency()).isEqualTo("SEK");
        assertThat(recorded.getSellerAccount()).isEqualTo(seller);
        assertThat(recorded.getSourceEventId()).isEqualTo(withdrawn.getEventId());
        assertThat(recorded.getLines()).extracting(l -> l.getAccount(), l -> l.getSide(), l -> l.getAmountMinor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("seller_payable:" + seller, EntrySide.DEBIT, 10_000L),
                        org.assertj.core.groups.Tuple.tuple("psp_receivable", EntrySide.CREDIT, 11_500L),
                        org.assertj.core.groups.Tuple.tuple("dispute_fees", EntrySide.DEBIT, 1_500L));

        DisputeFundsReinstated reinstated = TestEvents.disputeFundsReinstated(withdrawn, 1_500);
        producer.send(order, reinstated);

        awaitEntries(order, 3);
        assertThat(lines(order, "DISPUTE_FUNDS_REINSTATED")).containsExactly(
                "seller_payable:" + seller + " CREDIT 10000", "psp_receivable DEBIT 11500", "dispute_fees CREDIT 1500");
        assertThat(sellerBalance(seller, "SEK")).isEqualTo(10_000);
        assertThat(disputeFees("SEK")).isEqualTo(feesBefore);
        assertTrialBalanceGrew("SEK", totalsBefore, 10_000 + 11_500 + 11_500);
        LedgerTransactionRecorded back = awaitRecorded(order, LedgerEntryKind.DISPUTE_FUNDS_REINSTATED);
        assertThat(back.getDisputeId()).isEqualTo(withdrawn.getDisputeId());
        assertThat(back.getAmountMinor()).isEqualTo(10_000);
        assertThat(back.getSourceEventId()).isEqualTo(reinstated.getEventId());
    }

    @Test
    void aFeeTheSellerBearsIsDebitedFromTheSellerAndOnlyWhatThePspGivesBackIsCreditedBack() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(order, seller, 10_000, "NOK");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 1_500, DisputeFeeBearer.SELLER);
        long feesBefore = disputeFees("NOK");
        long[] totalsBefore = trialBalance("NOK");

        producer.send(order, payment);
        producer.send(order, withdrawn);

        awaitEntries(order, 2);
        assertThat(lines(order, "DISPUTE_FUNDS_WITHDRAWN")).containsExactly(
                "seller_payable:" + seller + " DEBIT 10000", "psp_receivable CREDIT 11500",
                "seller_payable:" + seller + " DEBIT 1500");
        assertThat(sellerBalance(seller, "NOK")).as("below zero: the seller owes the fee").isEqualTo(-1_500);
        assertThat(disputeFees("NOK")).isEqualTo(feesBefore);
        assertTrialBalanceGrew("NOK", totalsBefore, 10_000 + 11_500);
        assertThat(awaitRecorded(order, LedgerEntryKind.DISPUTE_FUNDS_WITHDRAWN).getDisputeId())
                .isEqualTo(withdrawn.getDisputeId());

        producer.send(order, TestEvents.disputeFundsReinstated(withdrawn, 0)); // the PSP keeps its fee

        awaitEntries(order, 3);
        assertThat(lines(order, "DISPUTE_FUNDS_REINSTATED")).containsExactly(
                "seller_payable:" + seller + " CREDIT 10000", "psp_receivable DEBIT 10000");
        assertThat(sellerBalance(seller, "NOK")).isEqualTo(10_000 - 1_500);
        assertTrialBalanceGrew("NOK", totalsBefore, 10_000 + 11_500 + 10_000);
        assertThat(awaitRecorded(order, LedgerEntryKind.DISPUTE_FUNDS_REINSTATED).getDisputeId())
                .isEqualTo(withdrawn.getDisputeId());
    }

    @Test
    void aDisputeWithoutAFeePostsNoFeeLines() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(order, seller, 700, "DKK");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 0, DisputeFeeBearer.PLATFORM);
        long[] totalsBefore = trialBalance("DKK");

        producer.send(order, payment);
        producer.send(order, withdrawn);
        producer.send(order, TestEvents.disputeFundsReinstated(withdrawn, 0));

        awaitEntries(order, 3);
        assertThat(lines(order, "DISPUTE_FUNDS_WITHDRAWN"))
                .containsExactly("seller_payable:" + seller + " DEBIT 700", "psp_receivable CREDIT 700");
        assertThat(lines(order, "DISPUTE_FUNDS_REINSTATED"))
                .containsExactly("seller_payable:" + seller + " CREDIT 700", "psp_receivable DEBIT 700");
        assertThat(disputeFees("DKK")).isZero();
        assertThat(sellerBalance(seller, "DKK")).isEqualTo(700);
        assertTrialBalanceGrew("DKK", totalsBefore, 3 * 700);
    }

    @Test
    void aDisputeRecordDeliveredTwiceOrRepublishedWithANewEventIdPostsOnce() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(order, seller, 5_000, "CHF");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 2_000, DisputeFeeBearer.PLATFORM);
        DisputeFundsWithdrawn withdrawnAgain = DisputeFundsWithdrawn.newBuilder(withdrawn)
                .setEventId(java.util.UUID.randomUUID().toString())
                .setOccurredAt(withdrawn.getOccurredAt().plusSeconds(5)).build();
        DisputeFundsReinstated reinstated = TestEvents.disputeFundsReinstated(withdrawn, 2_000);
        DisputeFundsReinstated reinstatedAgain = DisputeFundsReinstated.newBuilder(reinstated)
                .setEventId(java.util.UUID.randomUUID().toString()).build();
        long feesBefore = disputeFees("CHF");
        long[] totalsBefore = trialBalance("CHF");

        producer.send(order, payment);
        producer.send(order, withdrawn);
        producer.send(order, withdrawn);
        producer.send(order, withdrawnAgain);
        awaitProcessed(withdrawnAgain.getEventId());
        assertThat(disputeFees("CHF")).as("after the withdrawal, once").isEqualTo(feesBefore + 2_000);
        assertThat(sellerBalance(seller, "CHF")).isZero();
        DisputeFundsWithdrawn withdrawnLate = DisputeFundsWithdrawn.newBuilder(withdrawn)
                .setEventId(java.util.UUID.randomUUID().toString()).build();
        producer.send(order, reinstated);
        producer.send(order, reinstatedAgain);
        producer.send(order, withdrawnLate); // a repeat of the withdrawal after its reinstatement

        awaitProcessed(withdrawnLate.getEventId());
        awaitEntries(order, 3);
        assertThat(jdbc.queryForList("""
                SELECT kind || ' ' || source_event_id FROM journal_entry
                WHERE payment_order_id = ? AND dispute_id IS NOT NULL ORDER BY seq""", String.class, order))
                .containsExactly("DISPUTE_FUNDS_WITHDRAWN " + withdrawn.getEventId(),
                        "DISPUTE_FUNDS_REINSTATED " + reinstated.getEventId());
        assertThat(sellerBalance(seller, "CHF")).isEqualTo(5_000);
        assertThat(disputeFees("CHF")).isEqualTo(feesBefore);
        assertTrialBalanceGrew("CHF", totalsBefore, 5_000 + 7_000 + 7_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> recordedOf(order), r -> r.size() == 3);
        assertThat(recordedOf(order)).extracting(r -> r.getKind() + " " + r.getDisputeId()).containsExactly(
                "PAYMENT null", "DISPUTE_FUNDS_WITHDRAWN " + withdrawn.getDisputeId(),
                "DISPUTE_FUNDS_REINSTATED " + withdrawn.getDisputeId());
    }

    @Test
    void reinstatedFundsThatArriveBeforeTheirWithdrawalAreRetriedUntilItIsPosted() {
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(order, seller, 4_000, "EUR");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 1_500, DisputeFeeBearer.SELLER);

        producer.send(order, TestEvents.disputeFundsReinstated(withdrawn, 1_500));
        producer.send(order, payment);
        producer.send(order, withdrawn);

        awaitEntries(order, 3);
        assertThat(sellerBalance(seller, "EUR")).isEqualTo(4_000);
        assertThat(topics.recordsWithKey(DLT, order)).isEmpty();
    }

    @Test
    void aDisputeRecordThatContradictsTheBooksGoesToTheDeadLetterTopicAndChangesNothing() {
        String seller = TestEvents.id("seller");
        String contradicting = TestEvents.id("po");
        String tooMuchBack = TestEvents.id("po");
        String otherCurrency = TestEvents.id("po");
        PaymentOrderSucceeded first = TestEvents.paymentSucceeded(contradicting, seller, 1_000, "USD");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(first, 300, DisputeFeeBearer.PLATFORM);
        PaymentOrderSucceeded second = TestEvents.paymentSucceeded(tooMuchBack, seller, 2_000, "USD");
        DisputeFundsWithdrawn secondWithdrawn =
                TestEvents.disputeFundsWithdrawn(second, 300, DisputeFeeBearer.PLATFORM);
        PaymentOrderSucceeded third = TestEvents.paymentSucceeded(otherCurrency, seller, 3_000, "USD");

        producer.send(contradicting, first);
        producer.send(contradicting, withdrawn);
        producer.send(contradicting, DisputeFundsWithdrawn.newBuilder(withdrawn)
                .setEventId(java.util.UUID.randomUUID().toString()).setFeeBearer(DisputeFeeBearer.SELLER).build());
        producer.send(tooMuchBack, second);
        producer.send(tooMuchBack, secondWithdrawn);
        producer.send(tooMuchBack, TestEvents.disputeFundsReinstated(secondWithdrawn, 301));
        producer.send(otherCurrency, third);
        producer.send(otherCurrency, DisputeFundsWithdrawn.newBuilder(
                TestEvents.disputeFundsWithdrawn(third, 0, DisputeFeeBearer.PLATFORM)).setCurrency("EUR").build());

        for (String key : List.of(contradicting, tooMuchBack, otherCurrency)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topics.recordsWithKey(DLT, key), r -> r.size() == 1);
        }
        assertThat(entries(contradicting)).isEqualTo(2);
        assertThat(entries(tooMuchBack)).isEqualTo(2);
        assertThat(entries(otherCurrency)).isEqualTo(1);
        assertThat(sellerBalance(seller, "USD")).isEqualTo(1_000 - 1_000 + 2_000 - 2_000 + 3_000);
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

    /** The entry's lines of the order's one entry of {@code kind}: "account side amount". */
    private List<String> lines(String paymentOrderId, String kind) {
        return jdbc.queryForList("""
                SELECT l.account_id || ' ' || l.side || ' ' || l.amount_minor
                FROM journal_line l JOIN journal_entry e ON e.seq = l.journal_entry_seq
                WHERE e.payment_order_id = ? AND e.kind = ? ORDER BY l.line_no""", String.class, paymentOrderId, kind);
    }

    private long disputeFees(String currency) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(debits_minor - credits_minor), 0) FROM account_balance
                WHERE account_id = 'dispute_fees' AND currency = ?""", Long.class, currency);
    }

    /** Total debits and credits of the currency, through the trial balance API, which must say it is balanced. */
    private long[] trialBalance(String currency) {
        Map<String, Object> body = http().get().uri("/api/v1/ledger/trial-balance").retrieve().body(JSON);
        assertThat(body).containsEntry("balanced", true);
        return ((List<Map<String, Object>>) body.get("currencies")).stream()
                .filter(c -> c.get("currency").equals(currency))
                .map(c -> new long[] {((Number) c.get("total_debits_minor")).longValue(),
                        ((Number) c.get("total_credits_minor")).longValue()})
                .findFirst().orElse(new long[] {0, 0});
    }

    private void assertTrialBalanceGrew(String currency, long[] before, long byMinor) {
        long[] after = trialBalance(currency);
        assertThat(after[0]).as("debits in " + currency).isEqualTo(before[0] + byMinor);
        assertThat(after[1]).as("credits in " + currency).isEqualTo(before[1] + byMinor);
    }

    private List<LedgerTransactionRecorded> recordedOf(String paymentOrderId) {
        return topics.recordsWithKey(Topics.LEDGER_EVENTS, paymentOrderId).stream()
                .map(r -> (LedgerTransactionRecorded) TopicReader.decode(r.value()))
                .toList();
    }

    private LedgerTransactionRecorded awaitRecorded(String paymentOrderId, LedgerEntryKind kind) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> recordedOf(paymentOrderId).stream().filter(r -> r.getKind() == kind).toList(),
                        records -> records.size() == 1)
                .getFirst();
    }
}
