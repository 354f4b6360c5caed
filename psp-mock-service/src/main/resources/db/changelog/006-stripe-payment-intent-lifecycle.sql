--liquibase formatted sql

--changeset psp:006-stripe-payment-intent-lifecycle
-- Stripe's PaymentIntent lifecycle (#17): an intent created without confirm waits in requires_confirmation (or
-- requires_payment_method without one) and may be canceled. New columns are nullable without a default, so adding
-- them rewrites nothing and the charge's insert stays as it was.
alter table payment_intent drop constraint payment_intent_status_check;
alter table payment_intent add constraint payment_intent_status_check check (status in
    ('requires_payment_method', 'requires_confirmation', 'processing', 'succeeded', 'canceled'));
alter table payment_intent alter column payment_method drop not null;
alter table payment_intent add column canceled_at timestamptz;
alter table payment_intent add column cancellation_reason text;
-- Why the merchant refunded (Stripe's refund.reason: duplicate, fraudulent, requested_by_customer).
alter table refund add column reason text;
