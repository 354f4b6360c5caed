--liquibase formatted sql

--changeset psp:002-drop-undelivered-index
-- Every delivery is inserted and updated twice (claimed, then acknowledged); each index on it costs on all
-- three. Undelivered events are found through webhook_delivery_due (same predicate), and the pending count
-- per event through the (event_id, endpoint) unique index, so this one only added writes.
drop index webhook_delivery_undelivered;
