/**
 * The risk check's blocks (payment-service's {@code /admin/risk/blocks}): the list, one block with its audit trail, and
 * the operator's actions on them (add to the block list, lift).
 */
package dev.kassa.console.risk;
