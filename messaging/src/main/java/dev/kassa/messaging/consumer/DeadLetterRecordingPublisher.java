package dev.kassa.messaging.consumer;

import dev.kassa.messaging.KassaHeaders;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * spring-kafka's recoverer for retry and dead-letter topics, plus the innermost cause of the failure in headers
 * ({@link KassaHeaders#EXCEPTION_ROOT_CAUSE}, {@link KassaHeaders#EXCEPTION_ROOT_MESSAGE}) and a trace of every
 * dead letter: a warning naming the record and a {@code kassa.dead.letters} count, once the broker has
 * acknowledged it.
 */
class DeadLetterRecordingPublisher extends DeadLetterPublishingRecoverer {

    /** Every Kassa dead-letter topic is {@code <topic>.<group>.dlt}; retry topics end in {@code .retry-<n>}. */
    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecordingPublisher.class);

    private final ConsumerMetrics metrics;

    DeadLetterRecordingPublisher(Function<ProducerRecord<?, ?>, ? extends KafkaOperations<?, ?>> templateResolver,
                                 BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destinationResolver,
                                 ConsumerMetrics metrics) {
        super(templateResolver, destinationResolver);
        this.metrics = metrics;
    }

    /**
     * Every headers function set here also adds the innermost cause. spring-kafka's retry-topic factory sets its
     * own function on each recoverer it creates; adding Kassa's afterwards with {@code addHeadersFunction} works,
     * but spring-kafka 4.1 then warns "Replacing custom headers function ... consider using addHeadersFunction()"
     * for every listener at start-up, a warning about nothing.
     */
    @Override
    public void setHeadersFunction(BiFunction<ConsumerRecord<?, ?>, Exception, Headers> headersFunction) {
        super.setHeadersFunction((record, exception) -> {
            Headers headers = headersFunction.apply(record, exception);
            Headers withCause = headers == null ? new RecordHeaders() : headers;
            rootCauseHeaders(exception).forEach(withCause::add);
            return withCause;
        });
    }

    private static Headers rootCauseHeaders(Exception exception) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(exception);
        Headers headers = new RecordHeaders();
        headers.add(KassaHeaders.EXCEPTION_ROOT_CAUSE, root.getClass().getName().getBytes(StandardCharsets.UTF_8));
        if (root.getMessage() != null) {
            headers.add(KassaHeaders.EXCEPTION_ROOT_MESSAGE, root.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /**
     * A record that failed in a batch listener arrives wrapped in a {@link BatchListenerFailedException}; its
     * cause is what failed, so it is what the destination is chosen by and what the headers name, exactly as
     * for a record listener.
     */
    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, unwrapBatchFailure(exception));
    }

    private static Exception unwrapBatchFailure(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException batch && batch.getCause() != null) {
                String group = exception instanceof ListenerExecutionFailedException failed ? failed.getGroupId() : null;
                return new ListenerExecutionFailedException(batch.getMessage(), group, batch.getCause());
            }
        }
        return exception;
    }

    @Override
    protected void publish(ProducerRecord<Object, Object> outRecord, KafkaOperations<Object, Object> kafkaTemplate,
                           ConsumerRecord<?, ?> inRecord) {
        super.publish(outRecord, kafkaTemplate, inRecord);
        if (outRecord.topic().endsWith(DEAD_LETTER_SUFFIX)) {
            metrics.deadLettered(outRecord.topic());
            log.warn("Dead-lettered {}-{}@{} (key {}) to {}", inRecord.topic(), inRecord.partition(),
                    inRecord.offset(), inRecord.key(), outRecord.topic());
        }
    }
}
