package dev.kassa.messaging.outbox;

import dev.kassa.messaging.config.MessagingAutoConfiguration;
import dev.kassa.messaging.config.KafkaAccessDenials;
import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.config.RawKafkaSender;
import dev.kassa.messaging.inbox.Inbox;
import dev.kassa.messaging.inbox.InboxCleaner;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.sql.DriverManager;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox, its relay and the inbox, for a service with a DataSource (its PostgreSQL database). */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, MessagingAutoConfiguration.class})
@ConditionalOnBean({DataSource.class, RawKafkaSender.class})
public class OutboxAutoConfiguration {

    /** Shared by the outbox and the relay of this process: a commit with outbox rows wakes the relay. */
    @Bean
    @ConditionalOnMissingBean
    OutboxSignal kassaOutboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DataSource dataSource, ObjectProvider<TraceHeaders> traceHeaders, OutboxSignal signal) {
        return new Outbox(dataSource, new KassaAvroSerializer(), traceHeaders.getIfAvailable(() -> TraceHeaders.NONE),
                signal);
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(DataSource dataSource) {
        return new Inbox(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxCleaner inboxCleaner(DataSource dataSource, MessagingProperties properties,
                              ObjectProvider<MeterRegistry> meterRegistry) {
        return new InboxCleaner(dataSource, properties.inbox(), meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(DataSource dataSource, ObjectProvider<JdbcConnectionDetails> connectionDetails,
                            RawKafkaSender sender, MessagingProperties properties,
                            ObjectProvider<MeterRegistry> meterRegistry, OutboxSignal signal,
                            KafkaAccessDenials denials) {
        return OutboxRelay.create(dataSource, dedicatedConnections(dataSource, connectionDetails.getIfAvailable()),
                sender.template(), properties.outbox(), meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
                signal, denials);
    }

    /** With Micrometer Tracing on the classpath, the publisher's trace context travels with its events. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TraceHeaders kassaTraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new MicrometerTraceHeaders(tracer, propagator);
        }
    }

    /**
     * A connection outside the pool when Boot knows the JDBC URL; otherwise (a DataSource the service built
     * itself) one taken from the DataSource and held for as long as the relay runs.
     */
    private static DedicatedConnectionFactory dedicatedConnections(DataSource dataSource, JdbcConnectionDetails details) {
        if (details == null) {
            return dataSource::getConnection;
        }
        return () -> {
            Properties connection = new Properties();
            if (details.getUsername() != null) {
                connection.setProperty("user", details.getUsername());
            }
            if (details.getPassword() != null) {
                connection.setProperty("password", details.getPassword());
            }
            // Named, so that operators can tell the publishing instance's session in pg_stat_activity.
            connection.setProperty("ApplicationName", "kassa-outbox-relay");
            return DriverManager.getConnection(details.getJdbcUrl(), connection);
        };
    }
}
