package dev.kassa.messaging.consumer;

import dev.kassa.schemas.Topics;
import java.util.ArrayList;
import java.util.List;

/** The topics that belong to one consumer group of one main topic (docs/architecture.md §2). */
public final class ConsumerTopics {

    private ConsumerTopics() {
    }

    /** {@code <dlt>.parking}: where a dead letter replayed too often is parked instead of looping. */
    public static String parkingTopic(String deadLetterTopic) {
        return deadLetterTopic + ".parking";
    }

    /** Retry topics, DLT and parking topic of {@code group} on {@code topic}, for {@code retries} retries. */
    static List<String> followers(String topic, String group, int retries) {
        List<String> names = new ArrayList<>();
        for (int n = 0; n < retries; n++) {
            names.add(Topics.retryTopic(topic, group, n));
        }
        String deadLetterTopic = Topics.deadLetterTopic(topic, group);
        names.add(deadLetterTopic);
        names.add(parkingTopic(deadLetterTopic));
        return names;
    }
}
