package dev.kassa.payment.psp;

/** The circuit breaker refused the call: it never reached the PSP, so it says nothing new about the PSP's load. */
public class PspCircuitOpenException extends PspUnavailableException {

    public PspCircuitOpenException(Throwable cause) {
        super("PSP circuit breaker is open: failing fast", cause);
    }
}
