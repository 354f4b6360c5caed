package dev.kassa.pspmock.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A tiny webhook endpoint on 127.0.0.1 (the JDK's HTTP server) that records every delivery and answers what
 * the test tells it to: 200 by default, 500 for chosen events, or no answer at all until released.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Delivery(String body, String signature, Instant receivedAt) {
        public JsonNode event() {
            return PspApi.parse(body);
        }

        public String eventId() {
            return event().path("id").stringValue();
        }

        public String type() {
            return event().path("type").stringValue();
        }

        public String objectId() {
            return event().path("data").path("object").path("id").stringValue();
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Delivery> responder = delivery -> 200;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/webhooks", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Delivery delivery = new Delivery(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Stripe-Signature"), Instant.now());
            deliveries.add(delivery);
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(responder.applyAsInt(delivery), -1);
        }
    }

    /** Decides the status answered to each delivery. */
    public void respondWith(ToIntFunction<Delivery> responder) {
        this.responder = responder;
    }

    /** Accepts requests but does not answer them until {@link #release()}. */
    public void holdResponses() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    public void reset() {
        release();
        responder = delivery -> 200;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<Delivery> deliveriesFor(String objectId) {
        return deliveries.stream().filter(d -> objectId.equals(d.objectId())).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
