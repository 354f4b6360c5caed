--liquibase formatted sql

--changeset psp:003-drop-hot-path-foreign-keys
-- A foreign key check is a trigger that runs SELECT ... FOR KEY SHARE on the parent row, which also writes a
-- row lock: on every charge it was the largest cost of these inserts (pg_stat_statements, the benchmark).
-- Each of these rows is written by the same transaction, in the same code path, as the row it points to
-- (balance transaction with its intent or refund, delivery with its event), so the check never catches anything.
alter table balance_transaction drop constraint balance_transaction_payment_intent_id_fkey;
alter table balance_transaction drop constraint balance_transaction_refund_id_fkey;
alter table webhook_delivery drop constraint webhook_delivery_event_id_fkey;
