--liquibase formatted sql

--changeset wallet:006-wallet-movement-one-per-refund
-- A refund debits its seller once, whatever event carried it: the inbox and source_event_id stop a copy of one
-- event, this stops a RefundSucceeded re-published with a new event id (as wallet_movement_one_per_dispute does for
-- disputes). A refund has exactly one debit, so refund_id alone is the key.
CREATE UNIQUE INDEX wallet_movement_one_per_refund ON wallet_movement (refund_id) WHERE refund_id IS NOT NULL;
