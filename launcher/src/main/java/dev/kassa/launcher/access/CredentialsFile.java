package dev.kassa.launcher.access;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code .kassa/credentials}: the keys of the launcher's system as a properties file that only its owner may read
 * or write (0600), so that a restart reuses them. Written whole into a new owner-only file that then replaces the
 * old one, so the keys are never readable by others, not even for a moment, and a crash leaves the old file or the
 * new one, never half of one.
 */
public final class CredentialsFile {

    /** What a file holds; either part may be missing (no file yet, or one written by hand). */
    public record Stored(Optional<OperatorKey> operator, Optional<MerchantKey> merchant) {
        static final Stored NOTHING = new Stored(Optional.empty(), Optional.empty());
    }

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = "Kassa's local credentials (./kassa). SECRET: readable by you only."
            + " ./kassa --fresh wipes the data and makes new ones.";

    private CredentialsFile() {
    }

    /** What {@code file} holds; nothing when it does not exist. A malformed entry counts as missing. */
    public static Stored read(Path file) {
        if (!Files.exists(file)) {
            return Stored.NOTHING;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return new Stored(operator(properties), merchant(properties));
    }

    /** Both keys, for a tool that drives a system someone else started ({@code ./kassa bench --use-running}). */
    public static Credentials readComplete(Path file) {
        Stored stored = read(file);
        if (stored.operator().isEmpty() || stored.merchant().isEmpty()) {
            throw new IllegalStateException("No credentials in " + file + ": start the system with ./kassa first (it"
                    + " makes an operator key and a merchant key and keeps them there)");
        }
        return new Credentials(stored.operator().get(), stored.merchant().get());
    }

    /** Replaces {@code file} with {@code credentials}, readable and writable by this user only. */
    public static void write(Path file, Credentials credentials) {
        Properties properties = new Properties();
        properties.setProperty("operator.name", credentials.operator().name());
        properties.setProperty("operator.roles", credentials.operator().rolesList());
        properties.setProperty("operator.key", credentials.operator().key());
        properties.setProperty("merchant.id", credentials.merchant().merchantId());
        properties.setProperty("merchant.key-id", credentials.merchant().keyId());
        properties.setProperty("merchant.key", credentials.merchant().key());
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path next = Files.createTempFile(dir, ".credentials-", ".tmp", ownerOnly());
            try {
                try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                    properties.store(writer, HEADER);
                }
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static Optional<OperatorKey> operator(Properties properties) {
        String key = properties.getProperty("operator.key");
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OperatorKey(properties.getProperty("operator.name", OperatorKey.LOCAL_ADMIN),
                    Arrays.stream(properties.getProperty("operator.roles", "").split(",")).map(String::strip)
                            .filter(role -> !role.isEmpty()).toList(), key.strip()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<MerchantKey> merchant(Properties properties) {
        try {
            return Optional.of(new MerchantKey(properties.getProperty("merchant.id"),
                    properties.getProperty("merchant.key-id"), properties.getProperty("merchant.key")));
        } catch (IllegalArgumentException missing) {
            return Optional.empty();
        }
    }

    /** Owner-only permissions where the file system has POSIX permissions (not on Windows: there, the user's profile). */
    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
