/** The read API of journal entries, filtered and paged by cursor. */
package dev.kassa.ledger.entries;
