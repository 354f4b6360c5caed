package dev.kassa.pspmock.webhook;

import java.time.Duration;

/** Exponential backoff between delivery attempts: initial, initial x m, initial x m^2, ... capped. */
record BackoffPolicy(Duration initial, double multiplier, Duration max) {

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration after(int failedAttempts) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
