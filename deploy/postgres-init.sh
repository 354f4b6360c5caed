#!/bin/sh
# Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d), as POSTGRES_USER.
# One database per service (each owns its own and never reads another's), owned by <db>_owner: the role Liquibase
# runs as. <db>_app is the service's runtime role: it owns nothing, may connect to its own database only, and gets
# its table privileges from the last changeset of the service's changelog (docs/architecture.md, "Database
# principals"). Passwords come from the environment (KASSA_<DB>_OWNER_PASSWORD, KASSA_<DB>_APP_PASSWORD); the
# default 'kassa' is the repository's public local secret, which services accept in the 'local' profile only.
set -eu

for db in payment psp wallet ledger reconciliation; do
    upper=$(echo "$db" | tr '[:lower:]' '[:upper:]')
    eval "owner_password=\${KASSA_${upper}_OWNER_PASSWORD:-kassa}"
    eval "app_password=\${KASSA_${upper}_APP_PASSWORD:-kassa}"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v db="$db" -v owner="${db}_owner" -v app="${db}_app" \
        -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app";
SQL
done
