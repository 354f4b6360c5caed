--liquibase formatted sql

--changeset payment-service:001-checkout
-- One row per checkout. request_hash is the SHA-256 of the canonical request: a resubmission with the
-- same checkout_id is answered from here (same hash) or refused (different hash).
CREATE TABLE checkout (
    checkout_id          varchar(64)  PRIMARY KEY,
    request_hash         char(64)     NOT NULL,
    buyer_user_id        varchar(64)  NOT NULL,
    buyer_email          varchar(254) NOT NULL,
    buyer_name           varchar(200),
    -- A PSP token (tok_...), never a card number: the API refuses anything that looks like a PAN.
    payment_method_token varchar(255) NOT NULL,
    card_last4           char(4),
    status               varchar(16)  NOT NULL DEFAULT 'PROCESSING'
                                      CHECK (status IN ('PROCESSING', 'COMPLETED')),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    completed_at         timestamptz
);

--changeset payment-service:001-payment-order
CREATE TABLE payment_order (
    payment_order_id     varchar(64)  PRIMARY KEY,
    checkout_id          varchar(64)  NOT NULL REFERENCES checkout (checkout_id),
    position             smallint     NOT NULL,
    seller_account       varchar(64)  NOT NULL,
    amount_minor         bigint       NOT NULL CHECK (amount_minor > 0),
    currency             char(3)      NOT NULL,
    status               varchar(16)  NOT NULL DEFAULT 'NOT_STARTED'
                                      CHECK (status IN ('NOT_STARTED', 'EXECUTING', 'SUCCEEDED', 'FAILED')),
    -- 1 for the first PSP attempt, +1 per manual retry; the PSP Idempotency-Key is <id>:<attempt>.
    attempt              integer      NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    psp_reference        varchar(255),
    failure_code         varchar(100),
    failure_message      varchar(500),
    -- Refunds: succeeded ones in refunded_minor, requested but unresolved ones reserved in
    -- refund_pending_minor, so two concurrent refunds can never exceed the amount together.
    refunded_minor       bigint       NOT NULL DEFAULT 0,
    refund_pending_minor bigint       NOT NULL DEFAULT 0,
    wallet_updated       boolean      NOT NULL DEFAULT false,
    ledger_updated       boolean      NOT NULL DEFAULT false,
    status_changed_at    timestamptz  NOT NULL DEFAULT now(),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT payment_order_refunds_within_amount CHECK (
        refunded_minor >= 0 AND refund_pending_minor >= 0
        AND refunded_minor + refund_pending_minor <= amount_minor)
);
CREATE INDEX payment_order_checkout_idx ON payment_order (checkout_id, position);
-- The janitor's scan: only the (few) orders waiting for the PSP.
CREATE INDEX payment_order_executing_idx ON payment_order (status_changed_at) WHERE status = 'EXECUTING';
CREATE INDEX payment_order_psp_reference_idx ON payment_order (psp_reference) WHERE psp_reference IS NOT NULL;

--changeset payment-service:001-refund
CREATE TABLE refund (
    refund_id            varchar(64)  PRIMARY KEY,
    payment_order_id     varchar(64)  NOT NULL REFERENCES payment_order (payment_order_id),
    amount_minor         bigint       NOT NULL CHECK (amount_minor > 0),
    currency             char(3)      NOT NULL,
    status               varchar(16)  NOT NULL DEFAULT 'REQUESTED'
                                      CHECK (status IN ('REQUESTED', 'PENDING', 'SUCCEEDED', 'FAILED')),
    attempt              integer      NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    psp_refund_reference varchar(255),
    failure_code         varchar(100),
    failure_message      varchar(500),
    wallet_updated       boolean      NOT NULL DEFAULT false,
    ledger_updated       boolean      NOT NULL DEFAULT false,
    status_changed_at    timestamptz  NOT NULL DEFAULT now(),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX refund_payment_order_idx ON refund (payment_order_id, created_at);
CREATE UNIQUE INDEX refund_psp_reference_idx ON refund (psp_refund_reference) WHERE psp_refund_reference IS NOT NULL;
CREATE INDEX refund_unresolved_idx ON refund (status_changed_at) WHERE status IN ('REQUESTED', 'PENDING');

--changeset payment-service:001-psp-webhook-event
-- Every accepted PSP webhook, keyed by the PSP's event id: a redelivered event finds its row and is
-- acknowledged without effect. UNMATCHED rows (no payment order or refund of ours) are kept with their
-- payload for operators.
CREATE TABLE psp_webhook_event (
    event_id             varchar(255) PRIMARY KEY,
    event_type           varchar(100) NOT NULL,
    object_id            varchar(255),
    outcome              varchar(16)  NOT NULL CHECK (outcome IN ('APPLIED', 'IGNORED', 'UNMATCHED')),
    detail               varchar(500),
    payload              jsonb,
    received_at          timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX psp_webhook_event_unmatched_idx ON psp_webhook_event (received_at) WHERE outcome = 'UNMATCHED';
