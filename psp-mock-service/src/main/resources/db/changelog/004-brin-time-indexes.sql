--liquibase formatted sql

--changeset psp:004-brin-time-indexes
-- Idempotency keys and balance transactions are appended in time order and only ever searched by time range
-- (cleanup; a settlement day). A BRIN index serves those ranges at a fraction of a B-tree's upkeep, whose
-- right-most page every concurrent insert contended for.
drop index idempotency_key_by_age;
create index idempotency_key_by_age on idempotency_key using brin (created_at);
drop index balance_transaction_by_time;
create index balance_transaction_by_time on balance_transaction using brin (created_at);
-- A key is inserted in flight, then updated with its response: room on the page keeps that update HOT.
alter table idempotency_key set (fillfactor = 70);
