--liquibase formatted sql

-- Triggers that make the ledger's rules hold whoever writes to the database. Error messages name the rule
-- so that a rejected psql session or a failing test says what it broke.

--changeset ledger:010-append-only splitStatements:false
CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation',
              HINT = 'Correct a posting with a new, reversing journal entry.';
END
$$;

CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER journal_line_no_truncate BEFORE TRUNCATE ON journal_line
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER account_append_only BEFORE UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER account_no_truncate BEFORE TRUNCATE ON account
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

--changeset ledger:011-balanced-entries splitStatements:false
-- An entry and its lines are written by one transaction: the entry records which one...
CREATE FUNCTION journal_entry_stamp_creator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER journal_entry_stamp_creator BEFORE INSERT ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_entry_stamp_creator();

-- ...so a line can never be slipped into an entry that is already posted (that would change it)...
CREATE FUNCTION journal_line_require_open_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    creator xid8;
BEGIN
    SELECT e.created_xid INTO creator FROM journal_entry e WHERE e.seq = NEW.journal_entry_seq;
    IF creator IS DISTINCT FROM pg_current_xact_id() THEN
        RAISE EXCEPTION 'journal entry % is already posted: lines can only be added by the transaction that creates the entry',
            NEW.journal_entry_seq
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER journal_line_require_open_entry BEFORE INSERT ON journal_line
    FOR EACH ROW EXECUTE FUNCTION journal_line_require_open_entry();

-- ...and at commit, when all its lines are in, every new entry must balance to zero per currency.
CREATE FUNCTION journal_entry_assert_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total record;
    line_count bigint := 0;
BEGIN
    FOR total IN
        SELECT l.currency,
               count(*) AS lines,
               coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'DEBIT'), 0) AS debits,
               coalesce(sum(l.amount_minor) FILTER (WHERE l.side = 'CREDIT'), 0) AS credits
        FROM journal_line l
        WHERE l.journal_entry_seq = NEW.seq
        GROUP BY l.currency
    LOOP
        line_count := line_count + total.lines;
        IF total.debits <> total.credits THEN
            RAISE EXCEPTION 'journal entry % (%) does not balance in %: debits %, credits %',
                NEW.seq, NEW.id, total.currency, total.debits, total.credits
                USING ERRCODE = 'check_violation';
        END IF;
    END LOOP;
    IF line_count < 2 THEN
        RAISE EXCEPTION 'journal entry % (%) has % line(s): it needs at least one debit and one credit',
            NEW.seq, NEW.id, line_count
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON journal_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION journal_entry_assert_balanced();

--changeset ledger:012-balances-follow-lines splitStatements:false
-- Balances move only with the lines, in the same statement: one upsert per (account, currency) of the
-- inserted lines, in key order so that concurrent transactions lock balance rows in the same order.
CREATE FUNCTION account_balance_apply_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO account_balance AS b (account_id, currency, debits_minor, credits_minor, line_count)
    SELECT n.account_id, n.currency,
           coalesce(sum(n.amount_minor) FILTER (WHERE n.side = 'DEBIT'), 0),
           coalesce(sum(n.amount_minor) FILTER (WHERE n.side = 'CREDIT'), 0),
           count(*)
    FROM new_lines n
    GROUP BY n.account_id, n.currency
    ORDER BY n.account_id, n.currency
    ON CONFLICT (account_id, currency) DO UPDATE
        SET debits_minor  = b.debits_minor + excluded.debits_minor,
            credits_minor = b.credits_minor + excluded.credits_minor,
            line_count    = b.line_count + excluded.line_count;
    RETURN NULL;
END
$$;
CREATE TRIGGER journal_line_moves_balances AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION account_balance_apply_lines();

-- Nobody writes balances directly: only the trigger above (which runs one trigger level deeper).
CREATE FUNCTION account_balance_reject_direct_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') OR pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'account_balance is maintained by the journal_line trigger only: % is not allowed', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER account_balance_trigger_writes_only BEFORE INSERT OR UPDATE OR DELETE ON account_balance
    FOR EACH ROW EXECUTE FUNCTION account_balance_reject_direct_write();
CREATE TRIGGER account_balance_no_truncate BEFORE TRUNCATE ON account_balance
    FOR EACH STATEMENT EXECUTE FUNCTION account_balance_reject_direct_write();
