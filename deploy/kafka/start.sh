#!/usr/bin/env bash
# docker-compose's broker (apache/kafka image): KRaft, one node, clients must log in with SASL/SCRAM-SHA-512 and the
# authorizer denies what no ACL allows, as local-stack's broker does (docs/architecture.md §11.2). The super user's
# password comes from KASSA_KAFKA_ADMIN_PASSWORD; it is written into the metadata log when the volume is formatted.
set -euo pipefail
: "${KASSA_KAFKA_ADMIN_PASSWORD:?set KASSA_KAFKA_ADMIN_PASSWORD}"
admin=kassa-admin
config=/tmp/kassa/server.properties
mkdir -p /tmp/kassa && chmod 700 /tmp/kassa
cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
controller.listener.names=CONTROLLER
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$admin" password="$KASSA_KAFKA_ADMIN_PASSWORD";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$admin" password="$KASSA_KAFKA_ADMIN_PASSWORD" user_$admin="$KASSA_KAFKA_ADMIN_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:$admin
log.dirs=/var/lib/kafka/data
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
metadata.max.idle.interval.ms=5000
PROPERTIES
cat > /tmp/kassa/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$admin" password="$KASSA_KAFKA_ADMIN_PASSWORD";
PROPERTIES
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --config "$config" \
  --cluster-id "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" \
  --add-scram "SCRAM-SHA-512=[name=$admin,password=$KASSA_KAFKA_ADMIN_PASSWORD]"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
