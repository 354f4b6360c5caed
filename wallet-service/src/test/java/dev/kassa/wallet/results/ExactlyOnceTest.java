package dev.kassa.wallet.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.wallet.movement.MovementKind;
import dev.kassa.wallet.movement.MovementRequest;
import dev.kassa.wallet.movement.WalletMovements;
import dev.kassa.wallet.support.WalletServiceTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A replayed or duplicated event changes nothing: the inbox first, the unique source event id behind it. */
class ExactlyOnceTest extends WalletServiceTest {

    @Autowired
    WalletMovements movements;

    @Test
    void theSameEventTwiceMakesOneMovement() {
        String seller = TestEvents.seller("duplicate");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(seller, 4200, "USD");
        RefundSucceeded refund = TestEvents.refundSucceeded(payment, 200);

        producer.send(payment);
        producer.send(payment);
        producer.send(refund);
        producer.send(refund);
        // Same key, same partition: once this one is applied, both duplicates before it have been consumed.
        PaymentOrderSucceeded marker = TestEvents.paymentSucceeded(payment.getPaymentOrderId(), seller, 1, "USD");
        producer.send(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> movementCountForSourceEvent(marker.getEventId()) == 1);
        assertThat(movementCountForSourceEvent(payment.getEventId())).isEqualTo(1);
        assertThat(movementCountForSourceEvent(refund.getEventId())).isEqualTo(1);
        assertThat(movementCount(seller)).isEqualTo(3);
        assertThat(balanceMinor(seller, "USD")).isEqualTo(4200 - 200 + 1);
    }

    @Test
    void aRefundRepublishedWithANewEventIdDebitsOnce() {
        String seller = TestEvents.seller("refund_republished");
        PaymentOrderSucceeded payment = TestEvents.paymentSucceeded(seller, 3000, "USD");
        RefundSucceeded refund = TestEvents.refundSucceeded(payment, 500);
        RefundSucceeded republished = RefundSucceeded.newBuilder(refund)
                .setEventId(java.util.UUID.randomUUID().toString()).build();

        producer.send(payment);
        producer.send(refund);
        producer.send(republished);
        PaymentOrderSucceeded marker = TestEvents.paymentSucceeded(payment.getPaymentOrderId(), seller, 1, "USD");
        producer.send(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> movementCountForSourceEvent(marker.getEventId()) == 1);
        assertThat(movementCountForSourceEvent(refund.getEventId())).isEqualTo(1);
        assertThat(movementCountForSourceEvent(republished.getEventId())).isZero();
        assertThat(balanceMinor(seller, "USD")).isEqualTo(3000 - 500 + 1);
    }

    @Test
    void theBusinessKeyRefusesASecondMovementEvenPastTheInbox() {
        String seller = TestEvents.seller("business_key");
        MovementRequest credit = new MovementRequest(java.util.UUID.randomUUID().toString(), MovementKind.CREDIT,
                seller, "EUR", 700, TestEvents.id("po"), TestEvents.id("chk"), null, Instant.now());

        assertThat(movements.apply(credit)).isPresent();
        assertThat(movements.apply(credit)).isEmpty();

        assertThat(movementCount(seller)).isEqualTo(1);
        assertThat(balanceMinor(seller, "EUR")).isEqualTo(700);
        Long outboxRows = jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = ?")
                .param(credit.paymentOrderId()).query(Long.class).single();
        assertThat(outboxRows).isEqualTo(1);
    }
}
