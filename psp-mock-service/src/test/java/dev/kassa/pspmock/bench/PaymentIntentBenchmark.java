package dev.kassa.pspmock.bench;

import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicLong;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.pspmock.PspMockApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput of {@code POST /v1/payment_intents} with faults off: starts local-stack's PostgreSQL and the service
 * in this JVM, then drives it from concurrent keep-alive client connections over 127.0.0.1 (each request a new Idempotency-Key,
 * tok_visa, so every request is a full charge: key claim, intent, balance transaction, event and its delivery row).
 * Webhooks go to an in-process sink answering 204 so deliveries run as they would in production.
 *
 * <pre>
 * ./mvnw -pl psp-mock-service test-compile exec:java \
 *     [-Dbench.clients=32] [-Dbench.seconds=20] [-Dbench.warmupSeconds=10] [-Dbench.webhooks=true]
 *     [-Dbench.webhookConcurrency=32] [-Dbench.pgStatements=true] [-Dbench.args="--some.property=value ..."]
 * </pre>
 */
public final class PaymentIntentBenchmark {

    private static final String KEY = "sk_test_kassa";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 32);
        Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 10));
        boolean webhooks = Boolean.parseBoolean(System.getProperty("bench.webhooks", "true"));
        int deliveryConcurrency = Integer.getInteger("bench.webhookConcurrency", 32);

        boolean statementStats = Boolean.getBoolean("bench.pgStatements");
        try (PostgresServer postgres = PostgresServer.start(PostgresServer.Options.defaults());
             WebhookSink sink = new WebhookSink()) {
            postgres.createDatabase("psp_bench");
            if (statementStats) {
                enableStatementStatistics(postgres);
            }
            List<String> arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--spring.datasource.url=" + postgres.jdbcUrl("psp_bench"),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--psp.webhooks.endpoints=" + (webhooks ? sink.url() : ""),
                    "--psp.webhooks.max-concurrency=" + deliveryConcurrency,
                    "--logging.level.root=WARN", "--logging.level.dev.kassa=WARN"));
            // Anything else for the service, e.g. -Dbench.args="--spring.datasource.hikari.maximum-pool-size=8"
            arguments.addAll(List.of(System.getProperty("bench.args", "").split("\\s+")).stream()
                    .filter(a -> !a.isBlank()).toList());
            // The local profile: its test key (KEY) and webhook secret (application-local.yaml).
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PspMockApplication.class)
                    .profiles("local").run(arguments.toArray(String[]::new))) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                System.out.printf("psp-mock benchmark: %d clients, %ds warm-up, %ds measured, webhooks %s%n",
                        clients, warmup.toSeconds(), measured.toSeconds(), webhooks ? "on" : "off");
                run(port, clients, warmup, "warm-up");
                if (webhooks) {
                    // The warm-up's webhooks are delivered first, so that the figures below pay for the measured
                    // charges' webhooks only.
                    drainBacklog(postgres.dataSource("psp_bench"), sink, "warm-up");
                }
                long deliveredBefore = sink.received.get();
                CpuTime cpuBefore = CpuTime.now(postgres);
                Result result = run(port, clients, measured, "measured");
                CpuTime cpu = CpuTime.now(postgres).minus(cpuBefore);
                long delivered = sink.received.get() - deliveredBefore;
                result.print(measured, delivered);
                cpu.print(result.sortedLatencies().length, result.clientCpu());
                if (webhooks) {
                    drainBacklog(postgres.dataSource("psp_bench"), sink, "run");
                    // When the API saturates the cores, deliveries fall behind and their CPU is spent after the
                    // window; this figure includes it, so it compares runs whatever share was delivered meanwhile.
                    CpuTime all = CpuTime.now(postgres).minus(cpuBefore);
                    System.out.print("  with every webhook of the run delivered:");
                    all.print(result.sortedLatencies().length, result.clientCpu());
                }
                if (statementStats) {
                    printStatementStatistics(postgres.dataSource("psp_bench"), result.sortedLatencies().length);
                }
            }
        }
    }

    private static Result run(int port, int clients, Duration duration, String phase) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<ClientRun>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> drive(port, client, deadline)));
            }
            List<ClientRun> runs = new ArrayList<>();
            for (Future<ClientRun> future : futures) {
                runs.add(future.get());
            }
            long[] all = runs.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
            long errors = runs.stream().mapToLong(ClientRun::errors).sum();
            Duration clientCpu = Duration.ofNanos(runs.stream().mapToLong(ClientRun::cpuNanos).sum());
            System.out.printf("  %s: %d requests%n", phase, all.length);
            return new Result(all, errors, clientCpu);
        }
    }

    /** With the clients stopped, how fast the delivery worker empties the webhook backlog left by the run. */
    private static void drainBacklog(DataSource db, WebhookSink sink, String phase) throws Exception {
        long backlog = undelivered(db);
        long started = System.nanoTime();
        long receivedBefore = sink.received.get();
        long deadline = started + Duration.ofSeconds(60).toNanos();
        while (undelivered(db) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "  webhook backlog after the %s: %d; drained at %.0f deliveries/s (%d left after %.0fs)%n",
                phase, backlog, (sink.received.get() - receivedBefore) / seconds, undelivered(db), seconds);
    }

    /** pg_stat_statements needs preloading: set it and restart the (temporary) server before the service starts. */
    private static void enableStatementStatistics(PostgresServer postgres) throws Exception {
        java.nio.file.Path autoConf;
        try (var files = java.nio.file.Files.walk(postgres.dataDir())) {
            autoConf = files.filter(f -> f.endsWith("postgresql.auto.conf")).findFirst().orElseThrow();
        }
        java.nio.file.Files.writeString(autoConf, "shared_preload_libraries = 'pg_stat_statements'\n",
                java.nio.file.StandardOpenOption.APPEND);
        postgres.stop();
        postgres.restart();
        // The extension needs a superuser: the embedded server's bootstrap user.
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl("psp_bench"), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("grant pg_read_all_stats to " + postgres.username());
        }
    }

    /** Where the database's time went, per payment intent of the whole run (warm-up included in the totals). */
    private static void printStatementStatistics(DataSource db, long measuredIntents) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("""
                     select calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query
                     from pg_stat_statements order by total_exec_time desc limit 15""")) {
            System.out.println("  top statements (all phases): calls, total ms, mean us, rows, query");
            while (rows.next()) {
                long calls = rows.getLong("calls");
                double total = rows.getDouble("total_exec_time");
                System.out.printf(Locale.ROOT, "  %9d %9.0f %7.1f %9d  %s%n", calls, total, total * 1000 / Math.max(1, calls),
                        rows.getLong("rows"), rows.getString("query"));
            }
        }
    }

    private static long undelivered(DataSource db) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from webhook_delivery where delivered_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One client thread: latencies of its requests, its errors, and the CPU it used itself. */
    private record ClientRun(long[] latencies, long errors, long cpuNanos) {
    }

    private static ClientRun drive(int port, int client, long deadline) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long[] latencies = new long[1 << 16];
        int count = 0;
        long errors = 0;
        try (KeepAliveConnection connection = new KeepAliveConnection(port)) {
            for (long i = 0; System.nanoTime() < deadline; i++) {
                // As payment-service sends it: Stripe's form encoding, confirmed at once.
                byte[] body = ("amount=2999&currency=eur&payment_method=tok_visa&confirm=true"
                        + "&metadata[payment_order_id]=po-" + client + "-" + i)
                        .getBytes(StandardCharsets.UTF_8);
                String key = "bench-" + client + "-" + i + "-" + System.nanoTime();
                long started = System.nanoTime();
                try {
                    if (connection.post("/v1/payment_intents", "Bearer " + KEY, key, body) != 200) {
                        errors++;
                    }
                } catch (IOException e) {
                    errors++;
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = System.nanoTime() - started;
            }
        }
        return new ClientRun(Arrays.copyOf(latencies, count), errors, THREADS.getCurrentThreadCpuTime() - cpuStart);
    }

    private record Result(long[] sortedLatencies, long errors, Duration clientCpu) {
        void print(Duration duration, long webhooksDelivered) {
            double seconds = duration.toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "  payment intents/s: %.0f (%d in %.0fs, %d errors)%n",
                    sortedLatencies.length / seconds, sortedLatencies.length, seconds, errors);
            System.out.printf(Locale.ROOT, "  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    percentile(0.50), percentile(0.90), percentile(0.99), percentile(0.999),
                    sortedLatencies[sortedLatencies.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "  webhooks delivered/s meanwhile: %.0f%n", webhooksDelivered / seconds);
        }

        double percentile(double p) {
            int index = (int) Math.ceil(p * sortedLatencies.length) - 1;
            return sortedLatencies[Math.max(0, index)] / 1e6;
        }
    }

    /**
     * CPU used by this JVM (service, clients and webhook sink) and by the PostgreSQL server processes. On a shared
     * machine the rate depends on the neighbours; CPU per intent does not, and gives the capacity of 2 cores.
     */
    private record CpuTime(Duration jvm, Duration postgres) {

        static CpuTime now(PostgresServer server) {
            Duration jvm = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
            String dataDir = server.dataDir().toString();
            Duration db = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                    .flatMap(postmaster -> java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(postmaster), postmaster.descendants()))
                    .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
            return new CpuTime(jvm, db);
        }

        CpuTime minus(CpuTime earlier) {
            return new CpuTime(jvm.minus(earlier.jvm), postgres.minus(earlier.postgres));
        }

        void print(long intents, Duration clientCpu) {
            double clientMicros = clientCpu.toNanos() / 1e3 / intents;
            double serviceMicros = jvm.toNanos() / 1e3 / intents - clientMicros;
            double dbMicros = postgres.toNanos() / 1e3 / intents;
            System.out.printf(Locale.ROOT, "  CPU per intent: service %.0f us (incl. webhook delivery and sink), "
                    + "PostgreSQL %.0f us, load-generator clients %.0f us%n", serviceMicros, dbMicros, clientMicros);
            System.out.printf(Locale.ROOT, "  => 2 cores sustain about %.0f intents/s (service + PostgreSQL + clients) "
                    + "when nothing else runs%n", 2e6 / (serviceMicros + dbMicros + clientMicros));
        }
    }

    /**
     * The webhook endpoint during the run: counts deliveries and answers 204 at once. A raw HTTP/1.1 keep-alive
     * server, so that it costs the cores as little as a real receiver would, with a platform thread per
     * connection: on virtual threads it would queue behind the service's request handlers for the same two
     * carrier threads, which a receiver in its own process does not.
     */
    private static final class WebhookSink implements AutoCloseable {
        final AtomicLong received = new AtomicLong();
        private final ServerSocket server;

        WebhookSink() throws IOException {
            server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().name("webhook-sink").start(this::accept);
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/webhooks";
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofPlatform().daemon().name("webhook-sink-connection").start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            byte[] noContent = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
                 OutputStream out = socket.getOutputStream()) {
                while (true) {
                    long contentLength = 0;
                    String line = readLine(in);
                    if (line == null) {
                        return;
                    }
                    for (line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            contentLength = Long.parseLong(line.substring(15).strip());
                        }
                    }
                    in.skipNBytes(contentLength);
                    received.incrementAndGet();
                    out.write(noContent);
                    out.flush();
                }
            } catch (IOException | RuntimeException closed) {
                // the client went away
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return null;
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
