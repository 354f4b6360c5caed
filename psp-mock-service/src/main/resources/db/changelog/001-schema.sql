--liquibase formatted sql

--changeset psp:001-payment-intent
create table payment_intent (
    id                 text primary key,
    amount             bigint      not null check (amount > 0),
    currency           char(3)     not null,
    status             text        not null check (status in ('succeeded', 'processing', 'requires_payment_method')),
    payment_method     text        not null,
    metadata           jsonb       not null,
    last_payment_error jsonb,
    -- succeeded and pending refunds: what can no longer be refunded
    amount_refunded    bigint      not null default 0,
    created_at         timestamptz not null,
    -- a processing intent reaches resolves_to at resolve_at (tok_async, tok_asyncDeclined)
    resolve_at         timestamptz,
    resolves_to        text check (resolves_to in ('succeeded', 'requires_payment_method')),
    constraint refunds_within_amount check (amount_refunded between 0 and amount),
    constraint processing_has_resolution check (status <> 'processing' or (resolve_at is not null and resolves_to is not null))
);
create index payment_intent_due on payment_intent (resolve_at) where status = 'processing';

--changeset psp:001-refund
create table refund (
    id                text primary key,
    payment_intent_id text        not null references payment_intent (id),
    amount            bigint      not null check (amount > 0),
    currency          char(3)     not null,
    status            text        not null check (status in ('succeeded', 'pending', 'failed')),
    failure_reason    text,
    metadata          jsonb       not null,
    created_at        timestamptz not null,
    resolve_at        timestamptz,
    resolves_to       text check (resolves_to in ('succeeded', 'failed')),
    constraint pending_has_resolution check (status <> 'pending' or (resolve_at is not null and resolves_to is not null))
);
create index refund_by_payment_intent on refund (payment_intent_id);
create index refund_due on refund (resolve_at) where status = 'pending';

--changeset psp:001-balance-transaction
-- What the settlement file lists: money that moved, one row per succeeded charge or refund.
create table balance_transaction (
    id                text primary key,
    type              text        not null check (type in ('charge', 'refund')),
    payment_intent_id text        not null references payment_intent (id),
    payment_order_id  text,
    refund_id         text references refund (id),
    amount            bigint      not null,
    fee               bigint      not null,
    net               bigint      not null,
    currency          char(3)     not null,
    created_at        timestamptz not null,
    constraint net_is_amount_less_fee check (net = amount - fee),
    constraint sign_follows_type check ((type = 'charge' and amount > 0 and refund_id is null)
                                     or (type = 'refund' and amount < 0 and refund_id is not null))
);
create index balance_transaction_by_time on balance_transaction (created_at);
create unique index one_charge_per_payment_intent on balance_transaction (payment_intent_id) where type = 'charge';
create unique index one_entry_per_refund on balance_transaction (refund_id) where type = 'refund';

--changeset psp:001-idempotency-key
create table idempotency_key (
    key                 text primary key,
    request_fingerprint text        not null,
    state               text        not null check (state in ('in_flight', 'completed')),
    claim_token         bigint      not null,
    lease_until         timestamptz not null,
    response_status     int,
    response_body       text,
    created_at          timestamptz not null,
    constraint completed_has_response check (state = 'in_flight' or (response_status is not null and response_body is not null))
);
create index idempotency_key_by_age on idempotency_key (created_at);

--changeset psp:001-webhook
create table webhook_event (
    id         text primary key,
    type       text        not null,
    object_id  text        not null,
    -- the exact body that is signed and POSTed
    payload    text        not null,
    created_at timestamptz not null
);
create index webhook_event_by_time on webhook_event (created_at desc, id desc);

create table webhook_delivery (
    id               bigint generated always as identity primary key,
    event_id         text        not null references webhook_event (id),
    endpoint         text        not null,
    attempts         int         not null default 0,
    -- due time of the next attempt; while an attempt runs it is pushed out by a lease, so a delivery
    -- whose process died mid-attempt becomes due again (after a restart, or on another instance)
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    delivered_at     timestamptz,
    unique (event_id, endpoint)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null;
create index webhook_delivery_undelivered on webhook_delivery (event_id) where delivered_at is null;

--changeset psp:001-settlement-discrepancy
-- Injected on purpose (/admin/settlements/...) to exercise reconciliation; applied when a file is rendered.
create table settlement_discrepancy (
    id                     bigint generated always as identity primary key,
    settlement_date        date        not null,
    kind                   text        not null check (kind in ('drop_row', 'change_amount', 'add_row')),
    balance_transaction_id text        not null,
    -- change_amount: the amount the file shows instead; add_row: the fabricated row
    amount                 bigint,
    fee                    bigint,
    type                   text check (type in ('charge', 'refund')),
    payment_intent_id      text,
    payment_order_id       text,
    refund_id              text,
    currency               char(3),
    created_at             timestamptz not null
);
create index settlement_discrepancy_by_date on settlement_discrepancy (settlement_date);
