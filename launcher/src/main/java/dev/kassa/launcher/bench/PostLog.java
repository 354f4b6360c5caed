package dev.kassa.launcher.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to each checkout POST of a run, by checkout number: when it was due (the open-loop schedule),
 * its HTTP status (0 = no answer, -1 = not sent) and how long after it was due the answer came. Plus running
 * counts for the progress line.
 */
final class PostLog {

    static final int NOT_SENT = -1;
    static final int NO_ANSWER = 0;
    /** A 2xx: the checkout, new (202) or resubmitted (200); kassa-client answers both alike. */
    static final int ACCEPTED = 200;
    private static final int FAILURE_EXAMPLES = 5;

    private final long[] dueNanos;
    private final int[] status;
    private final long[] latencyNanos;
    /** Maps System.nanoTime() to the wall clock the databases' timestamps use (same host). */
    private final long anchorNanos = System.nanoTime();
    private final Instant anchorWall = Instant.now();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final AtomicLong attemptsEnded = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final List<String> failureExamples = new ArrayList<>();

    PostLog(int capacity) {
        dueNanos = new long[capacity];
        status = new int[capacity];
        latencyNanos = new long[capacity];
    }

    int capacity() {
        return dueNanos.length;
    }

    void sending(long n, long due) {
        dueNanos[(int) n] = due;
        offered.incrementAndGet();
        inFlight.incrementAndGet();
    }

    void notSent(long n, long due) {
        dueNanos[(int) n] = due;
        status[(int) n] = NOT_SENT;
        offered.incrementAndGet();
        notSent.incrementAndGet();
    }

    void answered(long n, int httpStatus, long answeredNanos, String failure) {
        status[(int) n] = httpStatus;
        latencyNanos[(int) n] = answeredNanos - dueNanos[(int) n];
        inFlight.decrementAndGet();
        if (httpStatus / 100 == 2) {
            succeeded.incrementAndGet();
        } else {
            failed.incrementAndGet();
            synchronized (failureExamples) {
                if (failureExamples.size() < FAILURE_EXAMPLES) {
                    failureExamples.add(failure);
                }
            }
        }
    }

    /** One attempt of a POST got its answer or gave up (a call retried twice ends three). */
    void attemptEnded() {
        attemptsEnded.incrementAndGet();
    }

    boolean accepted(long n) {
        return status[(int) n] / 100 == 2;
    }

    int status(long n) {
        return status[(int) n];
    }

    long latencyNanos(long n) {
        return latencyNanos[(int) n];
    }

    /** When checkout {@code n} was due to be sent, on the wall clock, in microseconds since the epoch. */
    long dueEpochMicros(long n) {
        return toEpochMicros(dueNanos[(int) n]);
    }

    long toEpochMicros(long nanoTime) {
        return anchorWall.getEpochSecond() * 1_000_000 + anchorWall.getNano() / 1_000 + (nanoTime - anchorNanos) / 1_000;
    }

    long offered() {
        return offered.get();
    }

    long succeeded() {
        return succeeded.get();
    }

    long failed() {
        return failed.get();
    }

    long notSent() {
        return notSent.get();
    }

    /** POST attempts beyond the first of each call: those of answered calls, and those of calls still in flight. */
    long retries() {
        return Math.max(0, attemptsEnded.get() - succeeded.get() - failed.get());
    }

    long inFlight() {
        return inFlight.get();
    }

    List<String> failureExamples() {
        synchronized (failureExamples) {
            return List.copyOf(failureExamples);
        }
    }
}
