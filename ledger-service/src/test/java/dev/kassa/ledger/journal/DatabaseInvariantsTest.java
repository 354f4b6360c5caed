package dev.kassa.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kassa.ledger.LedgerIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.kassa.localstack.LocalStack;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's rules hold against anyone who can write SQL, not only against this service's code: each
 * test goes around the application with plain JDBC on the service's own database and is refused by it. The tests
 * write as the database's owner, who has every privilege on its tables (the runtime role has far fewer, see
 * {@link RuntimeRolePrivilegesTest}): what refuses them here is the triggers and constraints, not the grants.
 */
class DatabaseInvariantsTest extends LedgerIntegrationTest {

    private static final String SELLER_ACCOUNT = "seller_payable:invariants_seller";

    private JdbcTemplate asOwner;
    private TransactionTemplate tx;

    @BeforeEach
    void accounts() {
        DataSource owner = LocalStack.shared().ownerDataSource(database);
        asOwner = new JdbcTemplate(owner);
        tx = new TransactionTemplate(new DataSourceTransactionManager(owner));
        asOwner.update("""
                INSERT INTO account (id, type) VALUES ('psp_receivable', 'ASSET'), (?, 'LIABILITY')
                ON CONFLICT DO NOTHING""", SELLER_ACCOUNT);
    }

