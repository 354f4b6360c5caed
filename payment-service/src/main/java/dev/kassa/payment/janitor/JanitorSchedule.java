package dev.kassa.payment.janitor;

import dev.kassa.payment.PaymentProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the janitor every {@code kassa.payment.janitor.interval} (off with {@code kassa.payment.janitor.enabled=false}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kassa.payment.janitor.enabled", havingValue = "true", matchIfMissing = true)
class JanitorSchedule implements SchedulingConfigurer {

    private final Janitor janitor;
    private final PaymentProperties properties;

    public JanitorSchedule(Janitor janitor, PaymentProperties properties) {
        this.janitor = janitor;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(janitor::runOnce, properties.janitor().interval());
    }
}
