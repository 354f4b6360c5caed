package dev.kassa.launcher.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kassa.web.security.SecretKeys;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("fast")
class CredentialsFileTest {

    private static final Credentials CREDENTIALS = new Credentials(OperatorKey.newLocalAdmin(),
            new MerchantKey("m_demo", "key_1", SecretKeys.generate("sk_test_")));

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenIsReadBack() {
        Path file = dir.resolve("work").resolve("credentials");

        CredentialsFile.write(file, CREDENTIALS);

        CredentialsFile.Stored stored = CredentialsFile.read(file);
        assertThat(stored.operator()).contains(CREDENTIALS.operator());
        assertThat(stored.merchant()).contains(CREDENTIALS.merchant());
        assertThat(CredentialsFile.readComplete(file)).isEqualTo(CREDENTIALS);
    }

    @Test
    void onlyItsOwnerMayReadIt() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("credentials");
        Files.writeString(file, "operator.key=opk_old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CredentialsFile.write(file, CREDENTIALS);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left beside it").containsExactly(file);
        }
    }

    @Test
    void noFileHoldsNothing() {
        Path file = dir.resolve("credentials");

        assertThat(CredentialsFile.read(file).operator()).isEmpty();
        assertThat(CredentialsFile.read(file).merchant()).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> CredentialsFile.readComplete(file))
                .withMessageContaining("./kassa");
    }

    @Test
    void aMalformedEntryCountsAsMissing() throws IOException {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "operator.key=not-an-operator-key\nmerchant.id=m_demo\nmerchant.key=sk_test_x\n");

        assertThat(CredentialsFile.read(file).operator()).isEmpty();
        assertThat(CredentialsFile.read(file).merchant()).as("no key id").isEmpty();
    }

    @Test
    void keysShowOnlyTheirPrefixAsText() {
        assertThat(CREDENTIALS.toString())
                .doesNotContain(CREDENTIALS.operator().key(), CREDENTIALS.merchant().key())
                .contains(CREDENTIALS.operator().key().substring(0, 8), CREDENTIALS.merchant().key().substring(0, 12));
    }

    @Test
    void theLocalAdminHasEveryOperatorRoleAndANewKeyEachTime() {
        OperatorKey admin = OperatorKey.newLocalAdmin();

        assertThat(admin.name()).isEqualTo("local-admin");
        assertThat(admin.roles()).isEqualTo(List.of("OPERATOR", "FINANCE", "VIEWER"));
        assertThat(admin.key()).startsWith("opk_").hasSize(36).isNotEqualTo(OperatorKey.newLocalAdmin().key());
        assertThat(admin.sha256()).isEqualTo(SecretKeys.sha256Hex(admin.key())).hasSize(64);
    }
}
