--liquibase formatted sql

--changeset wallet:004-wallet-balance-merchant
-- The merchant the seller belongs to (payment-service's rule: the first merchant that pays it), from
-- PaymentOrderSucceeded v2. Set by the first credit that names one and never changed; null for balances booked
-- before merchants existed, which only operators can read. A merchant reads only the wallets recording it.
ALTER TABLE wallet_balance ADD COLUMN merchant_id VARCHAR(64);
