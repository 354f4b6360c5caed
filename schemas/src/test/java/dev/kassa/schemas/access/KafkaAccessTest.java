package dev.kassa.schemas.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The broker's rights follow the topic table: the real broker's refusals are tested in local-stack's KafkaAccessTest. */
@Tag("fast")
class KafkaAccessTest {

    private static final Path COMMITTED_SCRIPT = Path.of("..", "deploy", "kafka", "acls.sh");

    @Test
    void eachMainTopicHasOneWriterItsOwner() {
        for (Topics.TopicSpec topic : Topics.all()) {
            List<String> writers = KafkaAccess.acls().stream()
                    .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
                    .filter(acl -> acl.pattern().name().equals(topic.name()))
                    .filter(acl -> acl.entry().operation() == AclOperation.WRITE)
                    .map(acl -> acl.entry().principal()).toList();
            assertThat(writers).as(topic.name()).containsExactly(KafkaAccess.user(KafkaAccess.ownerOf(topic.name())));
        }
        assertThat(KafkaAccess.ownerOf(Topics.PAYMENT_RESULTS)).isEqualTo(ConsumerGroups.PAYMENT_SERVICE);
        assertThat(KafkaAccess.ownerOf(Topics.RECONCILIATION_DISCREPANCIES))
                .isEqualTo(ConsumerGroups.RECONCILIATION_SERVICE);
    }

    @Test
    void noServiceMayDeleteOrActOnTheCluster() {
        assertThat(KafkaAccess.acls()).extracting(AclBinding::entry)
                .noneMatch(entry -> entry.operation() == AclOperation.DELETE || entry.operation() == AclOperation.ALL
                        || entry.operation() == AclOperation.ALTER_CONFIGS);
        assertThat(KafkaAccess.acls()).extracting(AclBinding::pattern)
                .noneMatch(pattern -> pattern.resourceType() == ResourceType.CLUSTER
                        || pattern.resourceType() == ResourceType.TRANSACTIONAL_ID || pattern.name().equals("*"));
    }

    @Test
    void dockerComposeCreatesEveryMainTopic() throws IOException {
        String setup = Files.readString(COMMITTED_SCRIPT.resolveSibling("setup.sh"), StandardCharsets.UTF_8);
        Topics.all().forEach(topic -> assertThat(setup).contains(" " + topic.name()));
    }

    @Test
    void dockerComposeGrantsWhatThisClassGrants() throws IOException {
        String generated = KafkaAccess.script();
        Path fresh = Path.of("target", "acls.sh");
        Files.writeString(fresh, generated, StandardCharsets.UTF_8);
        assertThat(Files.readString(COMMITTED_SCRIPT, StandardCharsets.UTF_8))
                .as("deploy/kafka/acls.sh is out of date: cp schemas/target/acls.sh deploy/kafka/acls.sh")
                .isEqualTo(generated);
    }
}
