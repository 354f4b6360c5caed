--liquibase formatted sql

--changeset psp:900-runtime-role-grants runAlways:true
--comment: What the runtime role (parameter runtime-role, by default spring.datasource.username) may do; it owns nothing. Runs on every start, in one transaction: first every table and sequence privilege is taken away, then this file's are given, so the database holds exactly what is written here (docs/architecture.md, "Database principals").
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${runtime-role};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${runtime-role};
GRANT USAGE ON SCHEMA public TO ${runtime-role};
-- Intents, refunds and disputes resolve (UPDATE, also SELECT ... FOR UPDATE [SKIP LOCKED]); idempotency keys expire
-- (DELETE); deliveries are leased and retried; events and balance transactions are append-only; a settlement day's
-- discrepancies are replaced.
GRANT SELECT, INSERT, UPDATE ON payment_intent, refund, dispute, webhook_delivery TO ${runtime-role};
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO ${runtime-role};
GRANT SELECT, INSERT ON webhook_event, balance_transaction TO ${runtime-role};
GRANT SELECT, INSERT, DELETE ON settlement_discrepancy TO ${runtime-role};
