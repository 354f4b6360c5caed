package dev.kassa.messaging.consumer;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * spring-kafka's recoverer for retry and dead-letter topics, plus a trace of every dead letter: a warning
 * naming the record and a {@code kassa.dead.letters} count, once the broker has acknowledged it.
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
