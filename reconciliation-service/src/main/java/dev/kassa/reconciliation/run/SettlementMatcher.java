package dev.kassa.reconciliation.run;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Classifies one day in SQL, over the staged settlement file and the event projection: the database does
 * the joins, so memory does not depend on the size of the file. Runs inside the run's transaction.
 *
 * <p>Charges and refunds are classified in {@code classified_row}, a dispute's withdrawals and reversals apart in
 * {@code classified_dispute} (matched against {@code platform_dispute}): a dispute never changes how its charge
 * matches (a disputed charge is still a matched charge), and its money is totalled apart.
 *
 * <p>Each finding is upserted by its fingerprint (type + identity); {@link #removeUnconfirmed} then
 * drops what an earlier run of the day found and this one did not.
 */
@Component
class SettlementMatcher {

    /** Lives for the run's transaction; a utility statement, so it takes no parameters. */
    private static final String CREATE_CLASSIFIED_ROW = """
            CREATE TEMP TABLE classified_row (
                line_number bigint, balance_transaction_id text, subject text, payment_intent_id text,
                file_order_id text, file_refund_id text, amount_minor bigint, currency text,
                our_key text, our_order_id text, our_refund_id text, our_status text, our_signed_minor bigint,
                our_currency text, seller_account text, nth bigint, outcome text) ON COMMIT DROP""";

    /**
     * Lives for the run's transaction, like {@code classified_row}: one row per dispute withdrawal or reversal of the
     * day, with the payment it disputes (for the finding's context), what the platform booked for that movement
     * ({@code our_*}, the fee in the PSP's sign) and its outcome.
     */
    private static final String CREATE_CLASSIFIED_DISPUTE = """
            CREATE TEMP TABLE classified_dispute (
                line_number bigint, balance_transaction_id text, kind text, dispute_id text, payment_intent_id text,
                payment_order_id text, seller_account text, amount_minor bigint, fee_minor bigint, currency text,
                dispute_known boolean, our_minor bigint, our_fee_minor bigint, our_currency text, nth bigint,
                outcome text) ON COMMIT DROP""";

    /** Outcome per charge and refund row; MATCHED rows are the matched count, the others become discrepancies. */
    private static final String CLASSIFY_ROWS = """
            INSERT INTO classified_row
            SELECT c.*,
                   CASE WHEN c.our_key IS NULL OR c.nth > 1 THEN 'MISSING_IN_PLATFORM'
                        WHEN c.our_status = 'FAILED' THEN 'STATUS_MISMATCH'
                        WHEN c.our_currency <> c.currency THEN 'CURRENCY_MISMATCH'
                        WHEN c.our_signed_minor <> c.amount_minor THEN 'AMOUNT_MISMATCH'
                        ELSE 'MATCHED' END AS outcome
              FROM (
                    -- Charges: by payment order id (the PSP carries it in the intent's metadata), else by
                    -- payment intent. A second charge for one order is money we don't know about.
                    SELECT s.line_number, s.balance_transaction_id, 'PAYMENT' AS subject, s.payment_intent_id,
                           s.payment_order_id AS file_order_id, s.refund_id AS file_refund_id, s.amount_minor, s.currency,
                           p.payment_order_id AS our_key, p.payment_order_id AS our_order_id, NULL::text AS our_refund_id,
                           p.status AS our_status, p.amount_minor AS our_signed_minor, p.currency AS our_currency,
                           p.seller_account,
                           row_number() OVER (PARTITION BY coalesce(p.payment_order_id, 'line:' || s.line_number)
                                              ORDER BY (s.payment_intent_id IS NOT DISTINCT FROM p.psp_reference) DESC,
                                                       s.line_number) AS nth
                      FROM settlement_row s
                      LEFT JOIN LATERAL (
                           SELECT m.*, 1 AS preference FROM platform_payment m WHERE m.payment_order_id = s.payment_order_id
                           UNION ALL
                           SELECT m.*, 2 FROM platform_payment m WHERE m.psp_reference = s.payment_intent_id
                           ORDER BY preference LIMIT 1) p ON true
                     WHERE s.report_date = :date AND s.type = 'charge'
                    UNION ALL
                    -- Refunds: the file's refund_id is the PSP's refund id (re_...), which our RefundSucceeded
                    -- carries as psp_refund_reference; our own refund id is accepted too.
                    SELECT s.line_number, s.balance_transaction_id, 'REFUND', s.payment_intent_id,
                           s.payment_order_id, s.refund_id, s.amount_minor, s.currency,
                           r.refund_id, r.payment_order_id, r.refund_id,
                           r.status, -r.amount_minor, r.currency,
                           r.seller_account,
                           row_number() OVER (PARTITION BY coalesce(r.refund_id, 'line:' || s.line_number)
                                              ORDER BY s.line_number)
                      FROM settlement_row s
                      LEFT JOIN LATERAL (
                           SELECT m.*, 1 AS preference FROM platform_refund m WHERE m.psp_refund_reference = s.refund_id
                           UNION ALL
                           SELECT m.*, 2 FROM platform_refund m WHERE m.refund_id = s.refund_id
                           ORDER BY preference LIMIT 1) r ON true
                     WHERE s.report_date = :date AND s.type = 'refund'
                   ) c""";

    /**
     * Outcome per dispute row, a withdrawal ({@code dispute}: amount -A, fee F) or a won dispute's reversal
     * ({@code dispute_reversal}: +A, fee -F when the PSP gives it back, else 0), against the movement the platform
     * booked for that dispute ({@code platform_dispute}, by the PSP's dispute id): none, or a second row of one
     * dispute and movement on the day, is DISPUTE_UNKNOWN; another amount or currency DISPUTE_AMOUNT_MISMATCH; another
     * fee (one side's fee missing included) DISPUTE_FEE_MISMATCH. The platform's fee is compared in the PSP's sign.
     *
     * <p>A dispute the platform does not know is still named: its order (the dispute's own metadata, else our payment
     * of that intent, else the order id the PSP's charge carried, staged for this or an earlier day) and seller (ours).
     */
    private static final String CLASSIFY_DISPUTES = """
            INSERT INTO classified_dispute
            SELECT c.*,
                   CASE WHEN c.our_minor IS NULL OR c.nth > 1 THEN 'DISPUTE_UNKNOWN'
                        WHEN c.our_currency <> c.currency OR c.our_minor <> abs(c.amount_minor) THEN 'DISPUTE_AMOUNT_MISMATCH'
                        WHEN c.our_fee_minor <> c.fee_minor THEN 'DISPUTE_FEE_MISMATCH'
                        ELSE 'MATCHED' END AS outcome
              FROM (
                    SELECT s.line_number, s.balance_transaction_id, s.type AS kind, s.dispute_id, s.payment_intent_id,
                           coalesce(d.payment_order_id, s.payment_order_id, p.payment_order_id, ch.payment_order_id)
                               AS payment_order_id,
                           coalesce(d.seller_account, p.seller_account) AS seller_account,
                           s.amount_minor, s.fee_minor, s.currency,
                           d.dispute_id IS NOT NULL AS dispute_known,
                           CASE s.type WHEN 'dispute' THEN d.withdrawn_minor ELSE d.reinstated_minor END AS our_minor,
                           CASE s.type WHEN 'dispute' THEN d.withdrawn_fee_minor ELSE -d.reinstated_fee_minor END
                               AS our_fee_minor,
                           d.currency AS our_currency,
                           row_number() OVER (PARTITION BY s.dispute_id, s.type ORDER BY s.line_number) AS nth
                      FROM settlement_row s
                      LEFT JOIN platform_dispute d ON d.dispute_id = s.dispute_id
                      LEFT JOIN LATERAL (
                           SELECT m.payment_order_id, m.seller_account, 1 AS preference
                             FROM platform_payment m WHERE d.dispute_id IS NULL AND m.payment_order_id = s.payment_order_id
                           UNION ALL
                           SELECT m.payment_order_id, m.seller_account, 2
                             FROM platform_payment m WHERE d.dispute_id IS NULL AND m.psp_reference = s.payment_intent_id
                           ORDER BY preference LIMIT 1) p ON true
                      LEFT JOIN LATERAL (
                           SELECT charged.payment_order_id FROM settlement_row charged
                            WHERE d.dispute_id IS NULL AND charged.payment_intent_id = s.payment_intent_id
                              AND charged.type = 'charge' AND charged.payment_order_id IS NOT NULL
                            ORDER BY charged.report_date DESC LIMIT 1) ch ON true
                     WHERE s.report_date = :date AND s.type IN ('dispute', 'dispute_reversal')
                   ) c""";

    private static final String FILE_DISCREPANCIES = """
            SELECT outcome AS type, subject, balance_transaction_id AS identity,
                   coalesce(our_order_id, file_order_id) AS payment_order_id,
                   payment_intent_id AS psp_reference,
                   CASE subject WHEN 'REFUND' THEN coalesce(our_refund_id, file_refund_id) END AS refund_id,
                   balance_transaction_id, seller_account, line_number,
                   CASE WHEN outcome <> 'MISSING_IN_PLATFORM' THEN abs(our_signed_minor) END AS expected_minor,
                   CASE WHEN outcome <> 'MISSING_IN_PLATFORM' THEN our_currency END AS expected_currency,
                   CASE outcome WHEN 'MISSING_IN_PLATFORM' THEN 'NONE' WHEN 'STATUS_MISMATCH' THEN our_status END AS expected_status,
                   abs(amount_minor) AS actual_minor, currency AS actual_currency,
                   CASE WHEN outcome IN ('MISSING_IN_PLATFORM', 'STATUS_MISMATCH')
                        THEN CASE subject WHEN 'PAYMENT' THEN 'CHARGED' ELSE 'REFUNDED' END END AS actual_status,
                   CASE
                     WHEN outcome = 'MISSING_IN_PLATFORM' AND nth > 1 THEN format(
                       'The PSP settled %s %s more than once: balance transaction %s (line %s) is an extra %s that no platform success accounts for',
                       lower(subject), coalesce(our_refund_id, our_order_id), balance_transaction_id, line_number,
                       CASE subject WHEN 'PAYMENT' THEN 'charge' ELSE 'refund' END)
                     WHEN outcome = 'MISSING_IN_PLATFORM' AND subject = 'PAYMENT' THEN format(
                       'The PSP charged payment intent %s (payment order %s) in balance transaction %s (line %s) and the platform has no such payment',
                       payment_intent_id, coalesce(file_order_id, 'not given'), balance_transaction_id, line_number)
                     WHEN outcome = 'MISSING_IN_PLATFORM' THEN format(
                       'The PSP refunded %s (payment intent %s, payment order %s) in balance transaction %s (line %s) and the platform has no such refund',
                       file_refund_id, coalesce(payment_intent_id, 'not given'), coalesce(file_order_id, 'not given'),
                       balance_transaction_id, line_number)
                     WHEN outcome = 'STATUS_MISMATCH' THEN format(
                       'The platform recorded %s %s as FAILED but the PSP %s it in balance transaction %s (line %s)',
                       CASE subject WHEN 'PAYMENT' THEN 'payment order' ELSE 'refund' END,
                       coalesce(our_refund_id, our_order_id), CASE subject WHEN 'PAYMENT' THEN 'charged' ELSE 'refunded' END,
                       balance_transaction_id, line_number)
                     WHEN outcome = 'CURRENCY_MISMATCH' THEN format(
                       'The PSP settled %s %s in %s, the platform recorded it in %s (balance transaction %s, line %s)',
                       CASE subject WHEN 'PAYMENT' THEN 'payment order' ELSE 'refund' END,
                       coalesce(our_refund_id, our_order_id), currency, our_currency, balance_transaction_id, line_number)
                     ELSE format(
                       'The PSP settled %s %s for another amount than the platform recorded (balance transaction %s, line %s)',
                       CASE subject WHEN 'PAYMENT' THEN 'payment order' ELSE 'refund' END,
                       coalesce(our_refund_id, our_order_id), balance_transaction_id, line_number)
                   END AS detail,
                   NULL AS dispute_id, NULL::bigint AS expected_fee_minor, NULL::bigint AS actual_fee_minor
              FROM classified_row
             WHERE outcome <> 'MATCHED'""";

    /**
     * A dispute's money the platform does not account for, or accounts for with other figures. Amounts are positive,
     * the direction is the status (WITHDRAWN, REINSTATED), as CHARGED and REFUNDED are for payments; both fees are in
     * the PSP's sign (taken positive, given back negative), so that they compare as they are.
     */
    private static final String DISPUTE_DISCREPANCIES = """
            SELECT outcome AS type, 'DISPUTE' AS subject, balance_transaction_id AS identity,
                   payment_order_id, payment_intent_id AS psp_reference, NULL AS refund_id,
                   balance_transaction_id, seller_account, line_number,
                   CASE WHEN outcome <> 'DISPUTE_UNKNOWN' THEN our_minor END AS expected_minor,
                   CASE WHEN outcome <> 'DISPUTE_UNKNOWN' THEN our_currency END AS expected_currency,
                   CASE WHEN outcome <> 'DISPUTE_UNKNOWN' THEN movement ELSE 'NONE' END AS expected_status,
                   abs(amount_minor) AS actual_minor, currency AS actual_currency, movement AS actual_status,
                   CASE
                     WHEN nth > 1 AND our_minor IS NOT NULL THEN format(
                       'The PSP %s dispute %s (payment order %s) more than once: balance transaction %s (line %s) is one the platform''s dispute does not account for',
                       CASE kind WHEN 'dispute' THEN 'withdrew the funds of' ELSE 'reinstated the funds of' END,
                       dispute_id, coalesce(payment_order_id, 'unknown'), balance_transaction_id, line_number)
                     WHEN outcome = 'DISPUTE_UNKNOWN' AND kind = 'dispute' THEN format(
                       'The PSP withdrew the disputed amount and a dispute fee for dispute %s of payment intent %s (payment order %s) in balance transaction %s (line %s) and the platform has %s',
                       dispute_id, payment_intent_id, coalesce(payment_order_id, 'unknown'), balance_transaction_id, line_number,
                       CASE WHEN dispute_known THEN 'recorded no withdrawal of it' ELSE 'no such dispute' END)
                     WHEN outcome = 'DISPUTE_UNKNOWN' THEN format(
                       'The PSP reinstated the disputed amount of dispute %s (won) of payment intent %s (payment order %s) in balance transaction %s (line %s) and the platform has %s',
                       dispute_id, payment_intent_id, coalesce(payment_order_id, 'unknown'), balance_transaction_id, line_number,
                       CASE WHEN dispute_known THEN 'recorded no reinstatement of it' ELSE 'no such dispute' END)
                     WHEN outcome = 'DISPUTE_AMOUNT_MISMATCH' THEN format(
                       'The PSP %s dispute %s (payment order %s) %s than the platform recorded (balance transaction %s, line %s)',
                       CASE kind WHEN 'dispute' THEN 'withdrew the funds of' ELSE 'reinstated the funds of' END,
                       dispute_id, payment_order_id,
                       CASE WHEN our_currency <> currency THEN 'in another currency' ELSE 'for another amount' END,
                       balance_transaction_id, line_number)
                     ELSE format(
                       'The PSP %s for dispute %s (payment order %s) than the platform recorded (balance transaction %s, line %s)',
                       CASE kind WHEN 'dispute' THEN 'took another dispute fee' ELSE 'gave back another part of the dispute fee' END,
                       dispute_id, payment_order_id, balance_transaction_id, line_number)
                   END AS detail,
                   dispute_id,
                   CASE WHEN outcome <> 'DISPUTE_UNKNOWN' THEN our_fee_minor END AS expected_fee_minor,
                   fee_minor AS actual_fee_minor
              FROM (SELECT *, CASE kind WHEN 'dispute' THEN 'WITHDRAWN' ELSE 'REINSTATED' END AS movement
                      FROM classified_dispute WHERE outcome <> 'MATCHED') f""";

    /** Our successes of the day with no row in the day's file (nor the day before's: the PSP's clock may lead ours). */
    private static final String MISSING_AT_PSP = """
            SELECT 'MISSING_AT_PSP' AS type, 'PAYMENT' AS subject, 'payment:' || p.payment_order_id AS identity,
                   p.payment_order_id, p.psp_reference, NULL AS refund_id, NULL AS balance_transaction_id,
                   p.seller_account, NULL::bigint AS line_number,
                   p.amount_minor AS expected_minor, p.currency AS expected_currency, 'SUCCEEDED' AS expected_status,
                   NULL::bigint AS actual_minor, NULL AS actual_currency, 'NONE' AS actual_status,
                   format('The platform recorded payment order %s (payment intent %s) as SUCCEEDED at %s and the PSP settlement file of %s has no charge for it',
                          p.payment_order_id, coalesce(p.psp_reference, 'unknown'), to_char(p.succeeded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :dateText) AS detail,
                   NULL AS dispute_id, NULL::bigint AS expected_fee_minor, NULL::bigint AS actual_fee_minor
              FROM platform_payment p
             WHERE p.status = 'SUCCEEDED' AND p.succeeded_at >= :dayStart AND p.succeeded_at < :dayEnd
               AND NOT EXISTS (SELECT 1 FROM settlement_row s WHERE s.report_date IN (:date, :previousDate)
                                  AND s.type = 'charge' AND s.payment_order_id = p.payment_order_id)
               AND NOT EXISTS (SELECT 1 FROM settlement_row s WHERE s.report_date IN (:date, :previousDate)
                                  AND s.type = 'charge' AND s.payment_intent_id = p.psp_reference)
            UNION ALL
            SELECT 'MISSING_AT_PSP', 'REFUND', 'refund:' || r.refund_id,
                   r.payment_order_id, r.psp_reference, r.refund_id, NULL, r.seller_account, NULL,
                   r.amount_minor, r.currency, 'SUCCEEDED', NULL, NULL, 'NONE',
                   format('The platform recorded refund %s (PSP refund %s) of payment order %s as SUCCEEDED at %s and the PSP settlement file of %s has no refund for it',
                          r.refund_id, coalesce(r.psp_refund_reference, 'unknown'), r.payment_order_id,
                          to_char(r.succeeded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :dateText),
                   NULL, NULL, NULL
              FROM platform_refund r
             WHERE r.status = 'SUCCEEDED' AND r.succeeded_at >= :dayStart AND r.succeeded_at < :dayEnd
               AND NOT EXISTS (SELECT 1 FROM settlement_row s WHERE s.report_date IN (:date, :previousDate)
                                  AND s.type = 'refund' AND s.refund_id IN (r.psp_refund_reference, r.refund_id))""";

    /**
     * The dispute movements the platform booked on the day (by when payment-service recorded them), one row each:
     * {@code movement} WITHDRAWN or REINSTATED, the PSP's row type it should have, and its amount and fee as booked
     * (the fee taken, or the fee given back). A CTE for the three findings below; each arm uses its time's index.
     */
    private static final String BOOKED_DISPUTES = """
            WITH booked AS (
                SELECT d.dispute_id, d.payment_order_id, d.psp_reference, d.seller_account, d.currency, d.fee_bearer,
                       'WITHDRAWN' AS movement, 'withdrawal' AS movement_name, 'dispute' AS row_type, 'DISPUTE_FUNDS_WITHDRAWN' AS entry_kind,
                       'DEBIT' AS wallet_kind, d.withdrawn_minor AS amount_minor, d.withdrawn_fee_minor AS fee_minor,
                       d.withdrawn_fee_minor AS psp_fee_minor, d.withdrawn_at AS booked_at
                  FROM platform_dispute d WHERE d.withdrawn_at >= :dayStart AND d.withdrawn_at < :dayEnd
                UNION ALL
                SELECT d.dispute_id, d.payment_order_id, d.psp_reference, d.seller_account, d.currency, d.fee_bearer,
                       'REINSTATED', 'reinstatement', 'dispute_reversal', 'DISPUTE_FUNDS_REINSTATED',
                       'CREDIT', d.reinstated_minor, d.reinstated_fee_minor,
                       -d.reinstated_fee_minor, d.reinstated_at
                  FROM platform_dispute d WHERE d.reinstated_at >= :dayStart AND d.reinstated_at < :dayEnd
            )
            """;

    /**
     * Dispute movements the platform booked on the day that the PSP's rows of the day (nor the day before's) do not
     * show: the same day boundary as MISSING_AT_PSP. The expected fee is in the PSP's sign.
     */
    private static final String DISPUTE_MISSING_AT_PSP = BOOKED_DISPUTES + """
            SELECT 'DISPUTE_MISSING_AT_PSP' AS type, 'DISPUTE' AS subject, lower(b.movement) || ':' || b.dispute_id AS identity,
                   b.payment_order_id, b.psp_reference, NULL AS refund_id, NULL AS balance_transaction_id,
                   b.seller_account, NULL::bigint AS line_number,
                   b.amount_minor AS expected_minor, b.currency AS expected_currency, b.movement AS expected_status,
                   NULL::bigint AS actual_minor, NULL AS actual_currency, 'NONE' AS actual_status,
                   format('The platform recorded the %s of dispute %s of payment order %s (payment intent %s) at %s and the PSP''s balance transactions of %s (nor of the day before) have no %s for it',
                          b.movement_name, b.dispute_id, b.payment_order_id, b.psp_reference,
                          to_char(b.booked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :dateText,
                          CASE b.movement WHEN 'WITHDRAWN' THEN 'dispute withdrawal' ELSE 'dispute reversal' END) AS detail,
                   b.dispute_id, b.psp_fee_minor AS expected_fee_minor, NULL::bigint AS actual_fee_minor
              FROM booked b
             WHERE NOT EXISTS (SELECT 1 FROM settlement_row s WHERE s.dispute_id = b.dispute_id
                                  AND s.report_date IN (:date, :previousDate) AND s.type = b.row_type)""";

    /**
     * Dispute movements booked on the day, past the grace period, without their journal entry: the entry's amount is
     * the disputed amount, its fee lines (on dispute_fees, or seller_payable when the seller bears the fee) apart.
     */
    private static final String DISPUTE_LEDGER_MISSING = BOOKED_DISPUTES + """
            SELECT 'DISPUTE_LEDGER_MISSING' AS type, 'DISPUTE' AS subject, lower(b.movement) || ':' || b.dispute_id AS identity,
                   b.payment_order_id, b.psp_reference, NULL AS refund_id, NULL AS balance_transaction_id,
                   b.seller_account, NULL::bigint AS line_number,
                   b.amount_minor AS expected_minor, b.currency AS expected_currency, 'POSTED' AS expected_status,
                   NULL::bigint AS actual_minor, NULL AS actual_currency, 'NONE' AS actual_status,
                   format('The %s of dispute %s of payment order %s (its dispute fee borne by the %s) was recorded at %s, longer ago than the grace period %s, and the ledger has recorded no journal entry for it',
                          b.movement_name, b.dispute_id, b.payment_order_id, lower(b.fee_bearer),
                          to_char(b.booked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :grace) AS detail,
                   b.dispute_id, NULL::bigint AS expected_fee_minor, NULL::bigint AS actual_fee_minor
              FROM booked b
             WHERE b.booked_at < :graceCutoff
               AND NOT EXISTS (SELECT 1 FROM ledger_entry l WHERE l.dispute_id = b.dispute_id AND l.kind = b.entry_kind)""";

    /**
     * The same for the seller's wallet: the movement it should have made is the disputed amount, plus the fee when the
     * seller bears it.
     */
    private static final String DISPUTE_WALLET_MISSING = BOOKED_DISPUTES + """
            SELECT 'DISPUTE_WALLET_MISSING' AS type, 'DISPUTE' AS subject, lower(b.movement) || ':' || b.dispute_id AS identity,
                   b.payment_order_id, b.psp_reference, NULL AS refund_id, NULL AS balance_transaction_id,
                   b.seller_account, NULL::bigint AS line_number,
                   b.amount_minor + CASE b.fee_bearer WHEN 'SELLER' THEN b.fee_minor ELSE 0 END AS expected_minor,
                   b.currency AS expected_currency,
                   CASE b.wallet_kind WHEN 'DEBIT' THEN 'DEBITED' ELSE 'CREDITED' END AS expected_status,
                   NULL::bigint AS actual_minor, NULL AS actual_currency, 'NONE' AS actual_status,
                   format('The %s of dispute %s of payment order %s was recorded at %s, longer ago than the grace period %s, and the wallet of seller %s was never %s for it',
                          b.movement_name, b.dispute_id, b.payment_order_id,
                          to_char(b.booked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :grace, b.seller_account,
                          CASE b.wallet_kind WHEN 'DEBIT' THEN 'debited' ELSE 'credited' END) AS detail,
                   b.dispute_id, NULL::bigint AS expected_fee_minor, NULL::bigint AS actual_fee_minor
              FROM booked b
             WHERE b.booked_at < :graceCutoff
               AND NOT EXISTS (SELECT 1 FROM wallet_movement w WHERE w.dispute_id = b.dispute_id AND w.kind = b.wallet_kind)""";

    /** Successes of the day, past the grace period, that the ledger (%1$s = ledger_entry) or wallet never recorded. */
    private static final String LEDGER_MISSING = """
            SELECT 'LEDGER_MISSING' AS type, 'PAYMENT' AS subject, 'payment:' || p.payment_order_id AS identity,
                   p.payment_order_id, p.psp_reference, NULL AS refund_id, NULL AS balance_transaction_id,
                   p.seller_account, NULL::bigint AS line_number,
                   p.amount_minor AS expected_minor, p.currency AS expected_currency, 'POSTED' AS expected_status,
                   NULL::bigint AS actual_minor, NULL AS actual_currency, 'NONE' AS actual_status,
                   format('Payment order %s succeeded at %s, longer ago than the grace period %s, and the ledger has recorded no journal entry for it',
                          p.payment_order_id, to_char(p.succeeded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :grace) AS detail,
                   NULL AS dispute_id, NULL::bigint AS expected_fee_minor, NULL::bigint AS actual_fee_minor
              FROM platform_payment p
             WHERE p.status = 'SUCCEEDED' AND p.succeeded_at >= :dayStart AND p.succeeded_at < :dayEnd
               AND p.succeeded_at < :graceCutoff
               AND NOT EXISTS (SELECT 1 FROM ledger_entry l WHERE l.kind = 'PAYMENT' AND l.payment_order_id = p.payment_order_id)
            UNION ALL
            SELECT 'LEDGER_MISSING', 'REFUND', 'refund:' || r.refund_id,
                   r.payment_order_id, r.psp_reference, r.refund_id, NULL, r.seller_account, NULL,
                   r.amount_minor, r.currency, 'POSTED', NULL, NULL, 'NONE',
                   format('Refund %s of payment order %s succeeded at %s, longer ago than the grace period %s, and the ledger has recorded no journal entry for it',
                          r.refund_id, r.payment_order_id, to_char(r.succeeded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :grace),
                   NULL, NULL, NULL
              FROM platform_refund r
             WHERE r.status = 'SUCCEEDED' AND r.succeeded_at >= :dayStart AND r.succeeded_at < :dayEnd
               AND r.succeeded_at < :graceCutoff
               AND NOT EXISTS (SELECT 1 FROM ledger_entry l WHERE l.kind = 'REFUND' AND l.refund_id = r.refund_id)""";

    private static final String WALLET_MISSING = """
            SELECT 'WALLET_MISSING' AS type, 'PAYMENT' AS subject, 'payment:' || p.payment_order_id AS identity,
                   p.payment_order_id, p.psp_reference, NULL AS refund_id, NULL AS balance_transaction_id,
                   p.seller_account, NULL::bigint AS line_number,
                   p.amount_minor AS expected_minor, p.currency AS expected_currency, 'CREDITED' AS expected_status,
                   NULL::bigint AS actual_minor, NULL AS actual_currency, 'NONE' AS actual_status,
                   format('Payment order %s succeeded at %s, longer ago than the grace period %s, and the wallet of seller %s was never credited for it',
                          p.payment_order_id, to_char(p.succeeded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :grace, p.seller_account) AS detail,
                   NULL AS dispute_id, NULL::bigint AS expected_fee_minor, NULL::bigint AS actual_fee_minor
              FROM platform_payment p
             WHERE p.status = 'SUCCEEDED' AND p.succeeded_at >= :dayStart AND p.succeeded_at < :dayEnd
               AND p.succeeded_at < :graceCutoff
               AND NOT EXISTS (SELECT 1 FROM wallet_movement w WHERE w.kind = 'CREDIT' AND w.payment_order_id = p.payment_order_id
                                  AND w.dispute_id IS NULL)
            UNION ALL
            SELECT 'WALLET_MISSING', 'REFUND', 'refund:' || r.refund_id,
                   r.payment_order_id, r.psp_reference, r.refund_id, NULL, r.seller_account, NULL,
                   r.amount_minor, r.currency, 'DEBITED', NULL, NULL, 'NONE',
                   format('Refund %s of payment order %s succeeded at %s, longer ago than the grace period %s, and the wallet of seller %s was never debited for it',
                          r.refund_id, r.payment_order_id, to_char(r.succeeded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), :grace, r.seller_account),
                   NULL, NULL, NULL
              FROM platform_refund r
             WHERE r.status = 'SUCCEEDED' AND r.succeeded_at >= :dayStart AND r.succeeded_at < :dayEnd
               AND r.succeeded_at < :graceCutoff
               AND NOT EXISTS (SELECT 1 FROM wallet_movement w WHERE w.kind = 'DEBIT' AND w.refund_id = r.refund_id)""";

    /**
     * Sellers active on the day whose wallet balance (sum of movements) differs from their seller_payable
     * balance (credits minus debits), both as of the balance cutoff. Only active sellers' history is read
     * (found through the day's successes, dispute bookings, movements and entries), so the cost follows the day, not
     * all time. A movement or entry counts at the time its payment, refund or dispute movement was recorded (else its
     * own time), so the two sides of one payment are always cut alike. Payments, refunds and dispute movements that
     * lack their wallet movement or their ledger entry are left out of both sides: LEDGER_MISSING / WALLET_MISSING
     * (DISPUTE_LEDGER_MISSING / DISPUTE_WALLET_MISSING) report them, and one fault is reported once. A dispute's
     * fee is on seller_payable only when the seller bears it, and then in the wallet's movement too.
     */
    private static final String WALLET_LEDGER_MISMATCH = """
            WITH active AS (
                SELECT seller_account FROM platform_payment
                 WHERE status = 'SUCCEEDED' AND succeeded_at >= :dayStart AND succeeded_at < :balanceCutoff
                UNION
                SELECT seller_account FROM platform_refund
                 WHERE status = 'SUCCEEDED' AND succeeded_at >= :dayStart AND succeeded_at < :balanceCutoff
                UNION
                SELECT seller_account FROM platform_dispute WHERE withdrawn_at >= :dayStart AND withdrawn_at < :balanceCutoff
                UNION
                SELECT seller_account FROM platform_dispute WHERE reinstated_at >= :dayStart AND reinstated_at < :balanceCutoff
                UNION
                SELECT seller_account FROM wallet_movement WHERE occurred_at >= :dayStart AND occurred_at < :balanceCutoff
                UNION
                SELECT seller_account FROM ledger_entry WHERE occurred_at >= :dayStart AND occurred_at < :balanceCutoff
            ), wallet_side AS (
                SELECT w.seller_account, w.currency,
                       CASE w.kind WHEN 'CREDIT' THEN w.amount_minor ELSE -w.amount_minor END AS delta,
                       coalesce(p.succeeded_at, r.succeeded_at, d.booked_at, w.occurred_at) AS anchor,
                       CASE
                         WHEN w.dispute_id IS NOT NULL THEN d.booked_at IS NOT NULL AND NOT EXISTS (
                              SELECT 1 FROM ledger_entry l WHERE l.dispute_id = w.dispute_id
                                 AND l.kind = CASE w.kind WHEN 'DEBIT' THEN 'DISPUTE_FUNDS_WITHDRAWN' ELSE 'DISPUTE_FUNDS_REINSTATED' END)
                         WHEN w.kind = 'CREDIT' THEN p.payment_order_id IS NOT NULL AND NOT EXISTS (
                              SELECT 1 FROM ledger_entry l WHERE l.kind = 'PAYMENT' AND l.payment_order_id = w.payment_order_id)
                         ELSE r.refund_id IS NOT NULL AND NOT EXISTS (
                              SELECT 1 FROM ledger_entry l WHERE l.kind = 'REFUND' AND l.refund_id = w.refund_id)
                       END AS incomplete
                  FROM wallet_movement w
                  LEFT JOIN platform_payment p ON w.kind = 'CREDIT' AND w.dispute_id IS NULL
                                               AND p.payment_order_id = w.payment_order_id AND p.status = 'SUCCEEDED'
                  LEFT JOIN platform_refund r ON w.kind = 'DEBIT' AND r.refund_id = w.refund_id AND r.status = 'SUCCEEDED'
                  LEFT JOIN LATERAL (
                       SELECT CASE w.kind WHEN 'DEBIT' THEN m.withdrawn_at ELSE m.reinstated_at END AS booked_at
                         FROM platform_dispute m WHERE m.dispute_id = w.dispute_id) d ON true
                 WHERE w.seller_account IN (SELECT seller_account FROM active)
            ), ledger_side AS (
                SELECT substr(ln.account, length('seller_payable:') + 1) AS seller_account, ln.currency,
                       CASE ln.side WHEN 'CREDIT' THEN ln.amount_minor ELSE -ln.amount_minor END AS delta,
                       coalesce(p.succeeded_at, r.succeeded_at, d.booked_at, e.occurred_at) AS anchor,
                       CASE e.kind
                         WHEN 'PAYMENT' THEN p.payment_order_id IS NOT NULL AND NOT EXISTS (
                              SELECT 1 FROM wallet_movement w WHERE w.kind = 'CREDIT' AND w.payment_order_id = e.payment_order_id
                                 AND w.dispute_id IS NULL)
                         WHEN 'REFUND' THEN r.refund_id IS NOT NULL AND NOT EXISTS (
                              SELECT 1 FROM wallet_movement w WHERE w.kind = 'DEBIT' AND w.refund_id = e.refund_id)
                         ELSE d.booked_at IS NOT NULL AND NOT EXISTS (
                              SELECT 1 FROM wallet_movement w WHERE w.dispute_id = e.dispute_id
                                 AND w.kind = CASE e.kind WHEN 'DISPUTE_FUNDS_WITHDRAWN' THEN 'DEBIT' ELSE 'CREDIT' END)
                       END AS incomplete
                  FROM ledger_entry e
                  JOIN ledger_line ln ON ln.journal_entry_id = e.journal_entry_id AND starts_with(ln.account, 'seller_payable:')
                  LEFT JOIN platform_payment p ON e.kind = 'PAYMENT' AND p.payment_order_id = e.payment_order_id AND p.status = 'SUCCEEDED'
                  LEFT JOIN platform_refund r ON e.kind = 'REFUND' AND r.refund_id = e.refund_id AND r.status = 'SUCCEEDED'
                  LEFT JOIN LATERAL (
                       SELECT CASE e.kind WHEN 'DISPUTE_FUNDS_WITHDRAWN' THEN m.withdrawn_at ELSE m.reinstated_at END AS booked_at
                         FROM platform_dispute m WHERE m.dispute_id = e.dispute_id) d ON true
                 WHERE e.seller_account IN (SELECT seller_account FROM active)
            ), wallet_balance AS (
                SELECT seller_account, currency, sum(delta) AS balance FROM wallet_side
                 WHERE anchor < :balanceCutoff AND NOT incomplete GROUP BY seller_account, currency
            ), ledger_balance AS (
                SELECT seller_account, currency, sum(delta) AS balance FROM ledger_side
                 WHERE anchor < :balanceCutoff AND NOT incomplete GROUP BY seller_account, currency
            ), compared AS (
                SELECT coalesce(w.seller_account, l.seller_account) AS seller_account,
                       coalesce(w.currency, l.currency) AS currency,
                       coalesce(w.balance, 0) AS wallet, coalesce(l.balance, 0) AS ledger
                  FROM wallet_balance w
                  FULL JOIN ledger_balance l ON l.seller_account = w.seller_account AND l.currency = w.currency
            )
            SELECT 'WALLET_LEDGER_MISMATCH' AS type, 'SELLER_BALANCE' AS subject,
                   c.seller_account || ':' || c.currency AS identity,
                   NULL AS payment_order_id, NULL AS psp_reference, NULL AS refund_id, NULL AS balance_transaction_id,
                   c.seller_account, NULL::bigint AS line_number,
                   c.ledger::bigint AS expected_minor, c.currency AS expected_currency, NULL AS expected_status,
                   c.wallet::bigint AS actual_minor, c.currency AS actual_currency, NULL AS actual_status,
                   format('The wallet balance of seller %s in %s differs from its seller_payable ledger balance as of %s (expected: ledger, actual: wallet)',
                          c.seller_account, c.currency, :balanceCutoffText) AS detail,
                   NULL AS dispute_id, NULL::bigint AS expected_fee_minor, NULL::bigint AS actual_fee_minor
              FROM compared c
             WHERE c.wallet <> c.ledger""";

    private static final String UPSERT = """
            INSERT INTO discrepancy AS d (report_date, run_id, first_run_id, type, subject, fingerprint, payment_order_id,
                                          psp_reference, refund_id, balance_transaction_id, seller_account, line_number,
                                          expected_minor, expected_currency, expected_status,
                                          actual_minor, actual_currency, actual_status, detail,
                                          dispute_id, expected_fee_minor, actual_fee_minor)
            SELECT :date, :run, :run, c.type, c.subject, c.type || ':' || c.identity, c.payment_order_id,
                   c.psp_reference, c.refund_id, c.balance_transaction_id, c.seller_account, c.line_number,
                   c.expected_minor, c.expected_currency, c.expected_status,
                   c.actual_minor, c.actual_currency, c.actual_status, c.detail,
                   c.dispute_id, c.expected_fee_minor, c.actual_fee_minor
              FROM (%s) c
            ON CONFLICT (report_date, fingerprint) DO UPDATE
               SET run_id = excluded.run_id, subject = excluded.subject, payment_order_id = excluded.payment_order_id,
                   psp_reference = excluded.psp_reference, refund_id = excluded.refund_id,
                   balance_transaction_id = excluded.balance_transaction_id, seller_account = excluded.seller_account,
                   line_number = excluded.line_number, expected_minor = excluded.expected_minor,
                   expected_currency = excluded.expected_currency, expected_status = excluded.expected_status,
                   actual_minor = excluded.actual_minor, actual_currency = excluded.actual_currency,
                   actual_status = excluded.actual_status, detail = excluded.detail,
                   dispute_id = excluded.dispute_id, expected_fee_minor = excluded.expected_fee_minor,
                   actual_fee_minor = excluded.actual_fee_minor""";

    /**
     * psp_* and expected_* are charges and refunds only, so the difference still isolates payment amounts (a
     * DISPUTE_MISSING_AT_PSP is not counted in expected_*); a dispute's money is totalled apart (psp_dispute_*), and
     * compared with the platform's dispute by dispute, in the findings.
     */
    private static final String TOTALS = """
            INSERT INTO currency_total (report_date, currency, psp_count, psp_gross_minor, psp_fee_minor, psp_net_minor,
                                        expected_count, expected_gross_minor, psp_dispute_count, psp_dispute_gross_minor,
                                        psp_dispute_fee_minor, psp_dispute_net_minor)
            SELECT :date, currency, sum(psp_count), sum(psp_gross), sum(psp_fee), sum(psp_net), sum(expected_count),
                   sum(expected_gross), sum(dispute_count), sum(dispute_gross), sum(dispute_fee), sum(dispute_net)
              FROM (SELECT currency,
                           count(*) FILTER (WHERE NOT disputed) AS psp_count,
                           coalesce(sum(amount_minor) FILTER (WHERE NOT disputed), 0) AS psp_gross,
                           coalesce(sum(fee_minor) FILTER (WHERE NOT disputed), 0) AS psp_fee,
                           coalesce(sum(net_minor) FILTER (WHERE NOT disputed), 0) AS psp_net,
                           0 AS expected_count, 0 AS expected_gross,
                           count(*) FILTER (WHERE disputed) AS dispute_count,
                           coalesce(sum(amount_minor) FILTER (WHERE disputed), 0) AS dispute_gross,
                           coalesce(sum(fee_minor) FILTER (WHERE disputed), 0) AS dispute_fee,
                           coalesce(sum(net_minor) FILTER (WHERE disputed), 0) AS dispute_net
                      FROM (SELECT currency, amount_minor, fee_minor, net_minor,
                                   type IN ('dispute', 'dispute_reversal') AS disputed
                              FROM settlement_row WHERE report_date = :date) s
                     GROUP BY currency
                    UNION ALL
                    -- what we expected in the file: our amounts for the rows that are ours...
                    SELECT our_currency, 0, 0, 0, 0, count(*), sum(our_signed_minor), 0, 0, 0, 0
                      FROM classified_row WHERE outcome IN ('MATCHED', 'AMOUNT_MISMATCH', 'CURRENCY_MISMATCH')
                     GROUP BY our_currency
                    UNION ALL
                    -- ...and our successes the file lacks
                    SELECT expected_currency, 0, 0, 0, 0, count(*),
                           sum(CASE subject WHEN 'REFUND' THEN -expected_minor ELSE expected_minor END), 0, 0, 0, 0
                      FROM discrepancy WHERE report_date = :date AND run_id = :run AND type = 'MISSING_AT_PSP'
                     GROUP BY expected_currency) t
             GROUP BY currency""";

    private final NamedParameterJdbcTemplate jdbc;

    SettlementMatcher(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Classifies the staged file and the projection; returns how many settlement rows matched. */
    long classify(ReconciliationWindow window) {
        var parameters = window.parameters();
        jdbc.getJdbcTemplate().execute(CREATE_CLASSIFIED_ROW);
        jdbc.getJdbcTemplate().execute(CREATE_CLASSIFIED_DISPUTE);
        jdbc.update(CLASSIFY_ROWS, parameters);
        jdbc.getJdbcTemplate().execute("ANALYZE classified_row"); // temporary tables are never auto-analyzed
        // a day's disputes are few, and classified_dispute is read once and whole: it needs no statistics
        jdbc.update(CLASSIFY_DISPUTES, parameters);
        for (String findings : new String[] {FILE_DISCREPANCIES, DISPUTE_DISCREPANCIES, MISSING_AT_PSP,
                DISPUTE_MISSING_AT_PSP, LEDGER_MISSING, WALLET_MISSING, DISPUTE_LEDGER_MISSING, DISPUTE_WALLET_MISSING,
                WALLET_LEDGER_MISMATCH}) {
            jdbc.update(UPSERT.formatted(findings), parameters);
        }
        Long matched = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM classified_row WHERE outcome = 'MATCHED')
                     + (SELECT count(*) FROM classified_dispute WHERE outcome = 'MATCHED')""",
                parameters, Long.class);
        return matched == null ? 0 : matched;
    }

    /** Drops the findings of earlier runs of the day that this run no longer confirms; returns how many remain. */
    long removeUnconfirmed(ReconciliationWindow window) {
        var parameters = window.parameters();
        jdbc.update("DELETE FROM discrepancy WHERE report_date = :date AND run_id <> :run", parameters);
        Long remaining = jdbc.queryForObject("SELECT count(*) FROM discrepancy WHERE report_date = :date",
                parameters, Long.class);
        return remaining == null ? 0 : remaining;
    }

    /** Per currency: the PSP's gross, fees and net against the gross we expected in the file; disputes apart. */
    void computeTotals(ReconciliationWindow window) {
        var parameters = window.parameters();
        jdbc.update("DELETE FROM currency_total WHERE report_date = :date", parameters);
        jdbc.update(TOTALS, parameters);
    }
}
