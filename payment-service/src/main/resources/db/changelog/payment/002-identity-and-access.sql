--liquibase formatted sql

--changeset payment-service:002-merchant
-- Merchants, created by operators (POST /admin/merchants). version: the row is read, changed in Java and saved
-- back (Spring Data JDBC @Version); creating a key moves it, so two creations at once cannot both pass the
-- two-active-keys rule.
CREATE TABLE merchant (
    merchant_id          varchar(64)  PRIMARY KEY CHECK (merchant_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    name                 varchar(200) NOT NULL,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    created_by           varchar(200) NOT NULL,
    version              bigint       NOT NULL DEFAULT 0
);

--changeset payment-service:002-merchant-api-key
-- A merchant's secret keys: only the SHA-256 of a key is stored (a random 190-bit key needs no slow hash), with
-- the prefix that may be shown (sk_live_AbCd). Every merchant request looks its key up by key_sha256: varchar,
-- not char, so that the driver's text parameter uses the unique index. last_used_at is written at most once a
-- minute per key and instance, without moving the version.
CREATE TABLE merchant_api_key (
    key_id               varchar(64)  PRIMARY KEY,
    merchant_id          varchar(64)  NOT NULL REFERENCES merchant (merchant_id),
    key_sha256           varchar(64)  NOT NULL UNIQUE CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
    prefix               varchar(64)  NOT NULL,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    created_by           varchar(200) NOT NULL,
    last_used_at         timestamptz,
    revoked_at           timestamptz,
    revoked_by           varchar(200),
    version              bigint       NOT NULL DEFAULT 0,
    CONSTRAINT merchant_api_key_revoked_by_whom CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX merchant_api_key_merchant_idx ON merchant_api_key (merchant_id, created_at);

--changeset payment-service:002-ownership
-- The merchant whose key created a checkout, on the checkout and each of its orders (so that reading or changing
-- one order needs no join). NULL for rows from before merchants existed: operators see those, no merchant does.
-- No foreign key: it would make every checkout insert lock the merchant's row (FOR KEY SHARE), and all of one
-- merchant's concurrent checkouts would share that lock; the id comes from an authenticated key, whose own row
-- references the merchant.
ALTER TABLE checkout ADD COLUMN merchant_id varchar(64);
ALTER TABLE payment_order ADD COLUMN merchant_id varchar(64);

--changeset payment-service:002-audit-event
-- Who changed what (docs/architecture.md §11), inserted in the transaction of the change: checkouts, refunds,
-- retries, merchants, keys. Only ever inserted.
CREATE TABLE audit_event (
    id                   bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at          timestamptz  NOT NULL DEFAULT now(),
    -- merchant:<id>, operator:<name> or system:<job>
    actor                varchar(200) NOT NULL,
    -- the key prefix or JWT id that authenticated the request
    credential           varchar(200),
    client_address       varchar(64),
    request_id           varchar(64),
    action               varchar(32)  NOT NULL,
    target_type          varchar(32)  NOT NULL,
    target_id            varchar(64)  NOT NULL,
    -- the merchant whose object changed, also when an operator acted on its behalf
    merchant_id          varchar(64),
    detail               varchar(500)
);
CREATE INDEX audit_event_target_idx ON audit_event (target_id, id);
