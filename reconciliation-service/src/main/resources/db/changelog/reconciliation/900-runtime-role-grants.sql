--liquibase formatted sql

--changeset reconciliation:900-runtime-role-grants runAlways:true
--comment: What the runtime role (parameter runtime-role, by default spring.datasource.username) may do; it owns nothing. Runs on every start, in one transaction: first every table and sequence privilege is taken away, then this file's are given, so the database holds exactly what is written here (docs/architecture.md, "Database principals").
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${runtime-role};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${runtime-role};
GRANT USAGE ON SCHEMA public TO ${runtime-role};
-- The projection of the other services' events: payments, refunds and disputes are upserted, ledger and wallet rows
-- appended.
GRANT SELECT, INSERT, UPDATE ON platform_payment, platform_refund, platform_dispute TO ${runtime-role};
GRANT SELECT, INSERT ON ledger_entry, ledger_line, wallet_movement TO ${runtime-role};
-- A run restages the day's settlement file and replaces its findings; ANALYZE of the staged rows needs MAINTAIN
-- (PostgreSQL 17+), which is not ownership. The run's scratch table is a TEMPORARY one (database privilege).
GRANT SELECT, INSERT, DELETE, MAINTAIN ON settlement_row TO ${runtime-role};
GRANT SELECT, INSERT, DELETE ON settlement_malformed_row, currency_total TO ${runtime-role};
GRANT SELECT, INSERT, UPDATE, DELETE ON discrepancy TO ${runtime-role};
GRANT USAGE ON SEQUENCE discrepancy_id_seq TO ${runtime-role};
GRANT SELECT, INSERT, UPDATE ON reconciliation_report TO ${runtime-role};
-- The messaging library: outbox (relay marks rows sent and deletes them), inbox (the cleaner locks old rows
-- FOR UPDATE SKIP LOCKED, which needs UPDATE, and deletes them),
-- dead-letter replay audit (append only).
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_message TO ${runtime-role};
GRANT SELECT, INSERT, UPDATE, DELETE ON processed_message TO ${runtime-role};
GRANT SELECT, INSERT ON dead_letter_replay TO ${runtime-role};
