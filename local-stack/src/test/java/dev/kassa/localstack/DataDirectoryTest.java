package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    private static final String PREFIX = "kassa-datadir-test-";

    @Test
    void aDataDirectoryInUseCannotBeTakenTwice(@TempDir Path parent) {
        Path path = parent.resolve("kafka");
        try (DataDirectory first = DataDirectory.of(path, PREFIX)) {
            assertThatThrownBy(() -> DataDirectory.of(path, PREFIX))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
        }
        DataDirectory.of(path, PREFIX).close(); // free again once released
        assertThat(path).isDirectory(); // persistent: kept
    }

    @Test
    void temporaryDirectoriesAreDeletedOnClose() {
        DataDirectory temporary = DataDirectory.of(null, PREFIX);
        Path path = temporary.path();
        assertThat(path.getFileName().toString()).startsWith(PREFIX);

        temporary.close();

        assertThat(path).doesNotExist();
    }

    @Test
    void onlyAbandonedTemporaryDirectoriesAreCleanedUp() throws Exception {
        Path abandoned = Files.createTempDirectory(PREFIX);
        Files.createFile(abandoned.resolve(DataDirectory.LOCK_FILE));
        age(abandoned);
        try (DataDirectory inUse = DataDirectory.of(null, PREFIX)) {
            age(inUse.path());

            DataDirectory.cleanAbandoned(PREFIX, dir -> { });

            assertThat(abandoned).doesNotExist();
            assertThat(inUse.path()).isDirectory();
        }
    }

    private static void age(Path dataDir) throws Exception {
        Files.setLastModifiedTime(dataDir.resolve(DataDirectory.LOCK_FILE),
                FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    }
}
