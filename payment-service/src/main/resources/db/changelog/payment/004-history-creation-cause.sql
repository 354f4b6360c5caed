--liquibase formatted sql

-- The creation of an order names its own cause: only the checkout API creates orders with a merchant, so an INSERT
-- nobody named is API by merchant:<merchant_id>. The checkout transaction no longer spends a statement (and a pooled
-- connection's time) on set_config before inserting its orders. An INSERT without a merchant (a psql session, rows
-- from before merchants existed) stays SYSTEM.

--changeset payment-service:004-history-creation-cause splitStatements:false
CREATE OR REPLACE FUNCTION payment_order_history_record() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous varchar(16);
    named_cause text := nullif(current_setting('kassa.cause', true), '');
    named_actor text := nullif(current_setting('kassa.actor', true), '');
BEGIN
    IF TG_OP = 'UPDATE' THEN
        previous := OLD.status;
    ELSIF named_cause IS NULL AND NEW.merchant_id IS NOT NULL THEN
        named_cause := 'API';
        named_actor := coalesce(named_actor, 'merchant:' || NEW.merchant_id);
    END IF;
    -- A setting set earlier in the session and since reset reads as '', not NULL: both mean "not named".
    INSERT INTO payment_order_history (payment_order_id, from_status, to_status, attempt, cause, actor, detail)
    VALUES (NEW.payment_order_id, previous, NEW.status, NEW.attempt, coalesce(named_cause, 'SYSTEM'), named_actor,
            nullif(concat_ws('; ', CASE WHEN NEW.status = 'FAILED' THEN NEW.failure_code END,
                             nullif(current_setting('kassa.detail', true), '')), ''));
    RETURN NULL;
END
$$;
