/**
 * The audit trail of payment-service (docs/architecture.md §11): who changed what, with which credential, from
 * where and in which request, written in the transaction of the change; read by operators at {@code /admin/audit}.
 */
package dev.kassa.payment.audit;
