/** The trial balance: debits and credits of every account per currency, which must agree. */
package dev.kassa.ledger.trialbalance;
