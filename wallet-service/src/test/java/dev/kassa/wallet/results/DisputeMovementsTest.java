package dev.kassa.wallet.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
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

/**
 * A dispute's withdrawn funds debit the seller (the fee too when the seller bears it), a won dispute's reinstated funds
 * credit them back; once per dispute, whatever copies arrive (docs/architecture.md §15).
 */
class DisputeMovementsTest extends WalletServiceTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Test
    void withdrawnFundsDebitTheAmountAndReinstatedFundsCreditItBackWhenThePlatformBearsTheFee() {
        String seller = TestEvents.seller("dispute_platform");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(seller, 4000, "USD");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 1500, DisputeFeeBearer.PLATFORM);
        DisputeFundsReinstated reinstated = TestEvents.disputeFundsReinstated(withdrawn, 0);

        producer.send(payment);
        producer.send(withdrawn);
        await().atMost(SETTLE).until(() -> movementCount(seller) == 2);
        assertThat(balanceMinor(seller, "USD")).isZero();
        producer.send(reinstated);
        await().atMost(SETTLE).until(() -> movementCount(seller) == 3);

        assertThat(balanceMinor(seller, "USD")).isEqualTo(4000);
        assertThat(movements(seller)).extracting(m -> m.get("kind") + " " + m.get("amount_minor") + " "
                        + m.get("balance_after_minor") + " " + m.get("dispute_id") + " " + m.get("refund_id"))
                .containsExactly("CREDIT 4000 4000 null null",
                        "DEBIT 4000 0 " + withdrawn.getDisputeId() + " null",
                        "CREDIT 4000 4000 " + withdrawn.getDisputeId() + " null");
        try (TopicRecorder events = new TopicRecorder(LocalStack.shared().kafka().superUserClientProperties(),
                Topics.WALLET_EVENTS)) {
            List<ConsumerRecord<String, SpecificRecord>> published = events.awaitRecords(payment.getPaymentOrderId(), 3);
            assertThat(((WalletCredited) published.get(0).value()).getDisputeId()).isNull();
            WalletDebited debited = (WalletDebited) published.get(1).value();
            assertThat(debited.getDisputeId()).isEqualTo(withdrawn.getDisputeId());
            assertThat(debited.getRefundId()).isNull();
            assertThat(debited.getAmountMinor()).isEqualTo(4000);
            assertThat(debited.getSourceEventId()).isEqualTo(withdrawn.getEventId());
            WalletCredited credited = (WalletCredited) published.get(2).value();
            assertThat(credited.getDisputeId()).isEqualTo(withdrawn.getDisputeId());
            assertThat(credited.getAmountMinor()).isEqualTo(4000);
        }
    }

    @Test
    void aSellerWhoBearsTheFeeIsDebitedItTooGoesBelowZeroAndIsListed() {
        String seller = TestEvents.seller("dispute_seller");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(seller, 2500, "EUR");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 1500, DisputeFeeBearer.SELLER);

        producer.send(payment);
        producer.send(withdrawn);
        await().atMost(SETTLE).until(() -> movementCount(seller) == 2);

        assertThat(balanceMinor(seller, "EUR")).as("never clipped at zero").isEqualTo(-1500);
        http().get().uri("/api/v1/wallets?below_zero=true&limit=200").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.balances[?(@.account_id=='" + seller + "')].amount").isEqualTo("-15.00");
        http().get().uri("/api/v1/wallets/{id}/movements", seller).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.movements[0].kind").isEqualTo("DEBIT")
                .jsonPath("$.movements[0].amount_minor").isEqualTo(4000)
                .jsonPath("$.movements[0].dispute_id").isEqualTo(withdrawn.getDisputeId())
                .jsonPath("$.movements[1].dispute_id").doesNotExist();

        producer.send(TestEvents.disputeFundsReinstated(withdrawn, 1500));
        await().atMost(SETTLE).until(() -> movementCount(seller) == 3);
        assertThat(balanceMinor(seller, "EUR")).as("the amount and the fee given back").isEqualTo(2500);
    }

    @Test
    void aCopyOrARepublishedRecordOfADisputeMovesNothingTwice() {
        String seller = TestEvents.seller("dispute_twice");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(seller, 3000, "USD");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 1500, DisputeFeeBearer.PLATFORM);
        DisputeFundsWithdrawn republished = DisputeFundsWithdrawn.newBuilder(withdrawn)
                .setEventId(TestEvents.disputeFundsWithdrawn(payment, 1500, DisputeFeeBearer.PLATFORM).getEventId())
                .build();
        DisputeFundsReinstated reinstated = TestEvents.disputeFundsReinstated(withdrawn, 0);
        DisputeFundsReinstated reinstatedAgain = DisputeFundsReinstated.newBuilder(reinstated)
                .setEventId(TestEvents.disputeFundsReinstated(withdrawn, 0).getEventId())
                .build();

        producer.send(payment);
        producer.send(withdrawn);
        producer.send(withdrawn);
        producer.send(republished);
        producer.send(reinstated);
        producer.send(reinstatedAgain);

        await().atMost(SETTLE).until(() -> inInbox(republished.getEventId()) && inInbox(reinstatedAgain.getEventId()));
        assertThat(movementCount(seller)).isEqualTo(3);
        assertThat(balanceMinor(seller, "USD")).isEqualTo(3000);
        assertThat(movementCountForSourceEvent(republished.getEventId())).isZero();
        assertThat(movementCountForSourceEvent(reinstatedAgain.getEventId())).isZero();
    }

    @Test
    void aDisputeRecordWithoutAPositiveAmountIsRefusedEvenWhenTheSellersFeeWouldMakeItPositive() {
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(TestEvents.seller("dispute_bad"), 2000, "USD");
        DisputeFundsWithdrawn withdrawn = TestEvents.disputeFundsWithdrawn(payment, 1500, DisputeFeeBearer.SELLER);

        assertThat(PaymentResultTranslator.translate(withdrawn)).get()
                .extracting(m -> m.amountMinor() + " " + m.disputeId() + " " + m.refundId())
                .isEqualTo((withdrawn.getAmountMinor() + 1500) + " " + withdrawn.getDisputeId() + " null");
        assertThatThrownBy(() -> PaymentResultTranslator.translate(
                DisputeFundsWithdrawn.newBuilder(withdrawn).setAmountMinor(0).build()))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("amount_minor");
        assertThatThrownBy(() -> PaymentResultTranslator.translate(
                DisputeFundsWithdrawn.newBuilder(withdrawn).setFeeMinor(Long.MAX_VALUE).build()))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("overflows");
        assertThatThrownBy(() -> PaymentResultTranslator.translate(
                DisputeFundsReinstated.newBuilder(TestEvents.disputeFundsReinstated(withdrawn, 0)).setDisputeId("")
                        .build()))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("dispute_id");
    }

    private List<Map<String, Object>> movements(String seller) {
        return jdbc.sql("SELECT kind, amount_minor, balance_after_minor, dispute_id, refund_id FROM wallet_movement"
                + " WHERE account_id = ? ORDER BY seq").param(seller).query().listOfRows();
    }
}
