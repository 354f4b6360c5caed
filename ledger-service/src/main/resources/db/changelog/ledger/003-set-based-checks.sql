--liquibase formatted sql

-- The rules of 002, checked once per statement instead of once per row. The consumer posts a whole poll's
-- entries and lines with one statement, and the per-row trigger calls and foreign-key checks had become most
-- of the database's work per entry. Changesets 010-012 stay as they were applied; these replace their
-- per-row parts.

--changeset ledger:020-balance-checked-per-statement splitStatements:false
-- New entries are still checked at commit, but once per statement that inserted entries (or lines, below)
-- instead of once per entry. A constraint trigger can only fire per row, so such a statement writes ONE row
-- here, the range of entries it touched; that row's deferred trigger checks every entry of this transaction
-- in the range, then deletes the row. So a row only lives inside its transaction.
CREATE TABLE journal_balance_check (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_xid xid8   NOT NULL DEFAULT pg_current_xact_id(),
    first_seq   bigint NOT NULL,
    last_seq    bigint NOT NULL
);
COMMENT ON TABLE journal_balance_check IS 'Balance checks pending until commit (ranges of new entries); written and emptied by the ledger''s triggers only.';

-- Every entry of this transaction in the range balances per currency and has at least two lines.
CREATE FUNCTION journal_entries_assert_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    SELECT e.seq, e.id, t.currency, t.debits, t.credits, coalesce(t.entry_lines, 0) AS entry_lines
    INTO bad
    FROM journal_entry e
    LEFT JOIN (
        SELECT l.journal_entry_seq, l.currency,
               coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'DEBIT'), 0) AS debits,
               coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'CREDIT'), 0) AS credits,
               sum(count(*)) OVER (PARTITION BY l.journal_entry_seq) AS entry_lines
        FROM journal_line l
        WHERE l.journal_entry_seq BETWEEN NEW.first_seq AND NEW.last_seq
        GROUP BY l.journal_entry_seq, l.currency
    ) t ON t.journal_entry_seq = e.seq
    WHERE e.seq BETWEEN NEW.first_seq AND NEW.last_seq
      AND e.created_xid = pg_current_xact_id()
      AND (t.debits IS DISTINCT FROM t.credits OR coalesce(t.entry_lines, 0) < 2)
    ORDER BY e.seq
    LIMIT 1;
    IF FOUND THEN
        IF bad.debits IS DISTINCT FROM bad.credits THEN
            RAISE EXCEPTION 'journal entry % (%) does not balance in %: debits %, credits %',
                bad.seq, bad.id, bad.currency, bad.debits, bad.credits
                USING ERRCODE = 'check_violation';
        END IF;
        RAISE EXCEPTION 'journal entry % (%) has % line(s): it needs at least one debit and one credit',
            bad.seq, bad.id, bad.entry_lines
            USING ERRCODE = 'check_violation';
    END IF;
    DELETE FROM journal_balance_check WHERE id = NEW.id;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_balance_check
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION journal_entries_assert_balanced();

-- Only the ledger's triggers (one level deeper) write journal_balance_check, so nobody can cancel a pending
-- check or pretend that a range is covered.
CREATE FUNCTION journal_balance_check_reject_direct_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'TRUNCATE') OR pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'journal_balance_check is written by the ledger''s triggers only: % is not allowed', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER journal_balance_check_trigger_writes_only BEFORE INSERT OR UPDATE OR DELETE ON journal_balance_check
    FOR EACH ROW EXECUTE FUNCTION journal_balance_check_reject_direct_write();
CREATE TRIGGER journal_balance_check_no_truncate BEFORE TRUNCATE ON journal_balance_check
    FOR EACH STATEMENT EXECUTE FUNCTION journal_balance_check_reject_direct_write();

-- New entries: one pending check for the statement's range (an entry that never gets lines fails it).
CREATE FUNCTION journal_entry_queue_balance_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO journal_balance_check (first_seq, last_seq)
    SELECT min(n.seq), max(n.seq) FROM new_entries n HAVING count(*) > 0;
    RETURN NULL;
END
$$;
CREATE TRIGGER journal_entry_queue_balance_check AFTER INSERT ON journal_entry
    REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION journal_entry_queue_balance_check();

DROP TRIGGER journal_entry_balanced ON journal_entry;
DROP FUNCTION journal_entry_assert_balanced();

--changeset ledger:021-lines-checked-per-statement splitStatements:false
-- One query per INSERT on journal_line, over its transition table, instead of a trigger call and two
-- foreign-key lookups per line. A line must name an account and an entry that exist, and the entry must be
-- one this transaction created (a posted entry never changes). Its entry's balance check must still be
-- pending: if it already ran (SET CONSTRAINTS ... IMMEDIATE), the new lines queue another one for commit.
CREATE FUNCTION journal_line_check_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    problem record;
    from_seq bigint;
    to_seq bigint;
BEGIN
    SELECT n.journal_entry_seq, e.seq IS NULL AS missing INTO problem
    FROM new_lines n
    LEFT JOIN journal_entry e ON e.seq = n.journal_entry_seq
    WHERE e.seq IS NULL OR e.created_xid <> pg_current_xact_id()
    LIMIT 1;
    IF FOUND AND problem.missing THEN
        RAISE EXCEPTION 'journal entry % does not exist', problem.journal_entry_seq
            USING ERRCODE = 'foreign_key_violation';
    ELSIF FOUND THEN
        RAISE EXCEPTION 'journal entry % is already posted: lines can only be added by the transaction that creates the entry',
            problem.journal_entry_seq
            USING ERRCODE = 'check_violation';
    END IF;

    SELECT a.account_id INTO problem
    FROM (SELECT DISTINCT n.account_id FROM new_lines n) a
    WHERE NOT EXISTS (SELECT FROM account WHERE account.id = a.account_id)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'account % does not exist', problem.account_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;

    SELECT min(n.journal_entry_seq), max(n.journal_entry_seq) INTO from_seq, to_seq FROM new_lines n;
    IF from_seq IS NOT NULL AND NOT EXISTS (
            SELECT FROM journal_balance_check c
            WHERE c.created_xid = pg_current_xact_id() AND c.first_seq <= from_seq AND c.last_seq >= to_seq) THEN
        INSERT INTO journal_balance_check (first_seq, last_seq) VALUES (from_seq, to_seq);
    END IF;
    RETURN NULL;
END
$$;
-- Named to sort before journal_line_moves_balances: statement triggers fire in name order, so a refused
-- statement stops before it moves a balance.
CREATE TRIGGER journal_line_check_entries AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION journal_line_check_entries();
DROP TRIGGER journal_line_require_open_entry ON journal_line;
DROP FUNCTION journal_line_require_open_entry();

-- The trigger above checks both references once per statement; neither an entry nor an account can be
-- deleted or changed (010), so nothing can break them later. The constraints stay declared, for readers
-- and tools, but no longer run a lookup (and take a KEY SHARE row lock) per line.
ALTER TABLE journal_line ALTER CONSTRAINT journal_line_journal_entry_seq_fkey NOT ENFORCED;
ALTER TABLE journal_line ALTER CONSTRAINT journal_line_account_id_fkey NOT ENFORCED;
