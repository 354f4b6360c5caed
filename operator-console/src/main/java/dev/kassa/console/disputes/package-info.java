/**
 * Disputes (chargebacks) of payments (payment-service's {@code /api/v1/disputes}): the list, one dispute with its audit
 * trail, and the operator's answers on a merchant's behalf (submit evidence, accept).
 */
package dev.kassa.console.disputes;
