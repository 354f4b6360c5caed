package dev.kassa.localstack;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Server properties of a single-node dev/test broker in KRaft combined mode (broker and controller in one
 * process, no ZooKeeper), listening on 127.0.0.1 only.
 *
 * <p>Clients must authenticate (SASL/SCRAM-SHA-512 on the client listener) and the broker denies whatever no ACL
 * allows, as a deployment's broker should (docs/architecture.md §11). The super user is the operator's principal:
 * local-stack acts as it to create topics, users and ACLs. The controller listener takes SASL/PLAIN with the super
 * user's password from this configuration, since SCRAM credentials live in the metadata log the controller serves.
 */
final class KafkaBrokerSettings {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KafkaBrokerSettings() {
    }

    static final String CLIENT_LISTENER = "SASL_PLAINTEXT";
    static final String CLIENT_MECHANISM = "SCRAM-SHA-512";

    static Properties of(Path logDir, int port, int controllerPort, int defaultPartitions, KafkaCredentials admin) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // A static quorum: the voter's endpoint lives in config, not in the metadata log, so a persistent
        // data directory keeps working when the controller port changes between runs.
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", CLIENT_LISTENER + "://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                + controllerPort);
        p.put("advertised.listeners", CLIENT_LISTENER + "://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER
                + ":SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", CLIENT_LISTENER);
        security(p, admin);
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());

        // The design demands explicit topic creation: a typo must fail, not create a topic.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", String.valueOf(defaultPartitions));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");

        // Internal topics on a single node: replication factor 1, few partitions (created on first use).
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");

        // The controller appends a no-op record to the metadata log this often so that brokers can tell they
        // are caught up (Kafka's default 500 ms). One node has no follower to reassure: every 5 s is plenty, and
        // an idle system stops writing and flushing the metadata log twice a second.
        p.put("metadata.max.idle.interval.ms", "5000");

        // A broker killed without its clean shutdown is registered again only once the controller has fenced its
        // last registration, after this session timeout (Kafka's default 9 s). One node on one machine: the
        // heartbeat never crosses a network, so 4 s (3 heartbeats) is still a generous margin.
        p.put("broker.session.timeout.ms", "4000");
        p.put("broker.heartbeat.interval.ms", "1000");

        // Tests join consumer groups constantly: no waiting for more members.
        p.put("group.initial.rebalance.delay.ms", "0");

        // Small footprint: the test JVM also runs Spring contexts on a 2-core machine.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("log.retention.hours", "168");
        p.put("offsets.topic.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("transaction.state.log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    private static void security(Properties p, KafkaCredentials admin) {
        String controller = CONTROLLER_LISTENER.toLowerCase(java.util.Locale.ROOT);
        p.put("sasl.enabled.mechanisms", CLIENT_MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", CLIENT_MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", admin.scramJaasConfig());
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name." + controller + ".plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin.username()
                        + "\" password=\"" + admin.password() + "\" user_" + admin.username() + "=\""
                        + admin.password() + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + admin.username());
    }
}
