#!/usr/bin/env bash
# Runs once the broker is up, at every `docker compose up`: each service's SCRAM password (from
# KASSA_KAFKA_<SERVICE>_PASSWORD; a changed one replaces the old), their ACLs (acls.sh, generated from KafkaAccess) and
# the main topics, created as the operator would (docs/architecture.md §11.2).
set -euo pipefail
: "${KASSA_KAFKA_ADMIN_PASSWORD:?set KASSA_KAFKA_ADMIN_PASSWORD}"
bootstrap=kafka:9092
admin=/tmp/admin.properties
umask 077
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="kassa-admin" password="$KASSA_KAFKA_ADMIN_PASSWORD";
PROPERTIES
for service in payment wallet ledger reconciliation; do
  variable="KASSA_KAFKA_${service^^}_PASSWORD"
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --add-config "SCRAM-SHA-512=[password=${!variable:?set $variable}]" --entity-type users --entity-name "$service-service" > /dev/null
done
"$(dirname "$0")/acls.sh" "$bootstrap" "$admin"
for topic in payment.psp-requests payment.results wallet.events ledger.events reconciliation.discrepancies; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
    --topic "$topic" --partitions "${KASSA_MESSAGING_TOPIC_PARTITIONS:-12}" --replication-factor 1 > /dev/null
done
echo "Kafka principals, ACLs and topics are set up"
