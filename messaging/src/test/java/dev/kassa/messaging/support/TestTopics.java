package dev.kassa.messaging.support;

/** The topics and consumer groups the test application declares; one pair per test class. */
public final class TestTopics {

    public static final String INBOX = "test.inbox";
    public static final String INBOX_GROUP = "inbox-test";

    public static final String RETRY = "test.retry";
    public static final String RETRY_GROUP = "retry-test";

    public static final String BATCH = "test.batch";
    public static final String BATCH_GROUP = "batch-test";

    public static final String BATCH_HANDLER = "test.batch-handler";
    public static final String BATCH_HANDLER_GROUP = "batch-handler-test";

    public static final String POISON = "test.poison";
    public static final String POISON_GROUP = "poison-test";

    public static final String REPLAY = "test.replay";
    public static final String REPLAY_GROUP = "replay-test";

    public static final String SHARED = "test.shared";
    public static final String ALPHA_GROUP = "alpha";
    public static final String BETA_GROUP = "beta";

    public static final String CONCURRENT = "test.concurrent";
    public static final String CONCURRENT_GROUP = "concurrent-test";

    public static final String TRACED = "test.traced";
    public static final String TRACED_GROUP = "traced-test";

    /** Two topics one group consumes alike, in batches: they share the group's listener containers. */
    public static final String PAIRED_A = "test.paired-a";
    public static final String PAIRED_B = "test.paired-b";
    public static final String PAIRED_GROUP = "paired-test";
    /** The handlers' names in {@link ScriptedHandlers}: one per topic, although the group is one. */
    public static final String PAIRED_A_HANDLER = "paired-test/a";
    public static final String PAIRED_B_HANDLER = "paired-test/b";

    public static final String DEFAULTS = "test.defaults";
    public static final String DEFAULTS_GROUP = "defaults-test";

    private TestTopics() {
    }
}
