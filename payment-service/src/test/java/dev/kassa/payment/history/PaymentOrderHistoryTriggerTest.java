package dev.kassa.payment.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.order.ChangeCause;
import dev.kassa.payment.order.ExecutionResult;
import dev.kassa.payment.order.PaymentOrders;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The triggers behind {@code payment_order_history}, at the SQL level: one entry per order whose status a
 * statement changed, however many orders it touches; the cause named in the transaction, or SYSTEM; nothing for
 * updates that leave the status alone.
 */
class PaymentOrderHistoryTriggerTest extends PaymentServiceTestBase {

    @Autowired
    PaymentOrders orders;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theExecutorsWaveStartIsOneStatementThatWritesOneEntryPerOrderAndNamesItsCause() {
        List<String> ids = newOrders(3);

        orders.startExecutions(ids, List.of(1, 1, 1));

        String started = " NOT_STARTED -> EXECUTING EXECUTOR risk check passed";
        assertThat(history(ids)).containsExactly(
                ids.get(0) + " -> NOT_STARTED SYSTEM", ids.get(0) + started,
                ids.get(1) + " -> NOT_STARTED SYSTEM", ids.get(1) + started,
                ids.get(2) + " -> NOT_STARTED SYSTEM", ids.get(2) + started);
    }

    @Test
    void aSetBasedUpdateRecordsItsTransactionsCauseOnceForEachChangedOrderAndNothingForTheRest() {
        List<String> ids = newOrders(3);
        orders.startExecutions(ids, List.of(1, 1, 1));
        String[] array = ids.toArray(String[]::new);

        transactions.executeWithoutResult(status -> {
            // As an operator's manual fix in psql names itself.
            jdbc.sql("""
                    SELECT set_config('kassa.cause', 'OPERATOR', true),
                           set_config('kassa.actor', 'operator:psql', true),
                           set_config('kassa.detail', 'ticket 42', true)""").query().singleRow();
            assertThat(jdbc.sql("UPDATE payment_order SET status = 'FAILED', failure_code = 'stopped'"
                    + " WHERE payment_order_id = ANY (?)").param(array).update()).isEqualTo(3);
            // The same status again, or no status at all (the confirmations' flags): no entry.
            jdbc.sql("UPDATE payment_order SET status = status, updated_at = now() WHERE payment_order_id = ANY (?)")
                    .param(array).update();
            jdbc.sql("UPDATE payment_order SET wallet_updated = true WHERE payment_order_id = ANY (?)")
                    .param(array).update();
        });
        // Autocommitted, with nothing named: the settings ended with their transaction.
        orders.startRetry(ids.get(0)).orElseThrow();

        List<String> changes = jdbc.sql("""
                SELECT concat_ws(' | ', payment_order_id, from_status || ' -> ' || to_status, attempt, cause,
                                 coalesce(actor, '-'), coalesce(detail, '-'))
                  FROM payment_order_history
                 WHERE payment_order_id = ANY (?) AND from_status IN ('EXECUTING', 'FAILED')
                 ORDER BY payment_order_id, id""").param(array).query(String.class).list();
        assertThat(changes).containsExactly(
                ids.get(0) + " | EXECUTING -> FAILED | 1 | OPERATOR | operator:psql | stopped; ticket 42",
                ids.get(0) + " | FAILED -> NOT_STARTED | 2 | SYSTEM | - | -",
                ids.get(1) + " | EXECUTING -> FAILED | 1 | OPERATOR | operator:psql | stopped; ticket 42",
                ids.get(2) + " | EXECUTING -> FAILED | 1 | OPERATOR | operator:psql | stopped; ticket 42");
    }

