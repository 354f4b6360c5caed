package dev.kassa.client;

import java.time.Duration;

/**
 * {@link KassaClient#awaitCheckout} ran out of time before the checkout completed; {@link #lastSeen()} is how it stood.
 */
public class AwaitTimeoutException extends KassaException {

    private final transient Checkout lastSeen;

    public AwaitTimeoutException(String checkoutId, Duration waited, Checkout lastSeen) {
        super("checkout " + checkoutId + " did not complete within " + waited + "; last seen "
                + (lastSeen == null ? "never" : String.valueOf(lastSeen.status())));
        this.lastSeen = lastSeen;
    }

    public Checkout lastSeen() {
        return lastSeen;
    }
}
