--liquibase formatted sql

--changeset reconciliation:001-platform-payment
-- One row per payment order, merged from PaymentOrderSucceeded / PaymentOrderFailed in any arrival order:
-- SUCCEEDED is final (a later or replayed failure of an earlier attempt never overwrites it).
CREATE TABLE platform_payment (
    payment_order_id  text        PRIMARY KEY,
    checkout_id       text        NOT NULL,
    seller_account    text        NOT NULL,
    amount_minor      bigint      NOT NULL,
    currency          text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
    psp_reference     text,
    succeeded_at      timestamptz,
    failed_at         timestamptz,
    failure_code      text,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'SUCCEEDED' OR succeeded_at IS NOT NULL)
);
CREATE INDEX platform_payment_psp_reference ON platform_payment (psp_reference);
CREATE INDEX platform_payment_succeeded_at ON platform_payment (succeeded_at) WHERE status = 'SUCCEEDED';

--changeset reconciliation:001-platform-refund
-- One row per refund (our refund id), merged from RefundSucceeded / RefundFailed the same way.
CREATE TABLE platform_refund (
    refund_id             text        PRIMARY KEY,
    payment_order_id      text        NOT NULL,
    checkout_id           text        NOT NULL,
    seller_account        text        NOT NULL,
    amount_minor          bigint      NOT NULL,
    currency              text        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
    psp_reference         text,
    psp_refund_reference  text,
    succeeded_at          timestamptz,
    failed_at             timestamptz,
    failure_code          text,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'SUCCEEDED' OR succeeded_at IS NOT NULL)
);
CREATE INDEX platform_refund_psp_refund_reference ON platform_refund (psp_refund_reference);
CREATE INDEX platform_refund_payment_order ON platform_refund (payment_order_id);
CREATE INDEX platform_refund_succeeded_at ON platform_refund (succeeded_at) WHERE status = 'SUCCEEDED';

--changeset reconciliation:001-wallet-movement
-- Keyed by wallet-service's own movement id, not by payment order: a payment credited twice must stay
-- visible as two movements (it is exactly what WALLET_LEDGER_MISMATCH is there to catch).
CREATE TABLE wallet_movement (
    movement_id          text        PRIMARY KEY,
    kind                 text        NOT NULL CHECK (kind IN ('CREDIT', 'DEBIT')),
    payment_order_id     text        NOT NULL,
    refund_id            text,
    seller_account       text        NOT NULL,
    amount_minor         bigint      NOT NULL,
    currency             text        NOT NULL,
    balance_after_minor  bigint      NOT NULL,
    source_event_id      text        NOT NULL,
    occurred_at          timestamptz NOT NULL,
    CHECK (kind <> 'DEBIT' OR refund_id IS NOT NULL)
);
CREATE INDEX wallet_movement_payment_order ON wallet_movement (payment_order_id) WHERE kind = 'CREDIT';
CREATE INDEX wallet_movement_refund ON wallet_movement (refund_id) WHERE kind = 'DEBIT';
CREATE INDEX wallet_movement_seller ON wallet_movement (seller_account, currency);

--changeset reconciliation:001-ledger-entry
-- Keyed by ledger-service's journal entry id, for the same reason; lines kept for seller_payable balances.
CREATE TABLE ledger_entry (
    journal_entry_id  text        PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('PAYMENT', 'REFUND')),
    payment_order_id  text        NOT NULL,
    refund_id         text,
    seller_account    text        NOT NULL,
    amount_minor      bigint      NOT NULL,
    currency          text        NOT NULL,
    source_event_id   text        NOT NULL,
    occurred_at       timestamptz NOT NULL,
    CHECK (kind <> 'REFUND' OR refund_id IS NOT NULL)
);
CREATE INDEX ledger_entry_payment_order ON ledger_entry (payment_order_id) WHERE kind = 'PAYMENT';
CREATE INDEX ledger_entry_refund ON ledger_entry (refund_id) WHERE kind = 'REFUND';
CREATE INDEX ledger_entry_seller ON ledger_entry (seller_account, currency);

CREATE TABLE ledger_line (
    journal_entry_id  text    NOT NULL REFERENCES ledger_entry (journal_entry_id),
    line_no           int     NOT NULL,
    account           text    NOT NULL,
    side              text    NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount_minor      bigint  NOT NULL,
    currency          text    NOT NULL,
    PRIMARY KEY (journal_entry_id, line_no)
);
CREATE INDEX ledger_line_account ON ledger_line (account, currency);
