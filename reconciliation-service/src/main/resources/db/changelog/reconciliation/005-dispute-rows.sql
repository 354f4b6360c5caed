--liquibase formatted sql

--changeset reconciliation:005-settlement-dispute-rows
-- A dispute's money at the PSP is staged like charges and refunds: its withdrawal (Stripe's adjustment of reporting
-- category dispute: minus the disputed amount, the dispute fee in fee_minor) and a won dispute's reversal
-- (dispute_reversal), with the dispute's id. type is the row's reporting category.
ALTER TABLE settlement_row DROP CONSTRAINT settlement_row_type_check;
ALTER TABLE settlement_row ADD COLUMN dispute_id text;
ALTER TABLE settlement_row ADD CONSTRAINT settlement_row_type_check
    CHECK (type IN ('charge', 'refund', 'dispute', 'dispute_reversal'));
ALTER TABLE settlement_row ADD CONSTRAINT settlement_row_dispute_id_check
    CHECK ((type IN ('dispute', 'dispute_reversal')) = (dispute_id IS NOT NULL));

--changeset reconciliation:005-dispute-discrepancies
-- Findings about a dispute's money (subject DISPUTE; DISPUTE_UNKNOWN while the platform books no disputes) name the
-- dispute and carry its fee beside its amount: the PSP's dispute fee (actual), later the platform's (expected).
-- The fee has the PSP's sign: positive when taken, negative when a won dispute's reversal returns it.
ALTER TABLE discrepancy DROP CONSTRAINT discrepancy_subject_check;
ALTER TABLE discrepancy ADD CONSTRAINT discrepancy_subject_check
    CHECK (subject IN ('PAYMENT', 'REFUND', 'DISPUTE', 'SELLER_BALANCE'));
ALTER TABLE discrepancy
    ADD COLUMN dispute_id         text,
    ADD COLUMN expected_fee_minor bigint,
    ADD COLUMN actual_fee_minor   bigint;

--changeset reconciliation:005-currency-total-disputes
-- A dispute's money per currency, apart from the charges and refunds of psp_* (which expected_* and the difference
-- compare): withdrawals negative, reversals positive, dispute fees, net. 0 for reports of runs before this.
ALTER TABLE currency_total
    ADD COLUMN psp_dispute_count       bigint NOT NULL DEFAULT 0,
    ADD COLUMN psp_dispute_gross_minor bigint NOT NULL DEFAULT 0,
    ADD COLUMN psp_dispute_fee_minor   bigint NOT NULL DEFAULT 0,
    ADD COLUMN psp_dispute_net_minor   bigint NOT NULL DEFAULT 0;
