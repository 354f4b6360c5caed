--liquibase formatted sql

--changeset payment-service:007-payment-order-history-time-index runInTransaction:false
-- GET /admin/payments/activity reads the last minutes of history by occurred_at. BRIN, not B-tree: the table is
-- append-only and written in time order, so each range of blocks has a tight min/max of occurred_at; the index is a
-- few pages for millions of rows and nearly free to maintain on the triggers' write path (a summary per range of
-- blocks, no entry per row). autosummarize: a range is summarized once it fills, not only at the next vacuum.
-- CONCURRENTLY: the triggers keep writing history while the index is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS payment_order_history_occurred_at_brin
    ON payment_order_history USING brin (occurred_at) WITH (autosummarize = on);
