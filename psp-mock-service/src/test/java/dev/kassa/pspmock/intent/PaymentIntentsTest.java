package dev.kassa.pspmock.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import dev.kassa.pspmock.idempotency.IdempotentRequests;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PaymentIntents} against the real PostgreSQL. Processing intents here are due far in the future, so the
 * running resolver never takes them; the tests ask for "due" with that future as now.
 */
class PaymentIntentsTest extends PspIntegrationTest {

    /** PostgreSQL's SQLSTATE when lock_timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Instant FAR_FUTURE = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.MICROS);

    @Autowired
    PaymentIntents intents;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotentRequests idempotentRequests;

    @Autowired
    PaymentIntentService service;

    @Autowired
    ApiJson json;

    @Test
    void aChargeWhoseKeyIsTakenOverWhileItRunsCommitsNothingAndAnswers409() {
        String key = PspApi.newKey();
        CreatePaymentIntentRequest request = new CreatePaymentIntentRequest(1000, "EUR", "tok_visa", true,
                Map.of("payment_order_id", "po-claim-lost"));

        // The charge records its answer in its own statement, guarded by its claim: another request that took the key
        // over meanwhile (its lease run out) must leave this charge uncommitted, as a separate completion would.
        assertThatThrownBy(() -> idempotentRequests.execute(key, request.fingerprint(json), () -> {
            jdbc.sql("update idempotency_key set claim_token = claim_token + 1 where key = :key").param("key", key)
                    .update();
            return service.create(request);
        })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));

        assertThat(jdbc.sql("""
                        select count(*) from payment_intent i join balance_transaction b on b.payment_intent_id = i.id
                        where i.metadata ->> 'payment_order_id' = 'po-claim-lost'""")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from payment_intent where metadata ->> 'payment_order_id' = 'po-claim-lost'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select state from idempotency_key where key = :key").param("key", key)
                .query(String.class).single()).as("still the first claim's").isEqualTo("in_flight");
    }

    @Test
    void anInsertedIntentIsReadBackWhole() {
        PaymentIntent processing = processing(FAR_FUTURE, PaymentIntent.REQUIRES_PAYMENT_METHOD);
        PaymentIntent declined = intent(PaymentIntent.REQUIRES_PAYMENT_METHOD, TestCards.GENERIC_DECLINE, null, null);

        intents.insert(processing, List.of());
        intents.insert(declined, List.of());

        assertThat(intents.findById(processing.id())).contains(processing);
        assertThat(intents.findById(declined.id())).contains(declined);
        assertThat(intents.findById("pi_unknown")).isEmpty();
    }

    @Test
    void resolvingMovesAProcessingIntentOnceAndIsRefusedAfterwards() {
        PaymentIntent processing = processing(FAR_FUTURE, PaymentIntent.REQUIRES_PAYMENT_METHOD);
        intents.insert(processing, List.of());

        boolean resolved = intents.resolve(processing.id(), PaymentIntent.REQUIRES_PAYMENT_METHOD, TestCards.GENERIC_DECLINE);
        boolean again = intents.resolve(processing.id(), PaymentIntent.SUCCEEDED, null);

        assertThat(resolved).isTrue();
        assertThat(again).isFalse();
        assertThat(intents.findById(processing.id())).contains(
                processing.resolvedAs(PaymentIntent.REQUIRES_PAYMENT_METHOD, TestCards.GENERIC_DECLINE));
    }

    @Test
    void refundReservationsStayWithinTheChargedAmountOfASucceededIntent() {
        PaymentIntent succeeded = intent(PaymentIntent.SUCCEEDED, null, null, null);
        PaymentIntent processing = processing(FAR_FUTURE, PaymentIntent.SUCCEEDED);
        intents.insert(succeeded, List.of());
        intents.insert(processing, List.of());

        assertThat(intents.reserveRefund(succeeded.id(), 3000)).isTrue();
        assertThat(intents.reserveRefund(succeeded.id(), 2001)).isFalse();
        assertThat(intents.reserveRefund(processing.id(), 1)).isFalse();
        intents.releaseRefund(succeeded.id(), 1000);
        assertThat(intents.reserveRefund(succeeded.id(), 3000)).isTrue();

        assertThat(intents.findById(succeeded.id()).orElseThrow().amountRefunded()).isEqualTo(5000);
        assertThat(intents.findById(processing.id()).orElseThrow().amountRefunded()).isZero();
    }

    @Test
    void dueProcessingIntentsAreLockedForOneResolverAndSkippedByAnother() {
        PaymentIntent due = processing(FAR_FUTURE, PaymentIntent.SUCCEEDED);
        PaymentIntent later = processing(FAR_FUTURE.plus(Duration.ofHours(1)), PaymentIntent.SUCCEEDED);
        intents.insert(due, List.of());
        intents.insert(later, List.of());

        transaction.executeWithoutResult(status -> {
            assertThat(intents.lockDueProcessing(FAR_FUTURE, 1000)).contains(due).doesNotContain(later);
            List<PaymentIntent> seenByAnother = CompletableFuture.supplyAsync(() ->
                    transaction.execute(other -> intents.lockDueProcessing(FAR_FUTURE, 1000))).join();
            assertThat(seenByAnother).doesNotContain(due);
        });
    }

    @Test
    void theNextResolutionIsTheEarliestProcessingIntent() {
        Instant earliest = Instant.parse("2001-01-01T00:00:00.123456Z");
        transaction.executeWithoutResult(status -> {
            // Rolled back: the running resolver never sees this long overdue intent.
            status.setRollbackOnly();
            intents.insert(processing(earliest, PaymentIntent.SUCCEEDED), List.of());

            assertThat(intents.nextResolution()).contains(earliest);
        });
    }

    @Test
    void anIntentLockedForARefundMakesTheNextOneWait() {
        PaymentIntent succeeded = intent(PaymentIntent.SUCCEEDED, null, null, null);
        intents.insert(succeeded, List.of());

        transaction.executeWithoutResult(status -> {
            assertThat(intents.findForUpdateById(succeeded.id())).contains(succeeded);
            assertThatThrownBy(() -> CompletableFuture.runAsync(() -> transaction.executeWithoutResult(other -> {
                jdbc.sql("set local lock_timeout = '200ms'").update();
                intents.findForUpdateById(succeeded.id());
            })).join()).rootCause().isInstanceOfSatisfying(SQLException.class,
                    waited -> assertThat(waited.getSQLState()).isEqualTo(LOCK_NOT_AVAILABLE));
        });
    }

    private static PaymentIntent processing(Instant resolveAt, String resolvesTo) {
        return intent(PaymentIntent.PROCESSING, null, resolveAt, resolvesTo);
    }

    private static PaymentIntent intent(String status, CardError error, Instant resolveAt, String resolvesTo) {
        return new PaymentIntent(Ids.newId("pi"), 5000, "EUR", status, "tok_test",
                new Metadata(Map.of("payment_order_id", "po-" + Ids.newId("x"), "note", "ü \"quoted\"")), error, 0,
                Instant.now().truncatedTo(ChronoUnit.MICROS), resolveAt, resolvesTo, null, null);
    }
}
