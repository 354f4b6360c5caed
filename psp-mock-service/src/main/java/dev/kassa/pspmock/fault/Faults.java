package dev.kassa.pspmock.fault;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.random.RandomSource;
import org.springframework.stereotype.Component;

/** The fault settings in force (per instance, in memory) and the dice that apply them. */
@Component
public class Faults {

    private final FaultSettings atStartup;
    private final AtomicReference<FaultSettings> current;
    private final RandomSource random;

    Faults(FaultSettings atStartup, RandomSource random) {
        this.atStartup = atStartup;
        this.current = new AtomicReference<>(atStartup);
        this.random = random;
    }

    public FaultSettings current() {
        return current.get();
    }

    FaultSettings change(JsonRequest changes) {
        FaultSettings changed = current.get().with(changes);
        current.set(changed);
        return changed;
    }

    FaultSettings reset() {
        current.set(atStartup);
        return atStartup;
    }

    boolean serverError() {
        return random.chance(current.get().serverErrorRate());
    }

    boolean unavailable() {
        return random.chance(current.get().unavailableRate());
    }

    public boolean responseLost() {
        return random.chance(current.get().responseLostRate());
    }

    public boolean duplicateWebhook() {
        return random.chance(current.get().duplicateWebhookRate());
    }

    public Duration webhookDelay() {
        return Duration.ofMillis(current.get().webhookDelayMs());
    }

    public boolean webhookReorder() {
        return current.get().webhookReorder();
    }

    public boolean webhookOutage() {
        return current.get().webhookOutage();
    }

    public Duration latency() {
        return Duration.ofMillis(current.get().latencyMs());
    }

    /** Sleeps for the configured latency. Request threads are virtual, so a slow PSP costs no platform thread. */
    public void applyLatency() {
        long millis = current.get().latencyMs();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
