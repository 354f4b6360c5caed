package dev.kassa.messaging.consumer;

import dev.kassa.messaging.KassaHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;

/**
 * spring-kafka's non-blocking retry infrastructure with Kassa's global settings: a handler's
 * {@link InvalidEventException} is never retried (like undecodable records, which spring-kafka already
 * treats as fatal), and dead letters are counted, logged and name their innermost cause. Services must not add
 * {@code @EnableKafkaRetryTopic} or another {@code RetryTopicConfigurationSupport}.
 */
@Configuration(proxyBeanMethods = false)
public class KassaRetryTopicSupport extends RetryTopicConfigurationSupport {

    private final ObjectProvider<ConsumerMetrics> metrics;

    public KassaRetryTopicSupport(ObjectProvider<ConsumerMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void manageNonBlockingFatalExceptions(List<Class<? extends Throwable>> nonBlockingFatalExceptions) {
        nonBlockingFatalExceptions.add(InvalidEventException.class);
    }

    @Override
    protected Consumer<DeadLetterPublishingRecovererFactory> configureDeadLetterPublishingContainerFactory() {
        return factory -> {
            factory.setDeadLetterPublisherCreator((templateResolver, destinationResolver) ->
                    new DeadLetterRecordingPublisher(templateResolver, destinationResolver, metrics.getObject()));
            factory.setDeadLetterPublishingRecovererCustomizer(recoverer ->
                    recoverer.addHeadersFunction((record, exception) -> rootCauseHeaders(exception)));
        };
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
}
