package dev.kassa.pspmock.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import com.sun.net.httpserver.HttpServer;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.pspmock.PspMockApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput of {@code POST /v1/payment_intents} with faults off: starts local-stack's PostgreSQL and the service
 * in this JVM, then drives it from concurrent client threads over 127.0.0.1 (each request a new Idempotency-Key,
 * tok_visa, so every request is a full charge: key claim, intent, balance transaction, event and its delivery row).
 * Webhooks go to an in-process sink answering 204 so deliveries run as they would in production.
 *
 * <pre>
 * ./mvnw -pl psp-mock-service test-compile exec:java \
 *     [-Dbench.clients=32] [-Dbench.seconds=20] [-Dbench.warmupSeconds=10] [-Dbench.webhooks=true]
 * </pre>
 */
public final class PaymentIntentBenchmark {

    private static final String KEY = "sk_test_kassa";

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 32);
        Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 10));
        boolean webhooks = Boolean.parseBoolean(System.getProperty("bench.webhooks", "true"));

        try (PostgresServer postgres = PostgresServer.start(PostgresServer.Options.defaults());
             WebhookSink sink = new WebhookSink()) {
            postgres.createDatabase("psp_bench");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PspMockApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=" + postgres.jdbcUrl("psp_bench"),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password(),
                    "--psp.webhooks.endpoints=" + (webhooks ? sink.url() : ""),
                    "--logging.level.root=WARN", "--logging.level.dev.kassa=WARN")) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                URI endpoint = URI.create("http://127.0.0.1:" + port + "/v1/payment_intents");
                System.out.printf("psp-mock benchmark: %d clients, %ds warm-up, %ds measured, webhooks %s%n",
                        clients, warmup.toSeconds(), measured.toSeconds(), webhooks ? "on" : "off");
                run(endpoint, clients, warmup, "warm-up");
                long deliveredBefore = sink.received.get();
                CpuTime cpuBefore = CpuTime.now(postgres);
                Result result = run(endpoint, clients, measured, "measured");
                CpuTime cpu = CpuTime.now(postgres).minus(cpuBefore);
                long delivered = sink.received.get() - deliveredBefore;
                result.print(measured, delivered);
                cpu.print(result.sortedLatencies().length);
            }
        }
    }

    private static Result run(URI endpoint, int clients, Duration duration, String phase) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> drive(http, endpoint, client, deadline, errors)));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> future : futures) {
                latencies.add(future.get());
            }
            long total = latencies.stream().mapToLong(l -> l.length).sum();
            long[] all = new long[(int) total];
            int at = 0;
            for (long[] l : latencies) {
                System.arraycopy(l, 0, all, at, l.length);
                at += l.length;
            }
            Arrays.sort(all);
            System.out.printf("  %s: %d requests%n", phase, total);
            return new Result(all, errors.get());
        }
    }

    private static long[] drive(HttpClient http, URI endpoint, int client, long deadline, AtomicLong errors) {
        long[] latencies = new long[1 << 16];
        int count = 0;
        for (long i = 0; System.nanoTime() < deadline; i++) {
            String body = "{\"amount\": 2999, \"currency\": \"EUR\", \"payment_method\": \"tok_visa\", "
                    + "\"metadata\": {\"payment_order_id\": \"po-" + client + "-" + i + "\"}}";
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + client + "-" + i + "-" + System.nanoTime())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            } catch (IOException | InterruptedException e) {
                errors.incrementAndGet();
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - started;
        }
        return Arrays.copyOf(latencies, count);
    }

    private record Result(long[] sortedLatencies, long errors) {
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

        void print(long intents) {
            double jvmMicros = jvm.toNanos() / 1e3 / intents;
            double dbMicros = postgres.toNanos() / 1e3 / intents;
            System.out.printf(Locale.ROOT, "  CPU per intent: JVM %.0f us (service + clients + sink), PostgreSQL %.0f us%n",
                    jvmMicros, dbMicros);
            System.out.printf(Locale.ROOT, "  => 2 cores sustain about %.0f intents/s when nothing else runs%n",
                    2e6 / (jvmMicros + dbMicros));
        }
    }

    /** The webhook endpoint during the run: counts deliveries and answers 204 at once. */
    private static final class WebhookSink implements AutoCloseable {
        final AtomicLong received = new AtomicLong();
        private final HttpServer server;

        WebhookSink() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                    received.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
