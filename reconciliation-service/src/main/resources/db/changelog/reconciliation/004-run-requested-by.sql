--liquibase formatted sql

--changeset reconciliation:004-run-requested-by
-- Who started the report's latest run (docs/architecture.md §11, audit): the actor (operator:<name> for the API,
-- system:scheduler for the nightly job), the credential that authenticated it (a key's visible prefix or a JWT
-- id), the client address and the request id (X-Request-Id) of the call. Replaced with the rest of the row by
-- each rerun. NULL on reports whose latest run started before this was recorded.
ALTER TABLE reconciliation_report
    ADD COLUMN requested_by_actor          text,
    ADD COLUMN requested_by_credential     text,
    ADD COLUMN requested_by_client_address text,
    ADD COLUMN requested_by_request_id     text;
