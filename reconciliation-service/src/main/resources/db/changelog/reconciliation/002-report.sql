--liquibase formatted sql

--changeset reconciliation:002-reconciliation-report
-- One row per reconciled UTC day. A rerun replaces the day's report; status RUNNING doubles as the
-- guard that lets only one run per date proceed (taken by a guarded upsert, released by the run).
CREATE TABLE reconciliation_report (
    report_date          date        PRIMARY KEY,
    run_id               uuid        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    trigger              text        NOT NULL CHECK (trigger IN ('SCHEDULE', 'API')),
    started_at           timestamptz NOT NULL,
    finished_at          timestamptz,
    rows_read            bigint      NOT NULL DEFAULT 0,
    matched_count        bigint      NOT NULL DEFAULT 0,
    discrepancy_count    bigint      NOT NULL DEFAULT 0,
    malformed_count      bigint      NOT NULL DEFAULT 0,
    error                text
);

--changeset reconciliation:002-settlement-row
-- The PSP settlement file of a day, staged so that matching is SQL joins, not a map in memory.
-- Kept until the day is rerun: the next day's run looks here for payments the PSP booked a day earlier.
CREATE TABLE settlement_row (
    report_date             date        NOT NULL,
    line_number             bigint      NOT NULL,
    balance_transaction_id  text        NOT NULL,
    type                    text        NOT NULL CHECK (type IN ('charge', 'refund')),
    payment_intent_id       text,
    payment_order_id        text,
    refund_id               text,
    amount_minor            bigint      NOT NULL,
    fee_minor               bigint      NOT NULL,
    net_minor               bigint      NOT NULL,
    currency                text        NOT NULL,
    created_at              timestamptz NOT NULL,
    PRIMARY KEY (report_date, line_number)
);
CREATE INDEX settlement_row_payment_order ON settlement_row (payment_order_id, report_date);
CREATE INDEX settlement_row_payment_intent ON settlement_row (payment_intent_id, report_date);
CREATE INDEX settlement_row_refund ON settlement_row (refund_id, report_date);

--changeset reconciliation:002-malformed-row
CREATE TABLE settlement_malformed_row (
    report_date  date   NOT NULL REFERENCES reconciliation_report (report_date),
    line_number  bigint NOT NULL,
    reason       text   NOT NULL,
    raw          text,
    PRIMARY KEY (report_date, line_number)
);

--changeset reconciliation:002-discrepancy
-- Raw facts only (ids, minor units, currencies); the texts shown to operators are rendered from them.
-- A rerun upserts by fingerprint (the identity of a finding, not its amounts) and deletes what it no
-- longer finds: first_run_id tells which findings are new and must be published, so a rerun that finds
-- the same differences publishes nothing twice.
CREATE TABLE discrepancy (
    id                      bigserial PRIMARY KEY,
    report_date             date    NOT NULL REFERENCES reconciliation_report (report_date),
    run_id                  uuid    NOT NULL,
    first_run_id            uuid    NOT NULL,
    type                    text    NOT NULL,
    -- PAYMENT, REFUND or SELLER_BALANCE: what the amounts below are amounts of (always positive for
    -- payments and refunds; a balance may be negative)
    subject                 text    NOT NULL CHECK (subject IN ('PAYMENT', 'REFUND', 'SELLER_BALANCE')),
    fingerprint             text    NOT NULL,
    payment_order_id        text,
    psp_reference           text,
    refund_id               text,
    balance_transaction_id  text,
    seller_account          text,
    line_number             bigint,
    expected_minor          bigint,
    expected_currency       text,
    expected_status         text,
    actual_minor            bigint,
    actual_currency         text,
    actual_status           text,
    detail                  text    NOT NULL,
    UNIQUE (report_date, fingerprint)
);

--changeset reconciliation:002-currency-total
CREATE TABLE currency_total (
    report_date           date   NOT NULL REFERENCES reconciliation_report (report_date),
    currency              text   NOT NULL,
    psp_count             bigint NOT NULL,
    psp_gross_minor       bigint NOT NULL,
    psp_fee_minor         bigint NOT NULL,
    psp_net_minor         bigint NOT NULL,
    expected_count        bigint NOT NULL,
    expected_gross_minor  bigint NOT NULL,
    PRIMARY KEY (report_date, currency)
);
