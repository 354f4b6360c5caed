package dev.kassa.reconciliation.settlement;

/**
 * The settlement file as a whole could not be used (PSP unreachable or refusing, wrong header): the run
 * fails and the previous report of the day is kept. Single bad rows never cause this.
 */
public class SettlementFileException extends RuntimeException {

    public SettlementFileException(String message) {
        super(message);
    }

    public SettlementFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
