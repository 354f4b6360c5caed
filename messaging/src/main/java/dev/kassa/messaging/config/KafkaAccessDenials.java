package dev.kassa.messaging.config;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerRetryAuthEvent;
import org.springframework.kafka.event.ConsumerRetryAuthSuccessfulEvent;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What the broker currently refuses this service's Kafka principal (docs/architecture.md §11), by who was refused: the
 * outbox relay, a listener container. The {@code kafka} health component is DOWN while any refusal stands and names
 * it, so a service missing a right, or running with a wrong password, says so where an operator looks first. A
 * refusal ends when the same party next succeeds.
 */
public class KafkaAccessDenials {

    /** A refusal: the broker's message and when it was last seen. */
    public record Denial(String message, Instant lastSeen) {
    }

    private final Map<String, Denial> denials = new ConcurrentHashMap<>();
    private final Clock clock;

    public KafkaAccessDenials() {
        this(Clock.systemUTC());
    }

    KafkaAccessDenials(Clock clock) {
        this.clock = clock;
    }

    /** @return whether {@code failure} (or a cause) is the broker refusing this principal; if so it is recorded */
    public boolean recordIfDenied(String who, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException || cause instanceof AuthenticationException) {
                denials.put(who, new Denial(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                        clock.instant()));
                return true;
            }
        }
        return false;
    }

    /** {@code who} succeeded: a refusal it had is over. */
    public void clear(String who) {
        if (!denials.isEmpty()) {
            denials.remove(who);
        }
    }

    /** The standing refusals, sorted by who. */
    public Map<String, Denial> current() {
        return new TreeMap<>(denials);
    }

    /** spring-kafka retries a consumer the broker refused ({@code spring.kafka.listener.auth-exception-retry-interval}). */
    @EventListener
    public void consumerRefused(ConsumerRetryAuthEvent event) {
        denials.put(containerName(event.getContainer(MessageListenerContainer.class)),
                new Denial("consumer not " + (event.getReason() == ConsumerRetryAuthEvent.Reason.AUTHENTICATION
                        ? "authenticated" : "authorized") + "; retrying", clock.instant()));
    }

    @EventListener
    public void consumerAllowedAgain(ConsumerRetryAuthSuccessfulEvent event) {
        clear(containerName(event.getContainer(MessageListenerContainer.class)));
    }

    private static String containerName(MessageListenerContainer container) {
        return "listener " + container.getListenerId();
    }
}
