/** One reconciliation run, nightly or on demand: window, matching and its bookkeeping. */
package dev.kassa.reconciliation.run;
