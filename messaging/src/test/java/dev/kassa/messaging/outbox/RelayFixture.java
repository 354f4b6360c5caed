package dev.kassa.messaging.outbox;

import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.messaging.config.KafkaAccessDenials;
import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.config.RawKafkaSender;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service database (fresh, migrated with the library's changelog) and relays over it, without Spring:
 * several relays of one database are what "several instances of a service" look like.
 */
final class RelayFixture implements AutoCloseable {

    record Relay(OutboxRelay relay, SimpleMeterRegistry meters, RawKafkaSender sender) {

        double sent() {
            return meters.counter(OutboxMetrics.SENT).count();
        }

        double sendFailures() {
            return meters.counter(OutboxMetrics.SEND_FAILURES).count();
        }
    }

    final String database;
    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final Outbox outbox;
    /** What this "process" raises after its outbox commits; the relays of {@link #relay} wait on it. */
    final OutboxSignal signal = new OutboxSignal();
    private final TransactionTemplate transactions;
    private Outbox otherProcessOutbox;
    private TransactionTemplate otherProcessTransactions;
    private final List<Relay> relays = new ArrayList<>();

    RelayFixture(String prefix) {
        PostgresServer postgres = LocalStack.shared().postgres();
        this.database = LocalStack.shared().freshDatabase(prefix);
        this.dataSource = dataSource("test");
        migrate(dataSource);
        this.jdbc = new JdbcTemplate(dataSource);
        this.outbox = new Outbox(dataSource, new KassaAvroSerializer(), TraceHeaders.NONE, signal);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assert postgres.isRunning();
    }

    /** A non-pooled DataSource whose sessions carry {@code applicationName} (to find and kill them). */
    DataSource dataSource(String applicationName) {
        PostgresServer postgres = LocalStack.shared().postgres();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(postgres.jdbcUrl(database));
        ds.setUser(postgres.username());
        ds.setPassword(postgres.password());
        ds.setApplicationName(applicationName);
        return ds;
    }

    /** Relay settings whose every wait (busy and idle polling, standby lock retries) is {@code pollInterval}. */
    static MessagingProperties.Outbox settings(Duration pollInterval, Duration sendTimeout) {
        return settings(pollInterval, pollInterval, pollInterval, sendTimeout);
    }

    static MessagingProperties.Outbox settings(Duration pollInterval, Duration busyPollInterval,
                                               Duration standbyInterval, Duration sendTimeout) {
        return new MessagingProperties.Outbox(true, 100, pollInterval, busyPollInterval, standbyInterval,
                Duration.ZERO, sendTimeout, Duration.ofMillis(100), Duration.ofSeconds(1), 4242L, Duration.ofHours(1),
                1000, Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    /** A relay named {@code name} (its sessions' application_name) sending through {@code connection}. */
    Relay relay(String name, Map<String, Object> connection, MessagingProperties.Outbox settings) {
        return relay(name, connection, settings, new KafkaAccessDenials());
    }

    /** As above, reporting the broker's refusals to {@code denials}. */
    Relay relay(String name, Map<String, Object> connection, MessagingProperties.Outbox settings,
                KafkaAccessDenials denials) {
        DataSource ds = dataSource(name);
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, name);
        RawKafkaSender sender = new RawKafkaSender(config, settings.sendTimeout());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Relay relay = new Relay(OutboxRelay.create(ds, ds::getConnection, sender.template(), settings, meters, signal,
                denials), meters, sender);
        relays.add(relay);
        return relay;
    }

    String publish(String topic, String key, SpecificRecord record) {
        return transactions.execute(status -> outbox.publish(topic, key, record));
    }

    /**
     * Publishes as another instance of the service would: over its own DataSource, with an outbox whose
     * signal no relay of this fixture waits on.
     */
    String publishFromAnotherProcess(String topic, String key, SpecificRecord record) {
        if (otherProcessOutbox == null) {
            DataSource other = dataSource("other-instance");
            otherProcessOutbox = new Outbox(other, new KassaAvroSerializer(), TraceHeaders.NONE, new OutboxSignal());
            otherProcessTransactions = new TransactionTemplate(new DataSourceTransactionManager(other));
        }
        return otherProcessTransactions.execute(status -> otherProcessOutbox.publish(topic, key, record));
    }

    long unsent() {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL", Long.class);
    }

    /** Kills every session of relay {@code name}, as if its process had died. */
    int killSessionsOf(String name) {
        return jdbc.queryForObject("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = ? AND application_name = ?""", Integer.class, database, name);
    }

    private static void migrate(DataSource dataSource) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/messaging/messaging.changelog.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        try {
            liquibase.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("Migration failed", e);
        }
    }

    @Override
    public void close() {
        for (Relay relay : relays) {
            relay.relay().stop();
            relay.sender().destroy();
        }
    }
}
