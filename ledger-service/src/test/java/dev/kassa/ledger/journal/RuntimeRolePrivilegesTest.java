package dev.kassa.ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.ledger.LedgerIntegrationTest;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the service's own connections (the runtime role, docs/architecture.md "Database principals") may do to the
 * journal: insert and read, nothing else. Unlike {@link DatabaseInvariantsTest}, where the owner is stopped by the
 * triggers, here PostgreSQL refuses before any trigger runs, and the role cannot switch the triggers off.
 */
class RuntimeRolePrivilegesTest extends LedgerIntegrationTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String SELLER_ACCOUNT = "seller_payable:privileges_seller";
    private static final List<String> JOURNAL = List.of("journal_entry", "journal_line", "account", "seller_merchant",
            "account_balance", "journal_balance_check");

    @Autowired
    PlatformTransactionManager transactionManager;

    private long seq;

    @BeforeEach
    void aPostedEntry() {
        seq = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.update("""
                    INSERT INTO account (id, type) VALUES ('psp_receivable', 'ASSET'), (?, 'LIABILITY')
                    ON CONFLICT DO NOTHING""", SELLER_ACCOUNT);
            long entry = jdbc.queryForObject("""
                    INSERT INTO journal_entry (id, payment_order_id, kind, refund_id, checkout_id, seller_id,
                                               source_event_id, occurred_at)
                    VALUES (?, ?, 'PAYMENT', NULL, 'chk_sql', 'privileges_seller', ?, ?) RETURNING seq""",
                    Long.class, UUID.randomUUID(), "po_" + UUID.randomUUID(), UUID.randomUUID().toString(),
                    Timestamp.from(Instant.now()));
            jdbc.update("""
                    INSERT INTO journal_line (journal_entry_seq, line_no, account_id, side, amount_minor, currency)
                    VALUES (?, 1, 'psp_receivable', 'DEBIT', 700, 'EUR'), (?, 2, ?, 'CREDIT', 700, 'EUR')""",
                    entry, entry, SELLER_ACCOUNT);
            return entry;
        });
    }

    @Test
    void theServiceConnectsAsTheRuntimeRoleAndInsertsJournalRows() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("ledger_app");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_line WHERE journal_entry_seq = ?", Long.class, seq))
                .isEqualTo(2);
    }

    @Test
    void itCannotUpdateDeleteOrTruncateTheJournal() {
        assertRefused("UPDATE journal_entry SET seller_id = 'someone_else' WHERE seq = " + seq);
        assertRefused("UPDATE journal_line SET amount_minor = 1 WHERE journal_entry_seq = " + seq);
        assertRefused("UPDATE account SET type = 'ASSET' WHERE id = '" + SELLER_ACCOUNT + "'");
        assertRefused("UPDATE account_balance SET credits_minor = 0 WHERE account_id = '" + SELLER_ACCOUNT + "'");
        assertRefused("DELETE FROM journal_line WHERE journal_entry_seq = " + seq);
        assertRefused("DELETE FROM journal_entry WHERE seq = " + seq);
        assertRefused("DELETE FROM account_balance");
        for (String table : JOURNAL) {
            assertRefused("TRUNCATE " + table);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_line WHERE journal_entry_seq = ?", Long.class, seq))
                .isEqualTo(2);
    }

    @Test
    void itCannotAlterTheJournalNorDisableItsTriggers() {
        for (String table : JOURNAL) {
            assertRefused("ALTER TABLE " + table + " DISABLE TRIGGER ALL");
            assertRefused("ALTER TABLE " + table + " DISABLE TRIGGER USER");
        }
        assertRefused("ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_append_only");
        assertRefused("DROP TRIGGER journal_line_append_only ON journal_line");
        assertRefused("CREATE OR REPLACE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RETURN NEW; END $$");
        assertRefused("SET session_replication_role = replica"); // would skip every ordinary trigger
        assertRefused("SET ROLE ledger_owner");
        assertRefused("CREATE TABLE shadow_journal (id int)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'journal_entry'::regclass"
                + " AND NOT tgisinternal AND tgenabled = 'D'", Long.class)).isZero();
    }

    @Test
    void itOwnsNothing() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole",
                Long.class)).as("tables, sequences, indexes, views").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspowner = current_user::regrole",
                Long.class)).as("schemas").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_proc WHERE proowner = current_user::regrole",
                Long.class)).as("functions").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_database WHERE datdba = current_user::regrole",
                Long.class)).as("databases").isZero();
        assertThat(jdbc.queryForObject("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()",
                String.class)).isEqualTo("ledger_owner");
        assertThat(jdbc.queryForObject("""
                SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls
                FROM pg_roles WHERE rolname = current_user""", Boolean.class)).isFalse();
    }

    /** Refused for want of a privilege (SQLSTATE 42501), not by a trigger or a constraint. */
    private void assertRefused(String sql) {
        assertThatThrownBy(() -> jdbc.execute(sql)).as(sql)
                .rootCause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + ": " + e.getMessage())
                        .isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
}
