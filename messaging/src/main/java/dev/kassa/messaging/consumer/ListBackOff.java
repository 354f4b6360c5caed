package dev.kassa.messaging.consumer;

import java.time.Duration;
import java.util.List;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/** Exactly the listed delays, then stop (one retry topic per delay, or per distinct delay: see ConsumerTopics). */
record ListBackOff(List<Duration> delays) implements BackOff {

    @Override
    public BackOffExecution start() {
        return new BackOffExecution() {
            private int next;

            @Override
            public long nextBackOff() {
                return next < delays.size() ? delays.get(next++).toMillis() : STOP;
            }
        };
    }
}
