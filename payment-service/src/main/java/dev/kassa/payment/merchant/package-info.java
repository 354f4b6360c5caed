/**
 * Merchants and their secret keys (docs/architecture.md §11): created by operators at {@code /admin/merchants},
 * shown once, stored as SHA-256, at most two active per merchant; and the {@code sk_} bearer keys they
 * authenticate as.
 */
package dev.kassa.payment.merchant;
