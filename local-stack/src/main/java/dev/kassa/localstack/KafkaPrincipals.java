package dev.kassa.localstack;

import dev.kassa.schemas.Topics;
import dev.kassa.schemas.access.KafkaAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The services' Kafka principals on a broker of this stack: each gets a new random SCRAM password (so every start of a
 * stack rotates them) and the ACLs of {@link KafkaAccess}; the topic contract's main topics are created as the super
 * user, as an operator would, so that a service that only consumes a topic finds it there.
 */
public final class KafkaPrincipals {

    private final Map<String, KafkaCredentials> credentials;

    private KafkaPrincipals(Map<String, KafkaCredentials> credentials) {
        this.credentials = credentials;
    }

    /** Sets up every service principal on {@code kafka}; where the broker is not secured there are none. */
    public static KafkaPrincipals provision(KafkaBroker kafka, int partitions) {
        return provision(kafka, partitions, KafkaCredentials::random);
    }

    /** As {@link #provision(KafkaBroker, int)}, with the credentials {@code login} makes for each principal. */
    public static KafkaPrincipals provision(KafkaBroker kafka, int partitions,
                                            Function<String, KafkaCredentials> login) {
        Map<String, Integer> mainTopics = new LinkedHashMap<>();
        Topics.all().forEach(topic -> mainTopics.put(topic.name(), partitions));
        kafka.createTopics(mainTopics);
        Map<String, KafkaCredentials> credentials = new LinkedHashMap<>();
        if (kafka.secured()) {
            KafkaAccess.principals().forEach(principal -> credentials.put(principal, login.apply(principal)));
            kafka.upsertUsers(credentials.values());
            kafka.createAcls(KafkaAccess.acls());
        }
        return new KafkaPrincipals(Map.copyOf(credentials));
    }

    /** Principals made elsewhere (tests of what uses them). */
    public static KafkaPrincipals of(Map<String, KafkaCredentials> credentials) {
        credentials.keySet().forEach(principal -> {
            if (!KafkaAccess.principals().contains(principal)) {
                throw new IllegalArgumentException("Not a Kassa service principal: " + principal);
            }
        });
        return new KafkaPrincipals(Map.copyOf(credentials));
    }

    /** A service principal's credentials ({@code payment-service}, ...); empty where the broker is not secured. */
    public Optional<KafkaCredentials> of(String principal) {
        if (!KafkaAccess.principals().contains(principal)) {
            throw new IllegalArgumentException("Not a Kassa service principal: " + principal);
        }
        return Optional.ofNullable(credentials.get(principal));
    }
}
