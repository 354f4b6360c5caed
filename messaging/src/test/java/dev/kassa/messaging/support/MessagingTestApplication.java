package dev.kassa.messaging.support;

import static dev.kassa.messaging.support.TestTopics.*;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.outbox.TraceHeaders;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A service as the library expects one: a DataSource, Kafka, and declared consumers. */
@SpringBootApplication
public class MessagingTestApplication {

    /** The W3C trace context of "the request" that publishes (as a tracer would give it). */
    public static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Bean
    TraceHeaders traceHeaders() {
        return () -> Map.of("traceparent", TRACEPARENT);
    }

    @Bean
    ScriptedHandlers scriptedHandlers(DataSource dataSource) {
        return new ScriptedHandlers(new JdbcTemplate(dataSource));
    }

    @Bean
    EventConsumer inboxConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(INBOX, INBOX_GROUP, handlers.forConsumer(INBOX_GROUP));
    }

    @Bean
    EventConsumer retryConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(RETRY, RETRY_GROUP, handlers.forConsumer(RETRY_GROUP));
    }

    @Bean
    EventConsumer batchConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(BATCH, BATCH_GROUP, handlers.forConsumer(BATCH_GROUP)).inBatches();
    }

    @Bean
    EventConsumer batchHandlerConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(BATCH_HANDLER, BATCH_HANDLER_GROUP, handlers.forConsumer(BATCH_HANDLER_GROUP))
                .inBatches(handlers.forBatches(BATCH_HANDLER_GROUP));
    }

    @Bean
    EventConsumer poisonConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(POISON, POISON_GROUP, handlers.forConsumer(POISON_GROUP));
    }

    @Bean
    EventConsumer replayConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(REPLAY, REPLAY_GROUP, handlers.forConsumer(REPLAY_GROUP));
    }

    @Bean
    EventConsumer alphaConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(SHARED, ALPHA_GROUP, handlers.forConsumer(ALPHA_GROUP));
    }

    @Bean
    EventConsumer betaConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(SHARED, BETA_GROUP, handlers.forConsumer(BETA_GROUP));
    }

    @Bean
    EventConsumer concurrentConsumer(ScriptedHandlers handlers) {
        return EventConsumer.concurrent(CONCURRENT, CONCURRENT_GROUP, handlers.forConcurrentPolls(CONCURRENT_GROUP));
    }

    @Bean
    EventConsumer defaultsConsumer(ScriptedHandlers handlers) {
        return EventConsumer.of(DEFAULTS, DEFAULTS_GROUP, handlers.forConsumer(DEFAULTS_GROUP));
    }
}
