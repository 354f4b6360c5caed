--liquibase formatted sql

--changeset ledger:030-seller-merchant splitStatements:false
-- The merchant each seller belongs to (payment-service's rule: the first merchant that pays it), from
-- PaymentOrderSucceeded v2: recorded by the first posting that names one, never changed. A merchant reads only the
-- seller_payable accounts of its sellers; a seller without a row here (booked before merchants) only operators.
-- A table of its own rather than a column of account: accounts are append-only, and a seller first booked without
-- a merchant can still be given one.
CREATE TABLE seller_merchant (
    seller_id   text        PRIMARY KEY,
    merchant_id text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER seller_merchant_append_only BEFORE UPDATE OR DELETE ON seller_merchant
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER seller_merchant_no_truncate BEFORE TRUNCATE ON seller_merchant
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
