/** The PSP's settlement file: fetched, read within bounds and staged row by row. */
package dev.kassa.reconciliation.settlement;
