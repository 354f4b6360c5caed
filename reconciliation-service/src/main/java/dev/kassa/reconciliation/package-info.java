/** reconciliation-service: compares its projection of the platform's events with the PSP's settlement file. */
package dev.kassa.reconciliation;
