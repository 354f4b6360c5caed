--liquibase formatted sql

--changeset reconciliation:006-platform-dispute
-- One row per dispute (the PSP's dispute id), merged from DisputeFundsWithdrawn / DisputeFundsReinstated in any arrival
-- order: each movement is recorded once, by the first record of it (a re-published one with a new event id changes
-- nothing). Fees are as the records carry them, zero or positive: the fee taken at withdrawal, the fee given back at
-- reinstatement. The shared columns come from whichever record came first; the contract makes them the same.
CREATE TABLE platform_dispute (
    dispute_id            text        PRIMARY KEY,
    payment_order_id      text        NOT NULL,
    checkout_id           text        NOT NULL,
    seller_account        text        NOT NULL,
    currency              text        NOT NULL,
    psp_reference         text        NOT NULL,
    fee_bearer            text        NOT NULL CHECK (fee_bearer IN ('PLATFORM', 'SELLER')),
    withdrawn_minor       bigint      CHECK (withdrawn_minor > 0),
    withdrawn_fee_minor   bigint      CHECK (withdrawn_fee_minor >= 0),
    withdrawn_at          timestamptz,
    reinstated_minor      bigint      CHECK (reinstated_minor > 0),
    reinstated_fee_minor  bigint      CHECK (reinstated_fee_minor >= 0),
    reinstated_at         timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT platform_dispute_withdrawal_whole
        CHECK (num_nulls(withdrawn_minor, withdrawn_fee_minor, withdrawn_at) IN (0, 3)),
    CONSTRAINT platform_dispute_reinstatement_whole
        CHECK (num_nulls(reinstated_minor, reinstated_fee_minor, reinstated_at) IN (0, 3)),
    CONSTRAINT platform_dispute_has_a_movement
        CHECK (withdrawn_at IS NOT NULL OR reinstated_at IS NOT NULL)
);
CREATE INDEX platform_dispute_withdrawn_at ON platform_dispute (withdrawn_at) WHERE withdrawn_at IS NOT NULL;
CREATE INDEX platform_dispute_reinstated_at ON platform_dispute (reinstated_at) WHERE reinstated_at IS NOT NULL;

--changeset reconciliation:006-wallet-movement-dispute
-- A debit is a refund's or a dispute's withdrawal (exactly one of the two ids); a credit is a payment's or a won
-- dispute's reinstatement (dispute_id set).
ALTER TABLE wallet_movement ADD COLUMN dispute_id text;
ALTER TABLE wallet_movement DROP CONSTRAINT wallet_movement_check;
ALTER TABLE wallet_movement ADD CONSTRAINT wallet_movement_cause_check
    CHECK (CASE kind WHEN 'DEBIT' THEN num_nonnulls(refund_id, dispute_id) = 1 ELSE refund_id IS NULL END);
CREATE INDEX wallet_movement_dispute ON wallet_movement (dispute_id) WHERE dispute_id IS NOT NULL;

--changeset reconciliation:006-ledger-entry-dispute
-- Journal entries of a dispute's withdrawn and reinstated funds name their dispute; their lines may be on dispute_fees.
ALTER TABLE ledger_entry ADD COLUMN dispute_id text;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_kind_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_check
    CHECK (kind IN ('PAYMENT', 'REFUND', 'DISPUTE_FUNDS_WITHDRAWN', 'DISPUTE_FUNDS_REINSTATED'));
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_check;
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_cause_check
    CHECK ((kind <> 'REFUND' OR refund_id IS NOT NULL)
           AND (kind IN ('DISPUTE_FUNDS_WITHDRAWN', 'DISPUTE_FUNDS_REINSTATED')) = (dispute_id IS NOT NULL));
CREATE INDEX ledger_entry_dispute ON ledger_entry (dispute_id) WHERE dispute_id IS NOT NULL;

--changeset reconciliation:006-settlement-row-dispute-index
-- DISPUTE_MISSING_AT_PSP looks a booked dispute's movement up in the day's and the day before's staged rows.
CREATE INDEX settlement_row_dispute ON settlement_row (dispute_id, report_date) WHERE dispute_id IS NOT NULL;
