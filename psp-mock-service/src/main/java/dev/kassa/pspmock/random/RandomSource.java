package dev.kassa.pspmock.random;

/**
 * The single source of randomness behind outcomes and faults, injectable so that runs can be reproduced
 * (set {@code psp.random.seed}) and tests deterministic (they set probabilities to 0 or 1).
 */
public interface RandomSource {

    /** A uniformly distributed value in [0, 1). */
    double nextDouble();

    /** True with the given probability; 0 is never and 1 is always, without drawing a value. */
    default boolean chance(double probability) {
        if (probability <= 0) {
            return false;
        }
        if (probability >= 1) {
            return true;
        }
        return nextDouble() < probability;
    }
}
