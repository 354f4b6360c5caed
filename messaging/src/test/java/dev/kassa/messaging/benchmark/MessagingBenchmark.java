package dev.kassa.messaging.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.config.RawKafkaSender;
import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.messaging.outbox.OutboxRelay;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import dev.kassa.testfixtures.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints the outbox relay's throughput (records/s, 300-byte records) and a declared consumer's processed
 * records/s with the inbox (inbox insert + one effect row per event, one transaction each), against the
 * local-stack broker and PostgreSQL. Not a test; run on demand (messaging/README.md):
 *
 * <pre>./mvnw -B -q -pl messaging test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.kassa.messaging.benchmark.MessagingBenchmark [-Dexec.args="20000 3"]</pre>
 *
 * Arguments: number of records (default 20000), consumer threads (default 3 = partitions).
 */
public final class MessagingBenchmark {

    static final int RECORD_BYTES = 300;
    static final int PARTITIONS = 3;

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : PARTITIONS;
        LocalStack stack = LocalStack.shared();
        String topic = "bench.payments." + UUID.randomUUID().toString().substring(0, 8);
        stack.kafka().createTopics(Map.of(topic, PARTITIONS));

        double relayRate = relay(stack, topic, records);
        double consumerRate = consume(stack, topic, records, threads);

        System.out.printf(Locale.ROOT, "%nKassa messaging benchmark (%d records of %d bytes, %d partitions, %d cores)%n",
                records, RECORD_BYTES, PARTITIONS, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  outbox relay:            %,10.0f records/s%n", relayRate);
        System.out.printf(Locale.ROOT, "  consumer with inbox:     %,10.0f records/s (%d threads)%n", consumerRate, threads);
        System.exit(0);
    }

    /** Fills the outbox, then times one relay from start until no row is unsent. */
    private static double relay(LocalStack stack, String topic, int records) throws Exception {
        PostgresServer postgres = stack.postgres();
        String database = stack.freshDatabase("bench_relay");
        try (HikariDataSource dataSource = pool(postgres, database)) {
            migrate(dataSource);
            Outbox outbox = new Outbox(dataSource, new KassaAvroSerializer());
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            for (int done = 0; done < records; ) {
                int batch = Math.min(500, records - done);
                int from = done;
                transactions.executeWithoutResult(status -> {
                    for (int i = from; i < from + batch; i++) {
                        outbox.publish(topic, "po-" + (i % 1000), event("po-" + (i % 1000)));
                    }
                });
                done += batch;
            }
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            int payload = jdbc.queryForObject("SELECT max(length(payload)) FROM outbox_message", Integer.class);
            System.out.printf(Locale.ROOT, "Outbox filled: %d rows, payload %d bytes%n", records, payload);

            MessagingProperties.Outbox settings = new MessagingProperties.Outbox(true, 500, Duration.ofMillis(500),
                    Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(30),
                    Duration.ofMillis(200), Duration.ofSeconds(5), 1L, Duration.ofHours(1), 1000, Duration.ofMinutes(5),
                    Duration.ofSeconds(30));
            RawKafkaSender sender = new RawKafkaSender(
                    stack.kafka().superUserClientProperties(),
                    settings.sendTimeout());
            OutboxRelay relay = OutboxRelay.create(dataSource,
                    () -> DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password()),
                    sender.template(), settings, new SimpleMeterRegistry());
            long started = System.nanoTime();
            relay.start();
            while (jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL", Long.class) > 0) {
                Thread.sleep(20); // a main method's polling loop, not a test
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            relay.stop();
            sender.destroy();
            return records / seconds;
        }
    }

    /** Starts a service with one declared consumer of the relayed topic and times it through every record. */
    private static double consume(LocalStack stack, String topic, int records, int threads) throws Exception {
        PostgresServer postgres = stack.postgres();
        String database = stack.freshDatabase("bench_consumer");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkService.class)
                .properties(Map.of(
                        "spring.datasource.url", postgres.jdbcUrl(database),
                        "spring.datasource.username", postgres.username(),
                        "spring.datasource.password", postgres.password(),
                        "spring.datasource.hikari.maximum-pool-size", String.valueOf(threads + 2),
                        "spring.main.web-application-type", "none",
                        "bench.topic", topic,
                        "bench.threads", String.valueOf(threads)))
                .properties(Map.copyOf(LocalStackSpring.superUserKafkaProperties()))
                .run()) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            long processed;
            long lastReport = System.nanoTime();
            while ((processed = jdbc.queryForObject("SELECT count(*) FROM processed_message", Long.class)) < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The consumer did not finish within 10 minutes");
                }
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    System.out.printf(Locale.ROOT, "  ... consumer processed %d of %d%n", processed, records);
                    lastReport = System.nanoTime();
                }
                Thread.sleep(50); // a main method's polling loop, not a test
            }
            // The processing window, first to last transaction (processed_at is its start time), without the
            // first and last 5%: group joins and rebalances of the starting listeners are not the steady rate.
            int from = records / 20;
            int to = records - 1 - records / 20;
            double seconds = jdbc.queryForObject("""
                    SELECT extract(epoch FROM
                        (SELECT processed_at FROM processed_message ORDER BY processed_at OFFSET ? LIMIT 1)
                        - (SELECT processed_at FROM processed_message ORDER BY processed_at OFFSET ? LIMIT 1))""",
                    Double.class, to, from);
            return (to - from) / seconds;
        }
    }

    /** A 300-byte PaymentOrderSucceeded: the sample with its PSP reference padded. */
    static PaymentOrderSucceeded event(String paymentOrderId) {
        PaymentOrderSucceeded event = TestEvents.paymentSucceeded(paymentOrderId, "seller_1", 2999, "USD");
        KassaAvroSerializer serializer = new KassaAvroSerializer();
        String reference = event.getPspReference();
        // Pad until exactly 300 bytes (a string's length prefix may grow by a byte on the way).
        for (int pad = 0; serializer.serialize("t", event).length < RECORD_BYTES; pad++) {
            event.setPspReference(reference + "x".repeat(pad));
        }
        return event;
    }

    private static HikariDataSource pool(PostgresServer postgres, String database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl(database));
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    private static void migrate(DataSource dataSource) throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/messaging/messaging.changelog.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }

    /** A service with one consumer whose effect is one row per event, as wallet or ledger would write. */
    @SpringBootApplication
    static class BenchmarkService {

        @Bean
        EventConsumer benchmarkConsumer(DataSource dataSource,
                                        org.springframework.core.env.Environment environment) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            return EventConsumer.of(environment.getRequiredProperty("bench.topic"), "bench-consumer",
                            event -> jdbc.update("INSERT INTO handled_event (consumer, event_id, payment_order_id)"
                                    + " VALUES (?, ?, ?)", "bench-consumer", event.eventId(), event.key()))
                    .withConcurrency(Integer.parseInt(environment.getRequiredProperty("bench.threads")));
        }
    }
}
