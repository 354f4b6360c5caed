--liquibase formatted sql

--changeset psp:008-dispute
-- Stripe's Dispute (#disputes): one per charge at most, opened by a dispute test card or an operator, closed won or
-- lost. Every change after its insert is a guarded UPDATE (the status it leaves in the WHERE). Submitted evidence that
-- decides the dispute (Stripe's winning_evidence / losing_evidence) closes it at decide_at, as tok_async resolves.
create table dispute (
    id                text primary key,
    payment_intent_id text        not null references payment_intent (id),
    amount            bigint      not null check (amount > 0),
    currency          char(3)     not null,
    reason            text        not null,
    status            text        not null check (status in ('needs_response', 'under_review', 'won', 'lost')),
    -- the evidence fields given so far (Stripe's names), staged or submitted
    evidence          jsonb       not null,
    metadata          jsonb       not null,
    due_by            timestamptz not null,
    submission_count  int         not null default 0 check (submission_count >= 0),
    created_at        timestamptz not null,
    decide_at         timestamptz,
    decides_to        text check (decides_to in ('won', 'lost')),
    constraint decision_has_time check ((decide_at is null) = (decides_to is null)),
    constraint decision_only_under_review check (decides_to is null or status = 'under_review')
);
create unique index one_dispute_per_payment_intent on dispute (payment_intent_id);
create index dispute_due on dispute (decide_at) where decides_to is not null;

--changeset psp:008-dispute-balance-transactions
-- A dispute moves money twice at most: the disputed amount withdrawn with the dispute fee (type dispute), and, when
-- won, the amount reinstated (type dispute_reversal). The type column holds Stripe's reporting_category; the API shows
-- both as Stripe's type adjustment. The new column is nullable without a default, so adding it rewrites nothing; the
-- widened checks are validated once, by one scan of the table.
alter table balance_transaction add column dispute_id text;
alter table balance_transaction drop constraint balance_transaction_type_check;
alter table balance_transaction add constraint balance_transaction_type_check
    check (type in ('charge', 'refund', 'dispute', 'dispute_reversal'));
alter table balance_transaction drop constraint sign_follows_type;
alter table balance_transaction add constraint sign_follows_type check (
       (type = 'charge' and amount > 0 and refund_id is null and dispute_id is null)
    or (type = 'refund' and amount < 0 and refund_id is not null and dispute_id is null)
    or (type = 'dispute' and amount < 0 and refund_id is null and dispute_id is not null)
    or (type = 'dispute_reversal' and amount > 0 and refund_id is null and dispute_id is not null));
-- At most one withdrawal and one reversal per dispute; also how a dispute's transactions are found.
create unique index one_entry_per_dispute_and_type on balance_transaction (dispute_id, type) where dispute_id is not null;
-- A dispute's rows may be dropped or changed in a settlement file like any other.
alter table settlement_discrepancy drop constraint settlement_discrepancy_type_check;
alter table settlement_discrepancy add constraint settlement_discrepancy_type_check
    check (type in ('charge', 'refund', 'dispute', 'dispute_reversal'));
