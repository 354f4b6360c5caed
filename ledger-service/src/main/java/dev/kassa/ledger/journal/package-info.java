/** Journal entries and lines and the repository that appends them. */
package dev.kassa.ledger.journal;
