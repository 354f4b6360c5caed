package dev.kassa.pspmock.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import dev.kassa.pspmock.intent.PaymentIntent;
import dev.kassa.pspmock.intent.PaymentIntents;
import dev.kassa.pspmock.refund.Refunds.DueRefund;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Refunds} against the real PostgreSQL. Pending refunds here are due far in the future, so the running
 * resolver never takes them; the tests ask for "due" with that future as now.
 */
class RefundsTest extends PspIntegrationTest {

    private static final Instant FAR_FUTURE = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.MICROS);

    @Autowired
    Refunds refunds;

    @Autowired
    PaymentIntents intents;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anInsertedRefundIsReadBackWhole() {
        Refund pending = refund(succeededIntent("po-read")).pendingUntil(FAR_FUTURE, Refund.SUCCEEDED);

        assertThat(refunds.insert(pending)).isEqualTo(pending);

        assertThat(refunds.findById(pending.id())).contains(pending);
        assertThat(refunds.findById("re_unknown")).isEmpty();
    }

    @Test
    void anInsertNeverOverwritesARefund() {
        Refund refund = refund(succeededIntent("po-twice"));
        refunds.insert(refund);

        assertThatThrownBy(() -> refunds.insert(refund.resolvedAs(Refund.FAILED, "again")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(refunds.findById(refund.id())).contains(refund);
    }

    @Test
    void resolvingMovesAPendingRefundOnceAndIsRefusedAfterwards() {
        PaymentIntent intent = succeededIntent("po-resolve");
        Refund pending = refunds.insert(refund(intent).pendingUntil(FAR_FUTURE, Refund.FAILED));
        Refund succeeded = refunds.insert(refund(intent));

        boolean failed = refunds.resolve(pending.id(), Refund.FAILED, "expired_or_canceled_card");
        boolean again = refunds.resolve(pending.id(), Refund.SUCCEEDED, null);
        boolean notPending = refunds.resolve(succeeded.id(), Refund.FAILED, "never");

        assertThat(failed).isTrue();
        assertThat(again).isFalse();
        assertThat(notPending).isFalse();
        assertThat(refunds.findById(pending.id())).contains(pending.resolvedAs(Refund.FAILED, "expired_or_canceled_card"));
        assertThat(refunds.findById(succeeded.id())).contains(succeeded);
    }

    @Test
    void dueRefundsComeLockedWithTheirPaymentsOrderId() {
        PaymentIntent intent = succeededIntent("po-due");
        Refund due = refunds.insert(refund(intent).pendingUntil(FAR_FUTURE, Refund.SUCCEEDED));
        Refund later = refunds.insert(refund(intent).pendingUntil(FAR_FUTURE.plus(Duration.ofHours(1)), Refund.FAILED));

        List<DueRefund> locked = transaction.execute(status -> refunds.lockDuePending(FAR_FUTURE, 1000));

        assertThat(locked).contains(new DueRefund(due, "po-due"))
                .extracting(DueRefund::refund).doesNotContain(later);
    }

    @Test
    void theNextResolutionIsTheEarliestPendingRefund() {
        Instant earliest = Instant.parse("2001-01-01T00:00:00.654321Z");
        PaymentIntent intent = succeededIntent("po-next");
        transaction.executeWithoutResult(status -> {
            // Rolled back: the running resolver never sees this long overdue refund.
            status.setRollbackOnly();
            refunds.insert(refund(intent).pendingUntil(earliest, Refund.SUCCEEDED));

            assertThat(refunds.nextResolution()).contains(earliest);
        });
    }

    private PaymentIntent succeededIntent(String paymentOrderId) {
        PaymentIntent intent = new PaymentIntent(Ids.newId("pi"), 5000, "EUR", PaymentIntent.SUCCEEDED, "tok_visa",
                new Metadata(Map.of("payment_order_id", paymentOrderId)), null, 0, Instant.now().truncatedTo(ChronoUnit.MICROS),
                null, null, null, null);
        intents.insert(intent, List.of());
        return intent;
    }

    private static Refund refund(PaymentIntent intent) {
        return new Refund(Ids.newId("re"), intent.id(), 1000, intent.currency(), Refund.SUCCEEDED, null,
                new Metadata(Map.of("reason", "requested_by_customer")), Instant.now().truncatedTo(ChronoUnit.MICROS), null, null,
                "requested_by_customer");
    }
}
