--liquibase formatted sql

-- docs/architecture.md §15: what the PSP did with a dispute's money, as its webhooks' balance transactions show it.
-- Each fact is set once by a guarded UPDATE (... WHERE funds_withdrawn_at IS NULL), in the webhook's transaction with
-- its DisputeFundsWithdrawn / DisputeFundsReinstated outbox row, so a duplicated or reordered webhook publishes nothing
-- twice.

--changeset payment-service:010-dispute-funds
-- The withdrawal: when it was recorded, the dispute fee the PSP charged with it, and who bears that fee
-- (kassa.disputes.fee-bearer when it was recorded; both records carry it, so wallet and ledger never disagree).
ALTER TABLE dispute ADD COLUMN funds_withdrawn_at  timestamptz;
ALTER TABLE dispute ADD COLUMN withdrawn_fee_minor bigint CHECK (withdrawn_fee_minor >= 0);
ALTER TABLE dispute ADD COLUMN fee_bearer          varchar(8) CHECK (fee_bearer IN ('PLATFORM', 'SELLER'));
-- The reinstatement of a won dispute: when, and how much of the fee the PSP gave back (0 when it keeps it).
ALTER TABLE dispute ADD COLUMN funds_reinstated_at timestamptz;
ALTER TABLE dispute ADD COLUMN fee_returned_minor  bigint CHECK (fee_returned_minor >= 0);
ALTER TABLE dispute ADD CONSTRAINT dispute_withdrawal_whole
    CHECK ((funds_withdrawn_at IS NULL) = (withdrawn_fee_minor IS NULL)
           AND (funds_withdrawn_at IS NULL) = (fee_bearer IS NULL));
-- Money comes back only to a won dispute whose money went: never to a lost or accepted one, never before the withdrawal.
ALTER TABLE dispute ADD CONSTRAINT dispute_reinstatement_after_withdrawal
    CHECK ((funds_reinstated_at IS NULL) = (fee_returned_minor IS NULL)
           AND (funds_reinstated_at IS NULL OR (funds_withdrawn_at IS NOT NULL AND status = 'WON')));

--changeset payment-service:010-dispute-booked
-- wallet-service's and ledger-service's confirmations (WalletDebited / WalletCredited naming the dispute,
-- LedgerTransactionRecorded of the DISPUTE_ kinds): each flag set once; they confirm no payment or refund.
ALTER TABLE dispute ADD COLUMN withdrawal_wallet_booked    boolean NOT NULL DEFAULT false;
ALTER TABLE dispute ADD COLUMN withdrawal_ledger_booked    boolean NOT NULL DEFAULT false;
ALTER TABLE dispute ADD COLUMN reinstatement_wallet_booked boolean NOT NULL DEFAULT false;
ALTER TABLE dispute ADD COLUMN reinstatement_ledger_booked boolean NOT NULL DEFAULT false;
