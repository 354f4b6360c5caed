package dev.kassa.reconciliation.run;

/** What started a run. */
public enum RunTrigger {
    SCHEDULE,
    API
}
