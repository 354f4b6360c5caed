--liquibase formatted sql

--changeset ledger:060-balance-check-planned-once
-- The commit-time balance check (020) reads a range of entries given as parameters. PostgreSQL's custom plan for a
-- known range always looked cheaper than the generic one, so every check planned its query afresh: 0.9 ms of
-- planning for 0.2 ms of execution, once per consumer batch. The generic plan is the same index range scans, so it
-- is kept and reused by each session.
ALTER FUNCTION journal_entries_assert_balanced() SET plan_cache_mode = force_generic_plan;
