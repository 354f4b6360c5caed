package dev.kassa.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service instance for the proxy's tests: answers its readiness probe (UP or OUT_OF_SERVICE, as set) and, on any
 * other path, its own name and the request's method, path and body; while held, it answers those only once released
 * (an instance slow to answer).
 */
final class StubInstance implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private volatile boolean ready = true;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final AtomicInteger received = new AtomicInteger();

    private StubInstance(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    static StubInstance start(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        StubInstance instance = new StubInstance(name, server);
        server.createContext("/", instance::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return instance;
    }

    /** A port nothing listens on: an instance that died. */
    static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void ready(boolean ready) {
        this.ready = ready;
    }

    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    /** Requests received on any path but the readiness probe's. */
    int received() {
        return received.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/actuator/health/readiness")) {
            respond(exchange, ready ? 200 : 503, "{\"status\":\"" + (ready ? "UP" : "OUT_OF_SERVICE") + "\"}");
            return;
        }
        received.incrementAndGet();
        try {
            held.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        respond(exchange, 200, name + " " + exchange.getRequestMethod() + " " + path + " "
                + new String(body, StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
