--liquibase formatted sql

--changeset payment:900-runtime-role-grants runAlways:true
--comment: What the runtime role (parameter runtime-role, by default spring.datasource.username) may do; it owns nothing. Runs on every start, in one transaction: first every table and sequence privilege is taken away, then this file's are given, so the database holds exactly what is written here (docs/architecture.md, "Database principals").
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${runtime-role};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${runtime-role};
GRANT USAGE ON SCHEMA public TO ${runtime-role};
-- Aggregates saved through Spring Data JDBC and set-based updates; SELECT ... FOR UPDATE (checkout, payment_order,
-- refund) needs UPDATE too. Nothing here is ever deleted.
GRANT SELECT, INSERT, UPDATE ON checkout, payment_order, refund, psp_webhook_event, merchant, merchant_api_key
    TO ${runtime-role};
GRANT SELECT, INSERT ON seller, audit_event TO ${runtime-role};
-- Written by the payment_order triggers, which run with the writing role's rights (a bigserial id).
GRANT SELECT, INSERT ON payment_order_history TO ${runtime-role};
GRANT USAGE ON SEQUENCE payment_order_history_id_seq TO ${runtime-role};
-- The risk check: blocks are lifted (UPDATE), never deleted; a failure window is reset by a lift (DELETE).
GRANT SELECT, INSERT, UPDATE ON risk_block TO ${runtime-role};
GRANT USAGE ON SEQUENCE risk_block_block_id_seq TO ${runtime-role};
GRANT SELECT, INSERT, UPDATE, DELETE ON risk_failure_window TO ${runtime-role};
GRANT SELECT, INSERT ON risk_decision TO ${runtime-role};
-- Disputes: upserted from the PSP's webhooks, updated by the merchant's actions; never deleted.
GRANT SELECT, INSERT, UPDATE ON dispute TO ${runtime-role};
-- The messaging library: outbox (relay marks rows sent and deletes them), inbox (the cleaner locks old rows
-- FOR UPDATE SKIP LOCKED, which needs UPDATE, and deletes them),
-- dead-letter replay audit (append only).
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_message TO ${runtime-role};
GRANT SELECT, INSERT, UPDATE, DELETE ON processed_message TO ${runtime-role};
GRANT SELECT, INSERT ON dead_letter_replay TO ${runtime-role};
