package dev.kassa.pspmock.intent;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The success probability of unknown payment methods in force (per instance; starts from the property). */
@Component
class OutcomeSettings {

    private final double atStartup;
    private final AtomicReference<Double> successProbability;

    OutcomeSettings(OutcomeProperties properties) {
        this.atStartup = properties.successProbability();
        this.successProbability = new AtomicReference<>(atStartup);
    }

    double successProbability() {
        return successProbability.get();
    }

    void successProbability(double probability) {
        successProbability.set(probability);
    }

    void reset() {
        successProbability.set(atStartup);
    }
}
