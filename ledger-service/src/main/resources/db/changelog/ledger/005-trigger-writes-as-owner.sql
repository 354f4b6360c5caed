--liquibase formatted sql

--changeset ledger:040-trigger-writes-as-owner
-- The service's runtime role may insert journal rows but has no write privilege on what the triggers maintain
-- (account_balance, journal_balance_check): the triggers that write them run with their owner's rights
-- (docs/architecture.md, "Database principals"). A fixed search_path, so that no one can slip their own table
-- or function in front of these. Their checks of pg_trigger_depth() still refuse any direct write.
ALTER FUNCTION account_balance_apply_lines() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION journal_entry_queue_balance_check() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION journal_line_check_entries() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION journal_entries_assert_balanced() SECURITY DEFINER SET search_path = public, pg_temp;
