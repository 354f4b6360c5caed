#!/usr/bin/env bash
# GENERATED from dev.kassa.schemas.access.KafkaAccess (its test keeps this file equal): the ACLs of each
# service's Kafka principal, docs/architecture.md §11.2. Usage: acls.sh <bootstrap> <admin.properties>
set -euo pipefail
acl() { /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$1" --command-config "$2" --add "${@:3}" > /dev/null; }
acl "$1" "$2" --allow-principal User:payment-service --operation Write --operation Create --operation Alter --operation Describe --operation Read --topic payment.psp-requests --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:payment-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic payment.psp-requests.payment-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:payment-service --operation Write --operation Create --operation Alter --operation Describe --topic payment.results --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:payment-service --operation Read --operation Describe --topic wallet.events --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:payment-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic wallet.events.payment-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:payment-service --operation Read --operation Describe --topic ledger.events --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:payment-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic ledger.events.payment-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:payment-service --operation Read --operation Describe --topic reconciliation.discrepancies --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:payment-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic reconciliation.discrepancies.payment-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:payment-service --operation Read --operation Describe --group payment-service --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:wallet-service --operation Read --operation Describe --topic payment.results --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:wallet-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic payment.results.wallet-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:wallet-service --operation Write --operation Create --operation Alter --operation Describe --topic wallet.events --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:wallet-service --operation Read --operation Describe --group wallet-service --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:ledger-service --operation Read --operation Describe --topic payment.results --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:ledger-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic payment.results.ledger-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:ledger-service --operation Write --operation Create --operation Alter --operation Describe --topic ledger.events --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:ledger-service --operation Read --operation Describe --group ledger-service --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:reconciliation-service --operation Read --operation Describe --topic payment.results --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:reconciliation-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic payment.results.reconciliation-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:reconciliation-service --operation Read --operation Describe --topic wallet.events --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:reconciliation-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic wallet.events.reconciliation-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:reconciliation-service --operation Read --operation Describe --topic ledger.events --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:reconciliation-service --operation Read --operation Write --operation Create --operation Alter --operation Describe --topic ledger.events.reconciliation-service. --resource-pattern-type prefixed
acl "$1" "$2" --allow-principal User:reconciliation-service --operation Write --operation Create --operation Alter --operation Describe --topic reconciliation.discrepancies --resource-pattern-type literal
acl "$1" "$2" --allow-principal User:reconciliation-service --operation Read --operation Describe --group reconciliation-service --resource-pattern-type prefixed
