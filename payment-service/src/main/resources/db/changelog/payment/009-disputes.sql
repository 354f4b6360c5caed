--liquibase formatted sql

-- docs/architecture.md §15: a dispute (chargeback) of a succeeded payment order, as the PSP's charge.dispute.* webhooks
-- report it, and what its merchant did about it (evidence, acceptance).

--changeset payment-service:009-dispute
CREATE TABLE dispute (
    -- The PSP's dispute id (dp_...).
    dispute_id           varchar(255) PRIMARY KEY,
    payment_order_id     varchar(64)  NOT NULL,
    merchant_id          varchar(64),
    -- The disputed charge's payment intent (pi_...).
    psp_reference        varchar(255) NOT NULL,
    amount_minor         bigint       NOT NULL CHECK (amount_minor > 0),
    currency             char(3)      NOT NULL,
    reason               varchar(64)  NOT NULL,
    -- NEEDS_RESPONSE -> UNDER_REVIEW -> WON | LOST, or ACCEPTED (the merchant conceded: LOST at the PSP). Never back.
    status               varchar(16)  NOT NULL
                                      CHECK (status IN ('NEEDS_RESPONSE', 'UNDER_REVIEW', 'WON', 'LOST', 'ACCEPTED')),
    evidence_due_by      timestamptz,
    -- merchant:<id> or operator:<name> who submitted evidence or accepted; NULL until then.
    evidence_submitted_by text,
    accepted_by          text,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    closed_at            timestamptz
);
CREATE INDEX dispute_payment_order_idx ON dispute (payment_order_id);
CREATE INDEX dispute_merchant_created_idx ON dispute (merchant_id, created_at DESC, dispute_id DESC);

--changeset payment-service:009-payment-order-dispute-status
-- The order's dispute, if any, as the order shows it (DISPUTED, CHARGED_BACK) and as its refund rule reads it: kept
-- by the dispute's own guarded updates, in their transaction. NULL: never disputed.
ALTER TABLE payment_order ADD COLUMN dispute_status varchar(16);
