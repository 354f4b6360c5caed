--liquibase formatted sql

-- docs/architecture.md §11: every payment order keeps its history of state changes with their cause. Written by
-- triggers, so no code path can forget it and a set-based UPDATE of a whole wave writes one row per order with no
-- extra round trip. The cause, actor and detail are transaction-local settings that the Java code names once per
-- transaction (dev.kassa.payment.order.ChangeCause): set_config('kassa.cause', …, true), and 'kassa.actor',
-- 'kassa.detail'. Without them the cause is SYSTEM (a psql session, a code path nobody named).

--changeset payment-service:003-payment-order-history
-- Append-only. No foreign key to payment_order: only the triggers below write here, from a payment_order row, and a
-- key check per row would cost the executor's waves a lookup and a row lock each. The primary key is the one index
-- both for uniqueness and for reading one order's history in order; id alone is never looked up.
CREATE TABLE payment_order_history (
    id                   bigserial    NOT NULL,
    payment_order_id     varchar(64)  NOT NULL,
    occurred_at          timestamptz  NOT NULL DEFAULT clock_timestamp(),
    -- NULL for the creation of the order.
    from_status          varchar(16),
    to_status            varchar(16)  NOT NULL,
    -- The order's attempt after the change: the PSP Idempotency-Key is <payment_order_id>:<attempt>.
    attempt              integer      NOT NULL,
    -- API, OPERATOR, EXECUTOR, PSP_ANSWER, WEBHOOK, JANITOR or SYSTEM (ChangeCause.Cause); text, not a check
    -- constraint, so that an operator's manual fix can name itself and still be recorded.
    cause                text         NOT NULL,
    -- merchant:<id> or operator:<name> for a change an API call made; NULL for the service's own.
    actor                text,
    -- The PSP's failure code of a FAILED change, and what the transaction named (a webhook's event id).
    detail               text,
    CONSTRAINT payment_order_history_pkey PRIMARY KEY (payment_order_id, id)
);

--changeset payment-service:003-payment-order-history-trigger splitStatements:false
CREATE FUNCTION payment_order_history_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous varchar(16);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        previous := OLD.status;
    END IF;
    -- A setting set earlier in the session and since reset reads as '', not NULL: both mean "not named".
    INSERT INTO payment_order_history (payment_order_id, from_status, to_status, attempt, cause, actor, detail)
    VALUES (NEW.payment_order_id, previous, NEW.status, NEW.attempt,
            coalesce(nullif(current_setting('kassa.cause', true), ''), 'SYSTEM'),
            nullif(current_setting('kassa.actor', true), ''),
            nullif(concat_ws('; ', CASE WHEN NEW.status = 'FAILED' THEN NEW.failure_code END,
                             nullif(current_setting('kassa.detail', true), '')), ''));
    RETURN NULL;
END
$$;

-- Two triggers, because an INSERT trigger's WHEN may not mention OLD. UPDATE OF status: the confirmations' flag
-- updates and the refunds' amounts never set status, so they do not even evaluate the condition.
CREATE TRIGGER payment_order_history_created AFTER INSERT ON payment_order
    FOR EACH ROW EXECUTE FUNCTION payment_order_history_record();
CREATE TRIGGER payment_order_history_status_changed AFTER UPDATE OF status ON payment_order
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION payment_order_history_record();
