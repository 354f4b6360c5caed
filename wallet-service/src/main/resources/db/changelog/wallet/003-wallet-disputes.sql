--liquibase formatted sql

--changeset wallet:005-wallet-movement-dispute
-- docs/architecture.md §15: a dispute's withdrawn funds debit the seller, its reinstated funds credit them back. A
-- movement names the dispute it books, as a refund's debit names its refund; one debit and at most one credit per
-- dispute, whatever event carried it (the inbox and source_event_id already stop a copy of one event).
ALTER TABLE wallet_movement ADD COLUMN dispute_id VARCHAR(64);
ALTER TABLE wallet_movement DROP CONSTRAINT wallet_movement_refund_iff_debit;
ALTER TABLE wallet_movement ADD CONSTRAINT wallet_movement_debit_has_one_cause CHECK (
        (refund_id IS NULL OR dispute_id IS NULL)
    AND (refund_id IS NULL OR kind = 'DEBIT')
    AND (kind <> 'DEBIT' OR refund_id IS NOT NULL OR dispute_id IS NOT NULL));
CREATE UNIQUE INDEX wallet_movement_one_per_dispute ON wallet_movement (dispute_id, kind) WHERE dispute_id IS NOT NULL;
