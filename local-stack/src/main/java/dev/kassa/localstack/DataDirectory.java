package dev.kassa.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A server's data directory: the caller's persistent one, or a temporary one deleted on close. Either way
 * it is locked ({@value #LOCK_FILE}) while in use, so a second process cannot start on the same data, and
 * a temporary directory left behind by a killed JVM can be recognised and cleaned up later.
 */
final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "local-stack.lock";
    /** A directory this young may be between creation and locking by another JVM: never treat as abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    /**
     * Directories locked by this JVM. File locks are per process, and on Linux closing any channel to a
     * lock file drops the process's lock on it: such files must never be opened a second time.
     */
    private static final Set<Path> HELD_BY_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final boolean temporary;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, boolean temporary, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.temporary = temporary;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The persistent directory if given, else a new temporary one named "&lt;tempPrefix&gt;&lt;random&gt;". */
    static DataDirectory of(Path persistent, String tempPrefix) {
        try {
            Path path = persistent == null
                    ? Files.createTempDirectory(tempPrefix)
                    : Files.createDirectories(persistent);
            return lock(path.toAbsolutePath().normalize(), persistent == null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create data directory", e);
        }
    }

    private static DataDirectory lock(Path path, boolean temporary) throws IOException {
        if (!HELD_BY_THIS_JVM.add(path)) {
            throw new IllegalStateException("Data directory " + path + " is already in use in this JVM");
        }
        try {
            FileChannel channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Data directory " + path + " is in use by another process");
            }
            return new DataDirectory(path, temporary, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_BY_THIS_JVM.remove(path);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    boolean temporary() {
        return temporary;
    }

    /** Releases the lock; a temporary directory is deleted, a persistent one kept. */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unlock " + path, e);
        } finally {
            HELD_BY_THIS_JVM.remove(path);
        }
        if (temporary) {
            deleteRecursively(path);
        }
    }

    /**
     * Deletes temporary directories named "&lt;prefix&gt;*" whose owner is gone (their lock is free), after
     * {@code beforeDelete} had a chance to stop what the dead owner left running there.
     */
    static void cleanAbandoned(String prefix, Consumer<Path> beforeDelete) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(tmp, prefix + "*")) {
            for (Path candidate : candidates) {
                if (isAbandoned(candidate)) {
                    beforeDelete.accept(candidate);
                    deleteRecursively(candidate);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Housekeeping only: never fail a start because of someone else's leftovers.
        }
    }

    private static boolean isAbandoned(Path directory) throws IOException {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (HELD_BY_THIS_JVM.contains(directory.toAbsolutePath().normalize())
                || !Files.isDirectory(directory)
                || !Files.exists(lockFile)
                || Files.getLastModifiedTime(lockFile).toInstant().isAfter(Instant.now().minus(GRACE))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        }
    }

    /** @return the lock, or null if another process holds it */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
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

    @Override
    public String toString() {
        return path + (temporary ? " (temporary)" : "");
    }
}
