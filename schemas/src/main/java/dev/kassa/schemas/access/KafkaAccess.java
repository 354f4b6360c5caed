package dev.kassa.schemas.access;

import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker (docs/architecture.md §11.2): one SCRAM principal per
 * service, named as its consumer group, and a broker that denies whatever these ACLs do not allow.
 *
 * <ul>
 *   <li>A service writes only the main topics it owns, those named after its domain ({@code payment.*} for
 *       payment-service, {@code wallet.events} for wallet-service, ...), and may create and grow them.</li>
 *   <li>It reads the main topics its group consumes (the topic table, {@link Topics#all()}), but may not create
 *       them: the owner does, or the operator.</li>
 *   <li>Its group's retry, dead-letter and parking topics ({@code <topic>.<group>.}...) are its own: it creates,
 *       reads and writes them, so a dead letter is replayed into them and never into another service's topic.</li>
 *   <li>It commits offsets only in its own groups (the group and the groups spring-kafka derives from it for the
 *       retry topics).</li>
 * </ul>
 * Nobody but the operator's super user (the broker's {@code super.users}) may delete a topic, alter an ACL or act
 * on the cluster.
 */
public final class KafkaAccess {

    /** The service principals, each with the topic-name domain it owns. */
    private static final Map<String, String> DOMAIN_BY_PRINCIPAL = Map.of(
            ConsumerGroups.PAYMENT_SERVICE, "payment",
            ConsumerGroups.WALLET_SERVICE, "wallet",
            ConsumerGroups.LEDGER_SERVICE, "ledger",
            ConsumerGroups.RECONCILIATION_SERVICE, "reconciliation");

    private KafkaAccess() {
    }

    /** The principals of the services that use Kafka (psp-mock-service does not). */
    public static List<String> principals() {
        return List.of(ConsumerGroups.PAYMENT_SERVICE, ConsumerGroups.WALLET_SERVICE, ConsumerGroups.LEDGER_SERVICE,
                ConsumerGroups.RECONCILIATION_SERVICE);
    }

    /** The service principal that owns (alone writes) a main topic. */
    public static String ownerOf(String topic) {
        Topics.spec(topic);
        String domain = topic.substring(0, topic.indexOf('.'));
        return DOMAIN_BY_PRINCIPAL.entrySet().stream()
                .filter(e -> e.getValue().equals(domain))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No service owns the domain of " + topic));
    }

    /** Every service principal's ACLs. */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        principals().forEach(principal -> acls.addAll(acls(principal)));
        return acls;
    }

    /** The ACLs of one service principal. */
    public static List<AclBinding> acls(String principal) {
        if (!DOMAIN_BY_PRINCIPAL.containsKey(principal)) {
            throw new IllegalArgumentException("Not a Kassa service principal: " + principal);
        }
        List<AclBinding> acls = new ArrayList<>();
        for (Topics.TopicSpec topic : Topics.all()) {
            if (ownerOf(topic.name()).equals(principal)) {
                allow(acls, principal, literal(topic.name()), AclOperation.WRITE, AclOperation.CREATE,
                        AclOperation.ALTER, AclOperation.DESCRIBE);
            }
            if (topic.consumerGroups().contains(principal)) {
                allow(acls, principal, literal(topic.name()), AclOperation.READ, AclOperation.DESCRIBE);
                // <topic>.<group>.retry-<n>, <topic>.<group>.dlt and <topic>.<group>.dlt.parking
                allow(acls, principal, prefixed(ResourceType.TOPIC, topic.name() + "." + principal + "."),
                        AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE, AclOperation.ALTER,
                        AclOperation.DESCRIBE);
            }
        }
        // The consumer group is named as the principal; spring-kafka's retry-topic consumers add a suffix.
        allow(acls, principal, prefixed(ResourceType.GROUP, principal), AclOperation.READ, AclOperation.DESCRIBE);
        return acls;
    }

    /**
     * The ACLs as {@code kafka-acls.sh} commands, for a broker that local-stack does not set up (docker-compose's
     * {@code deploy/kafka/acls.sh}, which a test keeps equal to this). Adding an ACL that exists changes nothing, so
     * the script may run at every start.
     */
    public static String script() {
        StringBuilder script = new StringBuilder("""
                #!/usr/bin/env bash
                # GENERATED from dev.kassa.schemas.access.KafkaAccess (its test keeps this file equal): the ACLs of each
                # service's Kafka principal, docs/architecture.md §11.2. Usage: acls.sh <bootstrap> <admin.properties>
                set -euo pipefail
                acl() { /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$1" --command-config "$2" --add "${@:3}" > /dev/null; }
                """);
        Map<String, Map<String, List<String>>> operations = new LinkedHashMap<>();
        for (AclBinding acl : acls()) {
            ResourcePattern resource = acl.pattern();
            String target = "--" + resource.resourceType().name().toLowerCase(Locale.ROOT) + " " + resource.name()
                    + " --resource-pattern-type " + resource.patternType().name().toLowerCase(Locale.ROOT);
            operations.computeIfAbsent(acl.entry().principal(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(target, t -> new ArrayList<>())
                    .add("--operation " + capitalized(acl.entry().operation()));
        }
        operations.forEach((principal, targets) -> targets.forEach((target, ops) ->
                script.append("acl \"$1\" \"$2\" --allow-principal ").append(principal).append(' ')
                        .append(String.join(" ", ops)).append(' ').append(target).append('\n')));
        return script.toString();
    }

    private static String capitalized(AclOperation operation) {
        String name = operation.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The principal as the broker names it. */
    public static String user(String principal) {
        return "User:" + principal;
    }

    private static void allow(List<AclBinding> acls, String principal, ResourcePattern resource,
                              AclOperation... operations) {
        for (AclOperation operation : operations) {
            AclBinding acl = new AclBinding(resource,
                    new AccessControlEntry(user(principal), "*", operation, AclPermissionType.ALLOW));
            if (!acls.contains(acl)) { // a service that owns a topic it also consumes
                acls.add(acl);
            }
        }
    }

    private static ResourcePattern literal(String topic) {
        return new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
    }

    private static ResourcePattern prefixed(ResourceType type, String prefix) {
        return new ResourcePattern(type, prefix, PatternType.PREFIXED);
    }
}