    @Test
    void aBalancedEntryIsAcceptedAndMovesTheBalances() {
        long before = sellerCredits();

        long seq = tx.execute(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "DEBIT", 1234, "USD");
            insertLine(entry, 2, SELLER_ACCOUNT, "CREDIT", 1234, "USD");
            return entry;
        });

        assertThat(asOwner.queryForObject("SELECT count(*) FROM journal_line WHERE journal_entry_seq = ?",
                Long.class, seq)).isEqualTo(2);
        assertThat(sellerCredits()).isEqualTo(before + 1234);
    }

    @Test
    void anUnbalancedEntryIsRejectedAtCommitAndLeavesNoTrace() {
        long entriesBefore = count("journal_entry");
        long creditsBefore = sellerCredits();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "DEBIT", 1000, "USD");
            insertLine(entry, 2, SELLER_ACCOUNT, "CREDIT", 999, "USD");
        })).rootCause().hasMessageContaining("does not balance in USD: debits 1000, credits 999");

        assertThat(count("journal_entry")).isEqualTo(entriesBefore);
        assertThat(sellerCredits()).isEqualTo(creditsBefore);
    }

    @Test
    void debitsAndCreditsMustBalanceInEachCurrencyNotJustInTotal() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "DEBIT", 1000, "USD");
            insertLine(entry, 2, SELLER_ACCOUNT, "CREDIT", 1000, "EUR");
        })).rootCause().hasMessageContaining("does not balance in");
    }

    @Test
    void anEntryWithoutLinesIsRejected() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> insertEntry("PAYMENT", null)))
                .rootCause().hasMessageContaining("has 0 line(s)");
    }

    @Test
    void linesCannotBeAddedToAnEntryThatIsAlreadyPosted() {
        long seq = postBalancedEntry(500);

        // Even a balanced pair would change a posted entry.
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            insertLine(seq, 3, "psp_receivable", "DEBIT", 5, "USD");
            insertLine(seq, 4, SELLER_ACCOUNT, "CREDIT", 5, "USD");
        })).rootCause().hasMessageContaining("is already posted");
    }

    @Test
    void oneStatementWithManyEntriesIsRejectedForTheOneThatDoesNotBalance() {
        long entriesBefore = count("journal_entry");

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long first = insertEntry("PAYMENT", null);
            long second = insertEntry("PAYMENT", null);
            long third = insertEntry("PAYMENT", null);
            asOwner.update("""
                    INSERT INTO journal_line (journal_entry_seq, line_no, account_id, side, amount_minor, currency)
                    VALUES (?, 1, 'psp_receivable', 'DEBIT', 10, 'USD'), (?, 2, ?, 'CREDIT', 10, 'USD'),
                           (?, 1, 'psp_receivable', 'DEBIT', 20, 'USD'), (?, 2, ?, 'CREDIT', 19, 'USD'),
                           (?, 1, 'psp_receivable', 'DEBIT', 30, 'USD'), (?, 2, ?, 'CREDIT', 30, 'USD')""",
                    first, first, SELLER_ACCOUNT, second, second, SELLER_ACCOUNT, third, third, SELLER_ACCOUNT);
        })).rootCause().hasMessageContaining("does not balance in USD: debits 20, credits 19");

        assertThat(count("journal_entry")).isEqualTo(entriesBefore);
    }

    @Test
    void aLineAddedAfterAnImmediateBalanceCheckIsCheckedAgainAtCommit() {
        long creditsBefore = sellerCredits();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "DEBIT", 100, "USD");
            insertLine(entry, 2, SELLER_ACCOUNT, "CREDIT", 100, "USD");
            asOwner.execute("SET CONSTRAINTS ALL IMMEDIATE"); // the entry is checked now, and balances
            asOwner.execute("SET CONSTRAINTS ALL DEFERRED");
            insertLine(entry, 3, SELLER_ACCOUNT, "CREDIT", 1, "USD");
        })).rootCause().hasMessageContaining("does not balance in USD: debits 100, credits 101");

        assertThat(sellerCredits()).isEqualTo(creditsBefore);
    }

    @Test
    void aLineNeedsAnEntryAndAnAccountThatExist() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status ->
                insertLine(Long.MAX_VALUE, 1, "psp_receivable", "DEBIT", 5, "USD")))
                .rootCause().hasMessageContaining("journal entry " + Long.MAX_VALUE + " does not exist");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "DEBIT", 5, "USD");
            insertLine(entry, 2, "seller_payable:nobody_opened_this", "CREDIT", 5, "USD");
        })).rootCause().hasMessageContaining("account seller_payable:nobody_opened_this does not exist");
    }

    @Test
    void aPendingBalanceCheckCannotBeCancelledOrFaked() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "DEBIT", 1000, "USD");
            insertLine(entry, 2, SELLER_ACCOUNT, "CREDIT", 1, "USD");
            asOwner.update("DELETE FROM journal_balance_check");
        })).rootCause().hasMessageContaining("written by the ledger's triggers only: DELETE is not allowed");
        assertThatThrownBy(() -> asOwner.update("INSERT INTO journal_balance_check (first_seq, last_seq) VALUES (1, 2)"))
                .rootCause().hasMessageContaining("written by the ledger's triggers only: INSERT is not allowed");
        assertThatThrownBy(() -> asOwner.execute("TRUNCATE journal_balance_check"))
                .rootCause().hasMessageContaining("written by the ledger's triggers only: TRUNCATE is not allowed");
        assertThat(count("journal_balance_check")).as("checks pending after their transactions ended").isZero();
    }

    @Test
    void linesCannotBeUpdated() {
        long seq = postBalancedEntry(700);

        assertThatThrownBy(() -> asOwner.update(
                "UPDATE journal_line SET amount_minor = 1 WHERE journal_entry_seq = ?", seq))
                .rootCause().hasMessageContaining("journal_line is append-only: UPDATE is not allowed");
        assertThat(asOwner.queryForObject("SELECT sum(amount_minor) FROM journal_line WHERE journal_entry_seq = ?",
                Long.class, seq)).isEqualTo(1400);
    }

    @Test
    void linesAndEntriesCannotBeDeletedOrTruncated() {
        long seq = postBalancedEntry(800);

        assertThatThrownBy(() -> asOwner.update("DELETE FROM journal_line WHERE journal_entry_seq = ?", seq))
                .rootCause().hasMessageContaining("journal_line is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> asOwner.update("DELETE FROM journal_entry WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("journal_entry is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> asOwner.update("UPDATE journal_entry SET seller_id = 'someone_else' WHERE seq = ?", seq))
                .rootCause().hasMessageContaining("journal_entry is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> asOwner.execute("TRUNCATE journal_line, journal_entry"))
                .rootCause().hasMessageContaining("is append-only: TRUNCATE is not allowed");
        assertThatThrownBy(() -> asOwner.execute("TRUNCATE account CASCADE"))
                .rootCause().hasMessageContaining("TRUNCATE is not allowed");

        assertThat(asOwner.queryForObject("SELECT count(*) FROM journal_line WHERE journal_entry_seq = ?",
                Long.class, seq)).isEqualTo(2);
    }

    @Test
    void everyLineHasAPositiveAmountAndASide() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "DEBIT", 0, "USD");
        })).rootCause().hasMessageContaining("journal_line_amount_minor_check");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "DEBIT", -10, "USD");
            insertLine(entry, 2, SELLER_ACCOUNT, "CREDIT", -10, "USD");
        })).rootCause().hasMessageContaining("journal_line_amount_minor_check");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", null, 10, "USD");
        })).rootCause().hasMessageContaining("\"side\"");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            long entry = insertEntry("PAYMENT", null);
            insertLine(entry, 1, "psp_receivable", "SIDEWAYS", 10, "USD");
        })).rootCause().hasMessageContaining("journal_line_side_check");
    }

    @Test
    void balancesCannotBeWrittenDirectly() {
        postBalancedEntry(300);

        assertThatThrownBy(() -> asOwner.update("UPDATE account_balance SET credits_minor = 0 WHERE account_id = ?",
                SELLER_ACCOUNT)).rootCause().hasMessageContaining("maintained by the journal_line trigger only");
        assertThatThrownBy(() -> asOwner.update("DELETE FROM account_balance WHERE account_id = ?", SELLER_ACCOUNT))
                .rootCause().hasMessageContaining("maintained by the journal_line trigger only");
        assertThatThrownBy(() -> asOwner.update("""
                INSERT INTO account_balance (account_id, currency, debits_minor, credits_minor, line_count)
                VALUES (?, 'CHF', 0, 100, 1)""", SELLER_ACCOUNT))
                .rootCause().hasMessageContaining("maintained by the journal_line trigger only");
    }

    @Test
    void oneEntryPerPaymentOrderKindAndRefundIdEvenWhenTheRefundIdIsNull() {
        String paymentOrderId = "po_" + UUID.randomUUID();
        postBalancedEntry(paymentOrderId, "PAYMENT", null, 100);
        postBalancedEntry(paymentOrderId, "REFUND", "rf_1", 40);

        assertThatThrownBy(() -> postBalancedEntry(paymentOrderId, "PAYMENT", null, 100))
                .rootCause().hasMessageContaining("journal_entry_one_per_business_key");
        assertThatThrownBy(() -> postBalancedEntry(paymentOrderId, "REFUND", "rf_1", 40))
                .rootCause().hasMessageContaining("journal_entry_one_per_business_key");
        assertThatThrownBy(() -> postBalancedEntry(paymentOrderId, "REFUND", null, 40))
                .rootCause().hasMessageContaining("journal_entry_refund_id_iff_refund");
    }

    @Test
    void theChartOfAccountsHoldsNoOtherAccount() {
        assertThat(asOwner.queryForObject("SELECT type FROM account WHERE id = 'dispute_fees'", String.class))
                .as("opened by the changeset").isEqualTo("EXPENSE");
        for (String[] account : new String[][] {{"cash", "ASSET"}, {"dispute_fees:seller_1", "EXPENSE"},
                {"seller_payable:chart_seller", "EXPENSE"}, {"seller_payable:chart_seller", "ASSET"},
                {"psp_receivable:x", "ASSET"}, {"psp_payable", "LIABILITY"}}) {
            assertThatThrownBy(() -> asOwner.update("INSERT INTO account (id, type) VALUES (?, ?)",
                    account[0], account[1])).as(account[0] + " " + account[1]).rootCause().hasMessageContaining("account_in_chart");
        }
        assertThatThrownBy(() -> asOwner.update(
                "INSERT INTO account (id, type) VALUES ('seller_payable:chart_seller', 'INCOME')"))
                .rootCause().hasMessageContaining("violates check constraint");
    }

    @Test
    void disputeEntriesNameTheirDisputeAndOnlyTheyDo() {
        assertThatThrownBy(() -> postDisputeEntry("po_" + UUID.randomUUID(), "DISPUTE_FUNDS_WITHDRAWN", null))
                .rootCause().hasMessageContaining("journal_entry_dispute_id_iff_dispute");
        assertThatThrownBy(() -> postDisputeEntry("po_" + UUID.randomUUID(), "PAYMENT", "du_" + UUID.randomUUID()))
                .rootCause().hasMessageContaining("journal_entry_dispute_id_iff_dispute");
        assertThatThrownBy(() -> postDisputeEntry("po_" + UUID.randomUUID(), "CHARGEBACK", null))
                .rootCause().hasMessageContaining("journal_entry_kind_check");
    }

    @Test
    void oneEntryPerDisputeAndKindWhateverPaymentOrderItNames() {
        String paymentOrderId = "po_" + UUID.randomUUID();
        String disputeId = "du_" + UUID.randomUUID();
        long feesBefore = debits("dispute_fees") - credits("dispute_fees");
        postDisputeEntry(paymentOrderId, "DISPUTE_FUNDS_WITHDRAWN", disputeId);
        postDisputeEntry(paymentOrderId, "DISPUTE_FUNDS_REINSTATED", disputeId);
        postDisputeEntry(paymentOrderId, "DISPUTE_FUNDS_WITHDRAWN", "du_" + UUID.randomUUID());

        assertThatThrownBy(() -> postDisputeEntry(paymentOrderId, "DISPUTE_FUNDS_WITHDRAWN", disputeId))
                .rootCause().hasMessageContaining("journal_entry_one_per_business_key");
        assertThatThrownBy(() -> postDisputeEntry("po_" + UUID.randomUUID(), "DISPUTE_FUNDS_REINSTATED", disputeId))
                .rootCause().hasMessageContaining("journal_entry_one_per_dispute");
        assertThat(debits("dispute_fees") - credits("dispute_fees"))
                .as("a fee withdrawn, given back, withdrawn; none of the refused entries").isEqualTo(feesBefore + 15);
    }

    private long postBalancedEntry(long amountMinor) {
        return postBalancedEntry("po_" + UUID.randomUUID(), "PAYMENT", null, amountMinor);
    }

    private long postBalancedEntry(String paymentOrderId, String kind, String refundId, long amountMinor) {
        return tx.execute(status -> {
            long entry = insertEntry(paymentOrderId, kind, refundId);
            insertLine(entry, 1, "psp_receivable", "DEBIT", amountMinor, "USD");
            insertLine(entry, 2, SELLER_ACCOUNT, "CREDIT", amountMinor, "USD");
            return entry;
        });
    }

    /**
     * Several ledger instances post batches at once, and every batch moves psp_receivable. The balance trigger takes a
     * statement's balance rows in one order (psp_receivable's first, then account and currency), so a transaction
     * waiting for a row holds none that comes after it: here the second transaction waits for psp_receivable and holds
     * no seller's balance, so the first can still take that seller's, and both commit. Were the rows taken in the
     * lines' order, the second would hold the seller's row while waiting, the first would wait for it, and PostgreSQL
     * would abort one as a deadlock.
     */
    @Test
    void concurrentPostingsTakeBalanceRowsInOneOrderSoNoneDeadlocks() throws Exception {
        String sellerA = "seller_payable:lock_order_a";
        String sellerB = "seller_payable:lock_order_b";
        asOwner.update("INSERT INTO account (id, type) VALUES (?, 'LIABILITY'), (?, 'LIABILITY') ON CONFLICT DO NOTHING",
                sellerA, sellerB);
        DataSource owner = LocalStack.shared().ownerDataSource(database);
        try (Connection setup = owner.getConnection()) { // every balance row exists: each later posting updates one
            setup.setAutoCommit(false);
            post(setup, new Line("psp_receivable", "DEBIT", 2), new Line(sellerA, "CREDIT", 1), new Line(sellerB, "CREDIT", 1));
            setup.commit();
        }
        long creditsA = credits(sellerA);

        try (Connection first = owner.getConnection()) {
            first.setAutoCommit(false);
            post(first, new Line("psp_receivable", "DEBIT", 100), new Line(sellerB, "CREDIT", 100));
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try (Connection connection = owner.getConnection()) {
                    connection.setAutoCommit(false);
                    // The seller's line first: its balance row must still be taken after psp_receivable's.
                    post(connection, new Line(sellerA, "CREDIT", 200), new Line("psp_receivable", "DEBIT", 200));
                    connection.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await("the second posting waiting for a row lock").atMost(Duration.ofSeconds(30)).until(() ->
                    asOwner.queryForObject("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock'""", Long.class) > 0);

            post(first, new Line("psp_receivable", "DEBIT", 300), new Line(sellerA, "CREDIT", 300));
            first.commit();
            second.get(30, TimeUnit.SECONDS);
        }

        assertThat(credits(sellerA)).isEqualTo(creditsA + 500);
    }

    /**
     * The same with dispute_fees, which sorts before psp_receivable: balance rows are taken psp_receivable first, so a
     * dispute's posting waiting for psp_receivable holds no dispute_fees row that a consumer batch holding
     * psp_receivable (from an earlier statement) would wait for.
     */
    @Test
    void aDisputePostingTakesPspReceivableBeforeDisputeFeesSoNoneDeadlocks() throws Exception {
        String sellerA = "seller_payable:lock_order_a";
        String sellerB = "seller_payable:lock_order_b";
        asOwner.update("INSERT INTO account (id, type) VALUES (?, 'LIABILITY'), (?, 'LIABILITY') ON CONFLICT DO NOTHING",
                sellerA, sellerB);
        DataSource owner = LocalStack.shared().ownerDataSource(database);
        try (Connection setup = owner.getConnection()) { // every balance row exists: each later posting updates one
            setup.setAutoCommit(false);
            post(setup, new Line("psp_receivable", "DEBIT", 1), new Line("dispute_fees", "DEBIT", 1),
                    new Line(sellerA, "CREDIT", 1), new Line(sellerB, "CREDIT", 1));
            setup.commit();
        }
        long feesBefore = debits("dispute_fees");

        try (Connection batch = owner.getConnection()) {
            batch.setAutoCommit(false);
            post(batch, new Line("psp_receivable", "DEBIT", 100), new Line(sellerB, "CREDIT", 100));
            CompletableFuture<Void> dispute = CompletableFuture.runAsync(() -> {
                try (Connection connection = owner.getConnection()) {
                    connection.setAutoCommit(false);
                    post(connection, new Line(sellerA, "DEBIT", 10), new Line("psp_receivable", "CREDIT", 15),
                            new Line("dispute_fees", "DEBIT", 5));
                    connection.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await("the dispute's posting waiting for a row lock").atMost(Duration.ofSeconds(30)).until(() ->
                    asOwner.queryForObject("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock'""", Long.class) > 0);

            post(batch, new Line("dispute_fees", "DEBIT", 7), new Line("psp_receivable", "CREDIT", 7));
            batch.commit();
            dispute.get(30, TimeUnit.SECONDS);
        }

        assertThat(debits("dispute_fees")).isEqualTo(feesBefore + 12);
    }

    private record Line(String account, String side, long amountMinor) {
    }

    /** One entry and its lines, the lines in ONE statement as the service writes them (in the order given). */
    private static void post(Connection connection, Line... lines) throws SQLException {
        long seq;
        try (PreparedStatement entry = connection.prepareStatement("""
                INSERT INTO journal_entry (id, payment_order_id, kind, checkout_id, seller_id, source_event_id, occurred_at)
                VALUES (?, ?, 'PAYMENT', 'chk_sql', 'invariants_seller', ?, now()) RETURNING seq""")) {
            entry.setObject(1, UUID.randomUUID());
            entry.setString(2, "po_" + UUID.randomUUID());
            entry.setString(3, UUID.randomUUID().toString());
            try (ResultSet rows = entry.executeQuery()) {
                rows.next();
                seq = rows.getLong(1);
            }
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO journal_line (journal_entry_seq, line_no, account_id, side, amount_minor, currency) VALUES ");
        for (int i = 0; i < lines.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, 'USD')");
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < lines.length; i++) {
                insert.setLong(5 * i + 1, seq);
                insert.setInt(5 * i + 2, i + 1);
                insert.setString(5 * i + 3, lines[i].account());
                insert.setString(5 * i + 4, lines[i].side());
                insert.setLong(5 * i + 5, lines[i].amountMinor());
            }
            insert.executeUpdate();
        }
    }

    private long debits(String account) {
        return asOwner.queryForObject("""
                SELECT coalesce(sum(debits_minor), 0) FROM account_balance WHERE account_id = ? AND currency = 'USD'""",
                Long.class, account);
    }

    /** A dispute entry as the service lays it out: the seller's amount, psp_receivable, the platform's fee. */
    private void postDisputeEntry(String paymentOrderId, String kind, String disputeId) {
        boolean back = kind.equals("DISPUTE_FUNDS_REINSTATED");
        tx.executeWithoutResult(status -> {
            long entry = asOwner.queryForObject("""
                    INSERT INTO journal_entry (id, payment_order_id, kind, dispute_id, checkout_id, seller_id,
                                               source_event_id, occurred_at)
                    VALUES (?, ?, ?, ?, 'chk_sql', 'invariants_seller', ?, now()) RETURNING seq""",
                    Long.class, UUID.randomUUID(), paymentOrderId, kind, disputeId, UUID.randomUUID().toString());
            insertLine(entry, 1, SELLER_ACCOUNT, back ? "CREDIT" : "DEBIT", 100, "USD");
            insertLine(entry, 2, "psp_receivable", back ? "DEBIT" : "CREDIT", 115, "USD");
            insertLine(entry, 3, "dispute_fees", back ? "CREDIT" : "DEBIT", 15, "USD");
        });
    }

    private long credits(String account) {
        return asOwner.queryForObject("""
                SELECT coalesce(sum(credits_minor), 0) FROM account_balance WHERE account_id = ? AND currency = 'USD'""",
                Long.class, account);
    }

    private long insertEntry(String kind, String refundId) {
        return insertEntry("po_" + UUID.randomUUID(), kind, refundId);
    }

    private long insertEntry(String paymentOrderId, String kind, String refundId) {
        return asOwner.queryForObject("""
                INSERT INTO journal_entry (id, payment_order_id, kind, refund_id, checkout_id, seller_id,
                                           source_event_id, occurred_at)
                VALUES (?, ?, ?, ?, 'chk_sql', 'invariants_seller', ?, ?) RETURNING seq""",
                Long.class, UUID.randomUUID(), paymentOrderId, kind, refundId, UUID.randomUUID().toString(),
                Timestamp.from(Instant.now()));
    }

    private void insertLine(long entry, int lineNo, String account, String side, long amountMinor, String currency) {
        asOwner.update("""
                INSERT INTO journal_line (journal_entry_seq, line_no, account_id, side, amount_minor, currency)
                VALUES (?, ?, ?, ?, ?, ?)""", entry, lineNo, account, side, amountMinor, currency);
    }

    private long sellerCredits() {
        return asOwner.queryForObject("""
                SELECT coalesce(sum(credits_minor), 0) FROM account_balance WHERE account_id = ?""",
                Long.class, SELLER_ACCOUNT);
    }

    private long count(String table) {
        return asOwner.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
