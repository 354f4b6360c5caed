package dev.kassa.payment.confirmation;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based SQL behind {@link Confirmations}: a whole batch of confirmations costs a fixed number of
 * statements, whatever its size. It runs in the consumer's transaction, with the batch's inbox rows.
 *
 * <p>Lock order. The wallet and the ledger consumers confirm the same orders at about the same time, each in
 * its own transaction. Every statement here locks its rows sorted by id, and a batch always locks refunds,
 * then disputes, then payment orders, then checkouts (the order in which a result takes them too: refund, its
 * order, the checkout; a dispute's webhook: the dispute, its order), so two batches may wait for each other but never
 * deadlock. Only rows that this batch changes
 * are locked: an order still being charged is not SUCCEEDED yet and is left alone without waiting.
 */
@Repository
class ConfirmationRepository {

    /** A payment order whose flags this batch changed. */
    record ConfirmedOrder(String paymentOrderId, String checkoutId, boolean fullyConfirmed) {
    }

    private final JdbcClient jdbc;

    ConfirmationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets {@code wallet_updated} / {@code ledger_updated} of succeeded payment orders, each flag once: the
     * {@code i}-th order id gets the wallet flag when {@code wallet[i]}, the ledger flag when {@code ledger[i]}
     * (an id may repeat). An order that is not ours, not succeeded, or already carries the flag is left alone.
     *
     * @return the orders changed now, with whether both flags are set since; an order becomes fully confirmed in
     *         exactly one transaction, because each update sees the latest committed row under its lock
     */
    List<ConfirmedOrder> confirmPayments(String[] orderIds, boolean[] wallet, boolean[] ledger) {
        // The MATERIALIZED step locks the rows in id order, and the UPDATE changes only rows that step returned,
        // so no row is locked in any other order. A row the other consumer changed meanwhile is re-read by both
        // steps once its lock is free (READ COMMITTED), so its flag is seen, never overwritten: each SET ORs in.
        return jdbc.sql("""
                WITH confirmed AS (
                    SELECT id, bool_or(w) AS wallet, bool_or(l) AS ledger
                      FROM unnest(?::text[], ?::boolean[], ?::boolean[]) AS c(id, w, l)
                     GROUP BY id
                ), locked AS MATERIALIZED (
                    SELECT o.payment_order_id
                      FROM payment_order o JOIN confirmed c ON c.id = o.payment_order_id
                     WHERE o.status = 'SUCCEEDED'
                       AND ((c.wallet AND NOT o.wallet_updated) OR (c.ledger AND NOT o.ledger_updated))
                     ORDER BY o.payment_order_id
                       FOR UPDATE OF o
                )
                UPDATE payment_order o
                   SET wallet_updated = o.wallet_updated OR c.wallet,
                       ledger_updated = o.ledger_updated OR c.ledger,
                       updated_at = now()
                  FROM confirmed c, locked l
                 WHERE o.payment_order_id = c.id AND l.payment_order_id = c.id AND o.status = 'SUCCEEDED'
                   AND ((c.wallet AND NOT o.wallet_updated) OR (c.ledger AND NOT o.ledger_updated))
                RETURNING o.payment_order_id, o.checkout_id, o.wallet_updated AND o.ledger_updated""")
                .params(orderIds, wallet, ledger)
                .query((rs, n) -> new ConfirmedOrder(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /**
     * The same for refunds' own flags ({@code WalletDebited}, {@code LedgerTransactionRecorded} of kind REFUND),
     * each flag once.
     *
     * @return the ids of the refunds changed now
     */
    List<String> confirmRefunds(String[] refundIds, boolean[] wallet, boolean[] ledger) {
        // Refunds carry their own flags (no status guard: a refund is confirmed only after it succeeded).
        return jdbc.sql("""
                WITH confirmed AS (
                    SELECT id, bool_or(w) AS wallet, bool_or(l) AS ledger
                      FROM unnest(?::text[], ?::boolean[], ?::boolean[]) AS c(id, w, l)
                     GROUP BY id
                ), locked AS MATERIALIZED (
                    SELECT r.refund_id
                      FROM refund r JOIN confirmed c ON c.id = r.refund_id
                     WHERE (c.wallet AND NOT r.wallet_updated) OR (c.ledger AND NOT r.ledger_updated)
                     ORDER BY r.refund_id
                       FOR UPDATE OF r
                )
                UPDATE refund r
                   SET wallet_updated = r.wallet_updated OR c.wallet,
                       ledger_updated = r.ledger_updated OR c.ledger,
                       updated_at = now()
                  FROM confirmed c, locked l
                 WHERE r.refund_id = c.id AND l.refund_id = c.id
                   AND ((c.wallet AND NOT r.wallet_updated) OR (c.ledger AND NOT r.ledger_updated))
                RETURNING r.refund_id""")
                .params(refundIds, wallet, ledger)
                .query(String.class).list();
    }

    /**
     * The booked flags of disputes (wallet and ledger confirmations naming a dispute): the {@code i}-th id's
     * withdrawal flags, or its reinstatement's when {@code reinstatement[i]}, each flag once, and only for money the
     * dispute has recorded. They confirm no payment or refund, so no order or checkout is touched.
     *
     * @return the ids of the disputes changed now
     */
    List<String> confirmDisputes(String[] disputeIds, boolean[] reinstatement, boolean[] wallet, boolean[] ledger) {
        // Locked in id order, as the other statements here, since both consumers confirm the same disputes.
        return jdbc.sql("""
                WITH confirmed AS (
                    SELECT id, bool_or(w AND NOT r) AS withdrawal_wallet, bool_or(l AND NOT r) AS withdrawal_ledger,
                           bool_or(w AND r) AS reinstatement_wallet, bool_or(l AND r) AS reinstatement_ledger
                      FROM unnest(?::text[], ?::boolean[], ?::boolean[], ?::boolean[]) AS c(id, r, w, l)
                     GROUP BY id
                ), locked AS MATERIALIZED (
                    SELECT d.dispute_id
                      FROM dispute d JOIN confirmed c ON c.id = d.dispute_id
                     WHERE (d.funds_withdrawn_at IS NOT NULL
                            AND ((c.withdrawal_wallet AND NOT d.withdrawal_wallet_booked)
                                 OR (c.withdrawal_ledger AND NOT d.withdrawal_ledger_booked)))
                        OR (d.funds_reinstated_at IS NOT NULL
                            AND ((c.reinstatement_wallet AND NOT d.reinstatement_wallet_booked)
                                 OR (c.reinstatement_ledger AND NOT d.reinstatement_ledger_booked)))
                     ORDER BY d.dispute_id
                       FOR UPDATE OF d
                )
                UPDATE dispute d
                   SET withdrawal_wallet_booked = d.withdrawal_wallet_booked
                           OR (c.withdrawal_wallet AND d.funds_withdrawn_at IS NOT NULL),
                       withdrawal_ledger_booked = d.withdrawal_ledger_booked
                           OR (c.withdrawal_ledger AND d.funds_withdrawn_at IS NOT NULL),
                       reinstatement_wallet_booked = d.reinstatement_wallet_booked
                           OR (c.reinstatement_wallet AND d.funds_reinstated_at IS NOT NULL),
                       reinstatement_ledger_booked = d.reinstatement_ledger_booked
                           OR (c.reinstatement_ledger AND d.funds_reinstated_at IS NOT NULL),
                       updated_at = now()
                  FROM confirmed c, locked l
                 WHERE d.dispute_id = c.id AND l.dispute_id = c.id
                RETURNING d.dispute_id""")
                .params(disputeIds, reinstatement, wallet, ledger)
                .query(String.class).list();
    }

    /**
     * {@code PROCESSING → COMPLETED} for each of {@code checkoutIds} whose orders are all terminal and whose
     * succeeded orders are all in wallet and ledger.
     *
     * <p>Two statements on purpose. The checkouts are locked first (in id order), and the completion is a
     * separate statement, so that it reads the orders with a snapshot taken AFTER any wait for those locks.
     * Two transactions that finish the last two orders of one checkout serialize on its row: the second sees
     * the first's order once it gets the lock, and completes the checkout. In one statement the snapshot would
     * predate the wait, and both could see the other's order unfinished.
     *
     * @return the checkouts completed now
     */
    List<String> completeCheckouts(Collection<String> checkoutIds) {
        String[] ids = checkoutIds.toArray(String[]::new);
        List<String> locked = jdbc.sql("""
                SELECT checkout_id FROM checkout WHERE checkout_id = ANY (?::text[]) AND status = 'PROCESSING'
                 ORDER BY checkout_id FOR UPDATE""")
                .param(ids).query(String.class).list();
        if (locked.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                UPDATE checkout c SET status = 'COMPLETED', completed_at = now(), updated_at = now()
                 WHERE c.checkout_id = ANY (?::text[]) AND c.status = 'PROCESSING'
                   AND NOT EXISTS (
                       SELECT 1 FROM payment_order o
                        WHERE o.checkout_id = c.checkout_id
                          AND (o.status NOT IN ('SUCCEEDED', 'FAILED')
                               OR (o.status = 'SUCCEEDED' AND NOT (o.wallet_updated AND o.ledger_updated))))
                RETURNING c.checkout_id""")
                .param(locked.toArray(String[]::new)).query(String.class).list();
    }
}
