--liquibase formatted sql

-- docs/architecture.md §14: the risk check the executor runs before every charge. A check is one index lookup per
-- subject of the order (risk_block_active); a declined charge updates one counter row per subject
-- (risk_failure_window). Nothing here is read on the checkout's own request path.

--changeset payment-service:008-checkout-client-address
-- The buyer's IP address as the checkout frontend saw it (optional): the subject of the address velocity rule.
ALTER TABLE checkout ADD COLUMN client_address varchar(45);

--changeset payment-service:008-risk-block
-- What stops a charge before the PSP is called: a velocity rule's temporary block, or an operator's block-list entry.
-- A block is never deleted: an operator lifts it (lifted_at, lifted_by, lift_reason), and it stays as the record.
CREATE TABLE risk_block (
    block_id             bigserial    PRIMARY KEY,
    -- TOKEN: the PSP payment method token; BUYER: <merchant_id>:<buyer user_id>; ADDRESS: the buyer's IP address.
    kind                 varchar(8)   NOT NULL CHECK (kind IN ('TOKEN', 'BUYER', 'ADDRESS')),
    subject              varchar(320) NOT NULL,
    -- velocity_token, velocity_buyer, velocity_address or block_list.
    rule                 varchar(32)  NOT NULL,
    reason               text         NOT NULL,
    -- operator:<name> for a block-list entry; NULL for a velocity rule's (the service's own).
    created_by           text,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    -- NULL: until lifted.
    expires_at           timestamptz,
    lifted_at            timestamptz,
    lifted_by            text,
    lift_reason          text,
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
-- One unlifted block per subject and rule: a velocity rule that fires again extends its block instead of adding one,
-- and the check's lookup is this index.
CREATE UNIQUE INDEX risk_block_active ON risk_block (kind, subject, rule) WHERE lifted_at IS NULL;

--changeset payment-service:008-risk-failure-window
-- Declined charges per subject in the current fixed window of its velocity rule: one row per subject, so that a
-- decline is one upsert and the rule's threshold a comparison, never a count over past orders.
CREATE TABLE risk_failure_window (
    kind                 varchar(8)   NOT NULL,
    subject              varchar(320) NOT NULL,
    window_started_at    timestamptz  NOT NULL,
    failures             integer      NOT NULL CHECK (failures > 0),
    PRIMARY KEY (kind, subject)
);

--changeset payment-service:008-risk-decision
-- Each charge the check stopped: which attempt, which block. (A charge it let through is recorded in the order's
-- history: the change to EXECUTING names the risk check in its detail.)
CREATE TABLE risk_decision (
    payment_order_id     varchar(64)  NOT NULL,
    attempt              integer      NOT NULL,
    rule                 varchar(32)  NOT NULL,
    -- The block that fired; NULL for the amount limit, which is configuration.
    block_id             bigint       REFERENCES risk_block (block_id),
    detail               text         NOT NULL,
    decided_at           timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (payment_order_id, attempt)
);
