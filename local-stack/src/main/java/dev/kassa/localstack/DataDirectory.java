package dev.kassa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A server's data directory: either the caller's persistent one, or a temporary one deleted on close. */
record DataDirectory(Path path, boolean temporary) {

    static DataDirectory of(Path persistent, String tempPrefix) {
        try {
            if (persistent == null) {
                return new DataDirectory(Files.createTempDirectory(tempPrefix), true);
            }
            return new DataDirectory(Files.createDirectories(persistent.toAbsolutePath().normalize()), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory", e);
        }
    }

    /** Deletes a temporary directory; a persistent one is kept. */
    void deleteIfTemporary() {
        if (temporary) {
            deleteRecursively(path);
        }
    }

    static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
