package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The container path end to end: what the shared stack offers tests, served by the two containers. */
@EnabledIf(value = "dev.kassa.localstack.DockerProbe#available",
        disabledReason = "no Docker engine answers here: the container path is tested where one does")
class ContainerStackTest {

    @Test
    void servesDatabasesAndTopicsLikeTheEmbeddedServers() throws Exception {
        LocalStack stack = LocalStack.start(new StackChoice(StackChoice.Mode.CONTAINERS, "this test"),
                KafkaBroker.Options.defaults(), PostgresServer.Options.defaults());
        try {
            String database = stack.freshDatabase("containers");
            try (Connection connection = stack.postgres().dataSource(database).getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT current_user, current_setting('server_version_num')::int / 10000, "
                                 + "current_setting('shared_preload_libraries')")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo(PostgresServer.USERNAME);
                assertThat(rows.getInt(2)).isEqualTo(18);
                assertThat(rows.getString(3)).contains("pg_stat_statements");
            }

            String topic = stack.freshTopic("containers", 2);
            KafkaBrokerTest.send(stack.kafka(), topic, "key", "value");
            assertThat(KafkaBrokerTest.readAll(stack.kafka(), topic, 1)).extracting(ConsumerRecord::value)
                    .containsExactly("value");
            assertThatThrownBy(stack.kafka()::stop).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("kassa.stack=embedded");
        } finally {
            stack.close();
        }
    }
}