    @Test
    void aCauseIsNamedInsideATransactionAndTheFirstDetailOfACauseStands() {
        List<String> ids = newOrders(2);
        orders.startExecutions(ids, List.of(1, 1));

        assertThatThrownBy(() -> orders.nameCause(ChangeCause.JANITOR)).isInstanceOf(IllegalStateException.class);
        transactions.executeWithoutResult(status -> {
            orders.nameCause(ChangeCause.WEBHOOK, "event evt_1");
            orders.nameCause(ChangeCause.WEBHOOK); // as the shared result code names it again: changes nothing
            assertThat(orders.resolveExecutions(ChangeCause.WEBHOOK, // nor does the statement naming it
                    List.of(ExecutionResult.succeeded(ids.get(0), 1, "pi_" + ids.get(0))))).hasSize(1);
            orders.nameCause(ChangeCause.JANITOR);
            assertThat(orders.resolveExecutions(ChangeCause.JANITOR, List.of(ExecutionResult.failed(ids.get(1), 1,
                    "pi_" + ids.get(1), "card_declined", "Declined")))).hasSize(1);
        });

        assertThat(history(ids)).contains(ids.get(0) + " EXECUTING -> SUCCEEDED WEBHOOK event evt_1",
                ids.get(1) + " EXECUTING -> FAILED JANITOR card_declined");
    }

    @Test
    void answersNameTheirCauseInTheirOwnStatementUnlessTheTransactionCarriesItAlready() {
        List<String> ids = newOrders(3);
        orders.startExecutions(ids, List.of(1, 1, 1));

        // Outside a transaction the settings last for the statement's own.
        orders.resolveExecutions(ChangeCause.JANITOR, List.of(ExecutionResult.succeeded(ids.get(0), 1, "pi_" + ids.get(0))));
        transactions.executeWithoutResult(status -> {
            orders.nameCause(ChangeCause.WEBHOOK, "event evt_2");
            orders.resolveExecutions(ChangeCause.WEBHOOK, List.of(ExecutionResult.succeeded(ids.get(1), 1, "pi_" + ids.get(1))));
        });
        transactions.executeWithoutResult(status -> {
            assertThat(orders.resolveExecutions(ChangeCause.JANITOR,
                    List.of(ExecutionResult.failed(ids.get(0), 1, null, "late", null)))).as("late: changed nothing").isEmpty();
            orders.resolveExecutions(ChangeCause.JANITOR,
                    List.of(ExecutionResult.failed(ids.get(2), 1, null, "expired_card", null)));
        });

        assertThat(history(ids)).containsSubsequence(
                ids.get(0) + " EXECUTING -> SUCCEEDED JANITOR",
                ids.get(1) + " EXECUTING -> SUCCEEDED WEBHOOK event evt_2",
                ids.get(2) + " EXECUTING -> FAILED JANITOR expired_card");
    }

    /** A checkout with {@code count} orders, inserted by plain SQL (so no cause is named: SYSTEM); ids sorted. */
    private List<String> newOrders(int count) {
        String checkoutId = id("chk");
        jdbc.sql("""
                INSERT INTO checkout (checkout_id, request_hash, buyer_user_id, buyer_email, payment_method_token)
                VALUES (?, repeat('0', 64), 'u_1', 'buyer@example.com', 'tok_visa')""").param(checkoutId).update();
        List<String> ids = Stream.generate(() -> id("po")).limit(count).sorted().toList();
        jdbc.sql("""
                INSERT INTO payment_order (payment_order_id, checkout_id, position, seller_account, amount_minor,
                                           currency)
                SELECT id, ?, n - 1, 'seller_1', 100, 'USD' FROM unnest(?::text[]) WITH ORDINALITY AS o(id, n)""")
                .params(checkoutId, ids.toArray(String[]::new)).update();
        return ids;
    }

    /** "order [from] -> to CAUSE [detail]" per entry, by order, oldest first. */
    private List<String> history(List<String> ids) {
        return jdbc.sql("""
                SELECT concat_ws(' ', payment_order_id, from_status, '->', to_status, cause, detail)
                  FROM payment_order_history WHERE payment_order_id = ANY (?) ORDER BY payment_order_id, id""")
                .param(ids.toArray(String[]::new)).query(String.class).list();
    }
}
