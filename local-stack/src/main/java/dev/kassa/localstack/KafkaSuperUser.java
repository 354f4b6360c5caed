package dev.kassa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The embedded broker's super user, {@value #USERNAME}: local-stack creates topics, users and ACLs as it. Its password
 * is made with the storage and kept beside it, readable by this user only, since the SCRAM credential formatted into
 * the metadata log must match it on every later start.
 */
final class KafkaSuperUser {

    static final String USERNAME = "kassa-admin";
    static final String PASSWORD_FILE = "kassa-admin.password";

    private KafkaSuperUser() {
    }

    static KafkaCredentials readOrCreate(Path logDir) {
        Path file = logDir.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return new KafkaCredentials(USERNAME, Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            if (Files.exists(logDir.resolve("meta.properties"))) {
                throw new IllegalStateException("The Kafka data in " + logDir + " was made before the broker required "
                        + "SASL and has no " + PASSWORD_FILE + ": start with fresh data (./kassa --fresh)");
            }
            KafkaCredentials superUser = KafkaCredentials.random(USERNAME);
            Files.createDirectories(logDir);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, superUser.password(), StandardCharsets.US_ASCII);
            return superUser;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }
}
