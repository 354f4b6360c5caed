-- One database per service (each service owns its own and never reads another's).
CREATE DATABASE payment OWNER kassa;
CREATE DATABASE psp OWNER kassa;
CREATE DATABASE wallet OWNER kassa;
CREATE DATABASE ledger OWNER kassa;
CREATE DATABASE reconciliation OWNER kassa;
