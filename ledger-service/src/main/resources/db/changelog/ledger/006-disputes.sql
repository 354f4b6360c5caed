--liquibase formatted sql

-- Disputes reach the books (docs/architecture.md §15): the platform's expense account dispute_fees, and one journal
-- entry per dispute for its withdrawn funds and at most one for its reinstated funds, as a refund has one per refund
-- id.

--changeset ledger:050-chart-of-accounts
-- Every account is one of the chart's three forms with the type of that form, whoever inserts it. The id format of
-- 001 stays; this adds what each id means. (LIKE would read the underscores of 'seller_payable:' as wildcards.)
ALTER TABLE account DROP CONSTRAINT account_type_known;
ALTER TABLE account ADD CONSTRAINT account_type_known CHECK (type IN ('ASSET', 'LIABILITY', 'EXPENSE'));
ALTER TABLE account ADD CONSTRAINT account_in_chart CHECK (
       (id = 'psp_receivable' AND type = 'ASSET')
    OR (id = 'dispute_fees' AND type = 'EXPENSE')
    OR (starts_with(id, 'seller_payable:') AND type = 'LIABILITY'));
COMMENT ON TABLE account IS 'Chart of accounts: psp_receivable (ASSET), dispute_fees (EXPENSE) and seller_payable:<seller> (LIABILITY).';
-- The platform's one expense account exists from the start, so no two postings ever race to create it.
INSERT INTO account (id, type) VALUES ('dispute_fees', 'EXPENSE') ON CONFLICT (id) DO NOTHING;

--changeset ledger:051-dispute-entries
-- A dispute's entries name their dispute, and only theirs do (as a refund's name its refund).
ALTER TABLE journal_entry ADD COLUMN dispute_id text CHECK (length(dispute_id) BETWEEN 1 AND 128);
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_kind_check;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_kind_check
    CHECK (kind IN ('PAYMENT', 'REFUND', 'DISPUTE_FUNDS_WITHDRAWN', 'DISPUTE_FUNDS_REINSTATED'));
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_dispute_id_iff_dispute
    CHECK ((kind IN ('DISPUTE_FUNDS_WITHDRAWN', 'DISPUTE_FUNDS_REINSTATED')) = (dispute_id IS NOT NULL));
-- The business key gains the dispute id; the service's INSERT ... ON CONFLICT ON CONSTRAINT names it, so it keeps
-- its name. NULLS NOT DISTINCT: (order, PAYMENT, NULL, NULL) stays unique.
ALTER TABLE journal_entry DROP CONSTRAINT journal_entry_one_per_business_key;
ALTER TABLE journal_entry ADD CONSTRAINT journal_entry_one_per_business_key
    UNIQUE NULLS NOT DISTINCT (payment_order_id, kind, refund_id, dispute_id);
-- One withdrawal and one reinstatement per dispute, whatever payment order a record names; partial, so that
-- payments and refunds (the hot path) do not maintain it. Also the service's lookup of a dispute's entries.
CREATE UNIQUE INDEX journal_entry_one_per_dispute ON journal_entry (dispute_id, kind) WHERE dispute_id IS NOT NULL;
COMMENT ON TABLE journal_entry IS 'One balanced journal entry per (payment order, kind, refund id, dispute id) and per (dispute id, kind); never updated or deleted.';

--changeset ledger:052-psp-receivable-balance-first splitStatements:false
-- psp_receivable's balance rows are taken first, then the others in (account, currency) order. Every entry moves
-- psp_receivable in its currency, so a transaction waiting for that row holds no other balance row of the currency.
-- Plain key order stopped guaranteeing that once dispute_fees (sorting before psp_receivable) came: a consumer batch
-- holding psp_receivable from an earlier statement and waiting for dispute_fees, and a lone dispute holding
-- dispute_fees and waiting for psp_receivable, would deadlock. As 005 set it: the owner's rights, a fixed search_path
-- (CREATE OR REPLACE resets whatever it does not say).
CREATE OR REPLACE FUNCTION account_balance_apply_lines() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO account_balance AS b (account_id, currency, debits_minor, credits_minor, line_count)
    SELECT n.account_id, n.currency,
           coalesce(sum(n.amount_minor) FILTER (WHERE n.side = 'DEBIT'), 0),
           coalesce(sum(n.amount_minor) FILTER (WHERE n.side = 'CREDIT'), 0),
           count(*)
    FROM new_lines n
    GROUP BY n.account_id, n.currency
    ORDER BY n.account_id <> 'psp_receivable', n.account_id, n.currency
    ON CONFLICT (account_id, currency) DO UPDATE
        SET debits_minor  = b.debits_minor + excluded.debits_minor,
            credits_minor = b.credits_minor + excluded.credits_minor,
            line_count    = b.line_count + excluded.line_count;
    RETURN NULL;
END
$$;
