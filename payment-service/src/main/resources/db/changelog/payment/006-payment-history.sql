--liquibase formatted sql

--changeset payment-service:006-checkout-history-index runInTransaction:false
-- GET /api/v1/payments lists a merchant's checkouts newest first, a page at a time after (created_at, checkout_id):
-- one index range scan per page, whatever else the filters narrow by. CONCURRENTLY: a deployment's checkout table
-- keeps taking checkouts while the index is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS checkout_merchant_created_idx
    ON checkout (merchant_id, created_at DESC, checkout_id DESC);
