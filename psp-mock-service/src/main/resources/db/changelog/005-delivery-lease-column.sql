--liquibase formatted sql

--changeset psp:005-delivery-lease-column
-- Claiming a delivery used to push next_attempt_at (the key of webhook_delivery_due) out by the lease: every
-- claim then left a dead entry at the low end of that index, exactly where the next claim's ordered scan
-- starts, and with a backlog the claim slowed down until deliveries fell far behind the charges. The lease
-- now has its own column, in no index, so a claim is a HOT update (the fillfactor leaves the room for it).
alter table webhook_delivery add column leased_until timestamptz;
alter table webhook_delivery set (fillfactor = 70);
