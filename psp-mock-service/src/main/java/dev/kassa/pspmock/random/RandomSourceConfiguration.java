package dev.kassa.pspmock.random;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RandomSourceConfiguration {

    /**
     * With {@code psp.random.seed} set, one seeded generator makes a run reproducible (given the same request
     * order); without it, the lock-free thread-local generator keeps the hot path uncontended.
     */
    @Bean
    RandomSource randomSource(@Value("${psp.random.seed:#{null}}") Long seed) {
        if (seed == null) {
            return () -> ThreadLocalRandom.current().nextDouble();
        }
        Random seeded = new Random(seed);
        return seeded::nextDouble;
    }
}
