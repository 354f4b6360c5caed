--liquibase formatted sql

--changeset ledger:900-runtime-role-grants runAlways:true splitStatements:true
--comment: What the runtime role (parameter runtime-role, by default spring.datasource.username) may do; it owns nothing. Runs on every start, in one transaction: first every table and sequence privilege is taken away, then this file's are given, so the database holds exactly what is written here (docs/architecture.md, "Database principals").
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${runtime-role};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${runtime-role};
GRANT USAGE ON SCHEMA public TO ${runtime-role};
-- The journal, accounts and seller ownership are append-only: read and insert only. No UPDATE, DELETE or TRUNCATE,
-- and, not being their owner, no ALTER TABLE (so no DISABLE TRIGGER either).
GRANT SELECT, INSERT ON account, journal_entry, journal_line, seller_merchant TO ${runtime-role};
-- Maintained by the journal's triggers, which write with their owner's rights (005-trigger-writes-as-owner.sql):
-- the service reads balances and never touches the balance-check queue.
GRANT SELECT ON account_balance TO ${runtime-role};
-- The messaging library: outbox (relay marks rows sent and deletes them), inbox (the cleaner locks old rows
-- FOR UPDATE SKIP LOCKED, which needs UPDATE, and deletes them),
-- dead-letter replay audit (append only).
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_message TO ${runtime-role};
GRANT SELECT, INSERT, UPDATE, DELETE ON processed_message TO ${runtime-role};
GRANT SELECT, INSERT ON dead_letter_replay TO ${runtime-role};
