/** ledger-service: the immutable double-entry ledger (docs/architecture.md §7). */
package dev.kassa.ledger;
