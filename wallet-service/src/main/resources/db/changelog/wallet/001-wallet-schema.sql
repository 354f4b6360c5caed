--liquibase formatted sql

--changeset wallet:001-wallet-balance
-- One balance per (seller account, currency), in minor units of that currency. It may go below zero:
-- a refund debit is applied even when the seller's balance does not cover it (the money has already
-- gone back to the buyer through the PSP).
CREATE TABLE wallet_balance (
    account_id    VARCHAR(64) NOT NULL,
    currency      CHAR(3)     NOT NULL,
    balance_minor BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT wallet_balance_pk PRIMARY KEY (account_id, currency),
    CONSTRAINT wallet_balance_currency_format CHECK (currency ~ '^[A-Z]{3}$')
);
-- Small by construction: only the balances below zero (the metric and the operators' list read it).
CREATE INDEX wallet_balance_below_zero ON wallet_balance (balance_minor, account_id) WHERE balance_minor < 0;

--changeset wallet:002-wallet-movement
-- Every credit and debit, never updated or deleted. seq orders an account's movements newest first for
-- paging; it is drawn while the balance row is locked, so per (account, currency) it follows the balance.
CREATE TABLE wallet_movement (
    seq                 BIGINT GENERATED ALWAYS AS IDENTITY,
    movement_id         UUID        NOT NULL,
    account_id          VARCHAR(64) NOT NULL,
    currency            CHAR(3)     NOT NULL,
    kind                VARCHAR(6)  NOT NULL,
    amount_minor        BIGINT      NOT NULL,
    balance_after_minor BIGINT      NOT NULL,
    source_event_id     VARCHAR(64) NOT NULL,
    payment_order_id    VARCHAR(64) NOT NULL,
    checkout_id         VARCHAR(64) NOT NULL,
    refund_id           VARCHAR(64),
    occurred_at         TIMESTAMPTZ NOT NULL,
    recorded_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT wallet_movement_pk PRIMARY KEY (movement_id),
    -- The business key of exactly-once: one movement per payment.results event, whatever the inbox says.
    CONSTRAINT wallet_movement_source_event_unique UNIQUE (source_event_id),
    CONSTRAINT wallet_movement_seq_unique UNIQUE (seq),
    CONSTRAINT wallet_movement_kind CHECK (kind IN ('CREDIT', 'DEBIT')),
    CONSTRAINT wallet_movement_amount_positive CHECK (amount_minor > 0),
    CONSTRAINT wallet_movement_refund_iff_debit CHECK ((kind = 'DEBIT') = (refund_id IS NOT NULL)),
    CONSTRAINT wallet_movement_balance_fk FOREIGN KEY (account_id, currency)
        REFERENCES wallet_balance (account_id, currency)
);
CREATE INDEX wallet_movement_account_seq ON wallet_movement (account_id, seq DESC);

--changeset wallet:003-wallet-movement-fewer-checks
-- Every movement insert paid for two checks that cannot fail: the foreign key to wallet_balance (the same
-- statement has just upserted that row, so the key lookup and its KEY SHARE lock were pure cost) and a
-- unique index on seq (an identity column is unique by construction; paging uses the (account_id, seq) index).
ALTER TABLE wallet_movement DROP CONSTRAINT wallet_movement_balance_fk;
ALTER TABLE wallet_movement DROP CONSTRAINT wallet_movement_seq_unique;
