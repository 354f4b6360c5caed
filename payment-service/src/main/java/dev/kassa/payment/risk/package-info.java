/**
 * The risk check before every charge (docs/architecture.md §14): velocity rules that block a card token, buyer or
 * client address for a while after too many declined charges, amount limits per merchant and currency, and the
 * operators' block list ({@code /admin/risk/blocks}), where a block is also lifted. The executor asks
 * {@link dev.kassa.payment.risk.RiskCheck} before it calls the PSP; {@link dev.kassa.payment.result} reports the
 * declines the velocity rules count.
 */
package dev.kassa.payment.risk;
