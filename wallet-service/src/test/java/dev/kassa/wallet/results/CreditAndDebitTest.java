package dev.kassa.wallet.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TopicRecorder;
import dev.kassa.wallet.support.WalletServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A succeeded payment credits, a succeeded refund debits, failures change nothing; each movement is announced. */
class CreditAndDebitTest extends WalletServiceTest {

    @Test
    void creditThenRefundDebitAreAppliedAndPublished() {
        String seller = TestEvents.seller("credit_debit");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(seller, 2999, "USD");
        RefundSucceeded refund = TestEvents.refundSucceeded(payment, 999);

        producer.send(payment);
        producer.send(refund);

        await().atMost(Duration.ofSeconds(30)).until(() -> movementCount(seller) == 2);
        assertThat(balanceMinor(seller, "USD")).isEqualTo(2000);

        List<Map<String, Object>> movements = jdbc.sql("""
                        SELECT kind, amount_minor, balance_after_minor, source_event_id, refund_id, movement_id::text
                          FROM wallet_movement WHERE account_id = ? ORDER BY seq""")
                .param(seller).query().listOfRows();
        assertThat(movements.get(0)).containsEntry("kind", "CREDIT").containsEntry("amount_minor", 2999L)
                .containsEntry("balance_after_minor", 2999L).containsEntry("source_event_id", payment.getEventId());
        assertThat(movements.get(0).get("refund_id")).isNull();
        assertThat(movements.get(1)).containsEntry("kind", "DEBIT").containsEntry("amount_minor", 999L)
                .containsEntry("balance_after_minor", 2000L).containsEntry("source_event_id", refund.getEventId())
                .containsEntry("refund_id", refund.getRefundId());

        try (TopicRecorder events = new TopicRecorder(LocalStack.shared().kafka().superUserClientProperties(), Topics.WALLET_EVENTS)) {
            List<ConsumerRecord<String, SpecificRecord>> published = events.awaitRecords(payment.getPaymentOrderId(), 2);
            assertThat(published).hasSize(2);
            // Same key, so the same partition and the credit before the debit.
            WalletCredited credited = (WalletCredited) published.get(0).value();
            WalletDebited debited = (WalletDebited) published.get(1).value();
            assertThat(credited.getSellerAccount()).isEqualTo(seller);
            assertThat(credited.getAmountMinor()).isEqualTo(2999);
            assertThat(credited.getCurrency()).isEqualTo("USD");
            assertThat(credited.getCheckoutId()).isEqualTo(payment.getCheckoutId());
            assertThat(credited.getSourceEventId()).isEqualTo(payment.getEventId());
            assertThat(credited.getBalanceAfterMinor()).isEqualTo(2999);
            assertThat(credited.getMovementId()).isEqualTo(movements.get(0).get("movement_id"));
            assertThat(credited.getEventId()).isNotBlank().isNotEqualTo(payment.getEventId());
            assertThat(debited.getRefundId()).isEqualTo(refund.getRefundId());
            assertThat(debited.getAmountMinor()).isEqualTo(999);
            assertThat(debited.getBalanceAfterMinor()).isEqualTo(2000);
            assertThat(debited.getMovementId()).isEqualTo(movements.get(1).get("movement_id"));
            assertThat(new String(published.get(0).headers().lastHeader("event-id").value()))
                    .isEqualTo(credited.getEventId());
        }
    }

    @Test
    void failedPaymentsAndRefundsAreAcknowledgedAndMoveNoMoney() {
        String seller = TestEvents.seller("failures");
        PaymentOrderFailed declined = TestEvents.paymentFailed(seller, 5000, "EUR");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(seller, 1200, "EUR");
        RefundFailed refundFailed = TestEvents.refundFailed(payment, 1200);

        producer.send(declined);
        producer.send(payment);
        producer.send(refundFailed);

        // Acknowledged through the inbox (handled, not dead-lettered), with no movement of their own.
        await().atMost(Duration.ofSeconds(30)).until(() -> inInbox(declined.getEventId())
                && inInbox(refundFailed.getEventId()) && movementCount(seller) == 1);
        assertThat(balanceMinor(seller, "EUR")).isEqualTo(1200);
        assertThat(movementCountForSourceEvent(declined.getEventId())).isZero();
        assertThat(movementCountForSourceEvent(refundFailed.getEventId())).isZero();
    }
}
