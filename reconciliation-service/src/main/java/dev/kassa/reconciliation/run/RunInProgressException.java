package dev.kassa.reconciliation.run;

import java.time.LocalDate;

/** Another run of the same date holds it; only one run per date at a time. */
public class RunInProgressException extends RuntimeException {

    private final LocalDate date;

    public RunInProgressException(LocalDate date) {
        super("A reconciliation of " + date + " is already running");
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
