--liquibase formatted sql

--changeset psp:007-balance-transaction-pages
-- GET /v1/balance_transactions lists newest first by (created, id), created in whole seconds as Stripe shows it,
-- and pages on from a (created, id) position: one ordered range scan of this index per page. The BRIN index
-- stays for the settlement file's day ranges; this B-tree is the cost of pages that do not sort a whole range.
create index balance_transaction_page_order
    on balance_transaction (date_trunc('second', created_at at time zone 'UTC'), id);
-- The list shows the settlement file's discrepancies: a row's drop or changed amount is found by its id, and the
-- added rows are a second ordered range merged into the page.
create index settlement_discrepancy_by_row on settlement_discrepancy (balance_transaction_id);
create index settlement_discrepancy_added_page_order
    on settlement_discrepancy (date_trunc('second', created_at at time zone 'UTC'), balance_transaction_id)
    where kind = 'add_row';
