package dev.kassa.payment.psp;

/**
 * The PSP limits our rate: 429, as Stripe's rate and concurrency limiters answer. The call is retried later with the
 * same key like any {@link PspRetryableException}, and the executor's limiter sends fewer calls at once; it does not
 * count against the circuit breaker, which is for a PSP that does not answer: a PSP that says "slower" is up.
 */
public class PspOverloadedException extends PspRetryableException {

    public PspOverloadedException(String message) {
        super(message);
    }
}
