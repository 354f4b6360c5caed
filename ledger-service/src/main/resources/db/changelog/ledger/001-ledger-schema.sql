--liquibase formatted sql

-- The ledger's invariants live in the database so that no code path, and no person with psql, can break
-- them: positive amounts with a side (CHECK), balanced entries (deferred constraint trigger), immutable
-- entries and lines (triggers), balances that only ever move with the lines (trigger-maintained).

--changeset ledger:001-account
CREATE TABLE account (
    id         text        PRIMARY KEY,
    type       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_id_format CHECK (id ~ '^[a-z_]+(:[^[:space:][:cntrl:]]{1,128})?$' AND length(id) <= 160),
    CONSTRAINT account_type_known CHECK (type IN ('ASSET', 'LIABILITY'))
);
COMMENT ON TABLE account IS 'Chart of accounts: psp_receivable (ASSET) and seller_payable:<seller> (LIABILITY).';

--changeset ledger:002-journal-entry
CREATE TABLE journal_entry (
    -- Internal order of posting: the cursor of the entries API and the key lines point at.
    seq              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id               uuid        NOT NULL UNIQUE,
    payment_order_id text        NOT NULL CHECK (length(payment_order_id) BETWEEN 1 AND 128),
    kind             text        NOT NULL CHECK (kind IN ('PAYMENT', 'REFUND')),
    -- NULL for a payment; NULLS NOT DISTINCT makes (order, PAYMENT, NULL) unique too.
    refund_id        text        CHECK (length(refund_id) BETWEEN 1 AND 128),
    checkout_id      text        NOT NULL,
    seller_id        text        NOT NULL,
    source_event_id  text        NOT NULL,
    occurred_at      timestamptz NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    -- The transaction that created the entry; its lines may only be written by that transaction.
    created_xid      xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT journal_entry_refund_id_iff_refund CHECK ((kind = 'REFUND') = (refund_id IS NOT NULL)),
    CONSTRAINT journal_entry_one_per_business_key UNIQUE NULLS NOT DISTINCT (payment_order_id, kind, refund_id)
);
COMMENT ON TABLE journal_entry IS 'One balanced journal entry per (payment order, kind, refund id); never updated or deleted.';

--changeset ledger:003-journal-line
CREATE TABLE journal_line (
    journal_entry_seq bigint   NOT NULL REFERENCES journal_entry (seq),
    line_no           smallint NOT NULL CHECK (line_no >= 1),
    account_id        text     NOT NULL REFERENCES account (id),
    side              text     NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount_minor      bigint   NOT NULL CHECK (amount_minor > 0),
    currency          text     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    PRIMARY KEY (journal_entry_seq, line_no)
);
-- Entries of one account in posting order (entries API filtered by account, cursor paging).
CREATE INDEX journal_line_account_entry ON journal_line (account_id, journal_entry_seq);
COMMENT ON TABLE journal_line IS 'Postings of a journal entry; debits equal credits per currency; never updated or deleted.';

--changeset ledger:004-account-balance
-- Balances are kept, not derived: reading an account or the trial balance stays O(accounts) however
-- many lines exist. Only the journal_line trigger below writes this table, in the transaction of the lines.
CREATE TABLE account_balance (
    account_id    text   NOT NULL REFERENCES account (id),
    currency      text   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    debits_minor  bigint NOT NULL CHECK (debits_minor >= 0),
    credits_minor bigint NOT NULL CHECK (credits_minor >= 0),
    line_count    bigint NOT NULL CHECK (line_count >= 0),
    PRIMARY KEY (account_id, currency)
);
COMMENT ON TABLE account_balance IS 'Running debit and credit totals per account and currency, maintained by trigger only.';
