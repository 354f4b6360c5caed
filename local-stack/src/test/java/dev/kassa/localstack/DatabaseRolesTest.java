package dev.kassa.localstack;

import static dev.kassa.localstack.PostgresServerTest.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** A fresh database's principals: the owner owns it, the runtime role owns nothing and reaches no other database. */
@WithLocalStack
class DatabaseRolesTest {

    @Test
    void theOwnerRoleOwnsTheDatabaseAndTheRuntimeRoleOwnsNothing(LocalStack stack) throws SQLException {
        String database = stack.freshDatabase("roles_it");
        DatabaseRoles roles = stack.roles(database);
        assertThat(roles.owner().username()).isEqualTo("roles_it_owner");
        assertThat(roles.runtime().username()).isEqualTo("roles_it_app");

        try (Connection owner = stack.ownerDataSource(database).getConnection(); Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY)");
            sql.execute("GRANT SELECT, INSERT ON orders TO roles_it_app");
            assertThat(single(sql, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                    .isEqualTo("roles_it_owner");
        }
        try (Connection runtime = stack.runtimeDataSource(database).getConnection();
             Statement sql = runtime.createStatement()) {
            assertThat(single(sql, "SELECT current_user")).isEqualTo("roles_it_app");
            sql.execute("INSERT INTO orders VALUES (1)");
            assertThat(single(sql, "SELECT (SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole)"
                    + " + (SELECT count(*) FROM pg_namespace WHERE nspowner = current_user::regrole)"
                    + " + (SELECT count(*) FROM pg_database WHERE datdba = current_user::regrole)"
                    + " + (SELECT count(*) FROM pg_proc WHERE proowner = current_user::regrole)")).isEqualTo("0");
            assertThat(single(sql, "SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls FROM pg_roles"
                    + " WHERE rolname = current_user")).isEqualTo("f");
            assertPermissionDenied(sql, "CREATE TABLE mine (id INT)");
            assertPermissionDenied(sql, "DELETE FROM orders");
            assertPermissionDenied(sql, "ALTER TABLE orders DISABLE TRIGGER ALL");
            assertPermissionDenied(sql, "SET ROLE roles_it_owner");
        }
    }

    @Test
    void aRuntimeRoleCannotConnectToAnotherServicesDatabase(LocalStack stack) {
        String mine = stack.freshDatabase("roles_mine");
        String theirs = stack.freshDatabase("roles_theirs");

        assertThatThrownBy(() -> stack.postgres().dataSource(theirs, stack.roles(mine).runtime()).getConnection().close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    @Test
    void creatingAgainKeepsTheRolesAndTakesTheNewPasswords(LocalStack stack) throws SQLException {
        String database = stack.freshDatabase("roles_again");
        DatabaseRoles renewed = DatabaseRoles.withRandomPasswords("roles_again");

        stack.postgres().createDatabase(database, renewed); // as a restart of the launcher does
        try (Connection runtime = stack.postgres().dataSource(database, renewed.runtime()).getConnection();
             Statement sql = runtime.createStatement()) {
            assertThat(single(sql, "SELECT current_user")).isEqualTo("roles_again_app");
        }
    }

    private static void assertPermissionDenied(Statement sql, String statement) {
        assertThatThrownBy(() -> sql.execute(statement)).as(statement).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(statement).isEqualTo("42501"));
    }
}
