package dev.kassa.messaging.consumer;

import dev.kassa.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The topics that belong to one consumer group of one main topic (docs/architecture.md §2). */
public final class ConsumerTopics {

    private static final String DLT_SUFFIX = ".dlt";

    private ConsumerTopics() {
    }

    /** {@code <dlt>.parking}: where a dead letter replayed too often is parked instead of looping. */
    public static String parkingTopic(String deadLetterTopic) {
        return deadLetterTopic + ".parking";
    }

    /**
     * {@code <topic>.<group>.retry-0}: where a dead letter of {@code <topic>.<group>.dlt} is replayed. It is the
     * group's own topic, so a replay reaches only the group whose consumer failed, and a service's Kafka principal
     * needs no right to write the main topic, which another service owns (docs/architecture.md §4, §11). The
     * record then takes the rest of the group's retries before it would come back as a dead letter.
     */
    public static String replayTopic(String deadLetterTopic) {
        if (!deadLetterTopic.endsWith(DLT_SUFFIX)) {
            throw new IllegalArgumentException("Not a dead-letter topic: " + deadLetterTopic);
        }
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DLT_SUFFIX.length()) + ".retry-0";
    }

    /**
     * Whether the retries with {@code delays} share one retry topic for their trailing run of equal delays: the
     * default 5s six times takes one topic, not six, and 1s, 10s, 10s, 10s two. Every retry topic has a consumer
     * that polls the broker even when idle, so a run of retries should not cost one each. The run shares its topic
     * when it is all the delays or follows pairwise distinct ones, so that every retry topic keeps an index in its
     * name ({@link Topics#retryTopic}); spring-kafka's {@code SameIntervalTopicReuseStrategy.SINGLE_TOPIC} does the
     * rest.
     */
    static boolean sharesLastRetryTopic(List<Duration> delays) {
        int run = trailingRun(delays);
        return run >= 2 && delays.stream().distinct().count() == delays.size() - run + 1;
    }

    /**
     * The suffix spring-kafka appends to the main topic's name for the retry topics of {@code group}. It numbers
     * retry topics itself ({@code -0}, {@code -1}, ...), except when one topic takes every retry: that one gets the
     * bare suffix, so the suffix carries its index.
     */
    static String retryTopicSuffix(String group, List<Duration> delays) {
        String suffix = "." + group + ".retry";
        return sharesLastRetryTopic(delays) && retryTopicCount(delays) == 1 ? suffix + "-0" : suffix;
    }

    /** How many retry topics the retries with {@code delays} take (see {@link #sharesLastRetryTopic}). */
    static int retryTopicCount(List<Duration> delays) {
        return sharesLastRetryTopic(delays) ? delays.size() - trailingRun(delays) + 1 : delays.size();
    }

    private static int trailingRun(List<Duration> delays) {
        int run = 0;
        for (int i = delays.size() - 1; i >= 0 && delays.get(i).equals(delays.getLast()); i--) {
            run++;
        }
        return run;
    }

    /** Retry topics, DLT and parking topic of {@code group} on {@code topic}, for retries with {@code delays}. */
    static List<String> followers(String topic, String group, List<Duration> delays) {
        List<String> names = new ArrayList<>();
        for (int n = 0, retryTopics = retryTopicCount(delays); n < retryTopics; n++) {
            names.add(Topics.retryTopic(topic, group, n));
        }
        String deadLetterTopic = Topics.deadLetterTopic(topic, group);
        names.add(deadLetterTopic);
        names.add(parkingTopic(deadLetterTopic));
        return names;
    }
}
