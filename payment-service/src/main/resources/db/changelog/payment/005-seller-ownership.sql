--liquibase formatted sql

-- A seller belongs to one merchant: the first merchant whose checkout names it. Wallet and ledger let that merchant
-- (and operators) read the seller's balances, so two merchants must not share one seller account.

--changeset payment-service:005-seller-ownership
CREATE TABLE seller (
    seller_account varchar(64) PRIMARY KEY,
    merchant_id    varchar(64) NOT NULL REFERENCES merchant (merchant_id),
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Sellers already paid through a merchant's checkout belong to the first such merchant.
INSERT INTO seller (seller_account, merchant_id, created_at)
SELECT DISTINCT ON (seller_account) seller_account, merchant_id, created_at
FROM payment_order
WHERE merchant_id IS NOT NULL
ORDER BY seller_account, created_at;
