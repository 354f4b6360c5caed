--liquibase formatted sql

--changeset reconciliation:003-movement-and-entry-time
-- The balance check looks only at sellers active on the day; these find them without scanning all history.
CREATE INDEX wallet_movement_occurred_at ON wallet_movement (occurred_at);
CREATE INDEX ledger_entry_occurred_at ON ledger_entry (occurred_at);
