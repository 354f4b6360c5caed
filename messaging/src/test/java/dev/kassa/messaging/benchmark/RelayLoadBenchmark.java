package dev.kassa.messaging.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.config.RawKafkaSender;
import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.messaging.outbox.OutboxRelay;
import dev.kassa.messaging.outbox.OutboxSignal;
import dev.kassa.messaging.outbox.TraceHeaders;
import dev.kassa.schemas.serde.KassaAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay under a steady stream of small commits, as a service publishes them (one event per transaction,
 * several threads), against the local-stack broker and PostgreSQL: how many relay transactions it takes and
 * how long a committed row waits until a batch picks it up. Not a test; run on demand:
 *
 * <pre>./mvnw -B -q -pl messaging test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.kassa.messaging.benchmark.RelayLoadBenchmark [-Dexec.args="200 20 0ms"]</pre>
 *
 * Arguments: commits per second (default 200), seconds (default 20), the relay's {@code linger} (default 0ms).
 */
public final class RelayLoadBenchmark {

    private static final int PUBLISHERS = 4;

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the broker's threads would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Duration linger = args.length > 2 ? DurationStyle.detectAndParse(args[2]) : Duration.ZERO;
        LocalStack stack = LocalStack.shared();
        PostgresServer postgres = stack.postgres();
        String database = stack.freshDatabase("bench_relay_load");
        String topic = "bench.load." + UUID.randomUUID().toString().substring(0, 8);
        stack.kafka().createTopics(Map.of(topic, 12));
        try (HikariDataSource dataSource = pool(postgres, database)) {
            migrate(dataSource);
            OutboxSignal signal = new OutboxSignal();
            Outbox outbox = new Outbox(dataSource, new KassaAvroSerializer(), TraceHeaders.NONE, signal);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            MessagingProperties.Outbox settings = new MessagingProperties.Outbox(true, 500, Duration.ofSeconds(1),
                    Duration.ofMillis(200), Duration.ofSeconds(5), linger, Duration.ofSeconds(30),
                    Duration.ofMillis(200), Duration.ofSeconds(5), 1L, Duration.ofHours(1), 1000, Duration.ofMinutes(5),
                    Duration.ofSeconds(30));
            RawKafkaSender sender = new RawKafkaSender(
                    stack.kafka().superUserClientProperties(),
                    settings.sendTimeout());
            OutboxRelay relay = OutboxRelay.create(dataSource,
                    () -> DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password()),
                    sender.template(), settings, new SimpleMeterRegistry(), signal);
            relay.start();

            long periodNanos = 1_000_000_000L * PUBLISHERS / rate;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> publishers = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                int publisher = p;
                publishers.add(Thread.ofPlatform().start(() -> {
                    long next = System.nanoTime() + publisher * periodNanos / PUBLISHERS;
                    for (int i = 0; System.nanoTime() < end; i++) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        next += periodNanos;
                        String key = "po-" + publisher + "-" + (i % 50);
                        transactions.executeWithoutResult(status ->
                                outbox.publish(topic, key, MessagingBenchmark.event(key)));
                    }
                }));
            }
            for (Thread publisher : publishers) {
                publisher.join();
            }
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            while (jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL", Long.class) > 0) {
                Thread.sleep(20); // a main method's polling loop, not a test
            }
            relay.stop();
            sender.destroy();
            jdbc.query("""
                    SELECT count(*), count(DISTINCT sent_at),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)),
                           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at))
                    FROM outbox_message""", rs -> {
                long rows = rs.getLong(1);
                long batches = rs.getLong(2);
                System.out.printf(Locale.ROOT, "%nRelay under %d commits/s for %d s (linger %d ms, %d cores):%n",
                        rate, seconds, linger.toMillis(), Runtime.getRuntime().availableProcessors());
                System.out.printf(Locale.ROOT, "  rows %d, relay transactions %d (%.1f/s), %.1f rows per batch%n",
                        rows, batches, batches / (double) seconds, rows / (double) batches);
                System.out.printf(Locale.ROOT, "  wait from the publisher's transaction to its batch: p50 %.1f ms,"
                        + " p99 %.1f ms%n", rs.getDouble(3) * 1000, rs.getDouble(4) * 1000);
            });
        }
    }

    private static HikariDataSource pool(PostgresServer postgres, String database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl(database));
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(PUBLISHERS + 2);
        return dataSource;
    }

    private static void migrate(DataSource dataSource) throws Exception {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:db/changelog/messaging/messaging.changelog.yaml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();
    }
}
