package dev.kassa.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port of this machine (Linux {@code /proc}): the socket's inode from
 * {@code /proc/net/tcp}, then the process holding a descriptor to it. Works the same for services this JVM
 * started and for a system started by another {@code ./kassa}, which knows no process ids of ours.
 */
final class ListeningPorts {

    private static final String LISTEN = "0A";

    private ListeningPorts() {
    }

    static OptionalLong pidOf(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            // The lowest pid that holds the socket: a forked child (a PostgreSQL backend) may hold it too.
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holdsAny(p, inodes))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .min();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static Set<String> listeningInodes(int port) {
        String portHex = String.format(":%04X", port);
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(portHex) && LISTEN.equals(fields[3])) {
                        inodes.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (no IPv6, or not Linux): nothing listens there as far as we can tell
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> inodes) {
        try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
            return descriptors.anyMatch(fd -> {
                try {
                    return inodes.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException e) {
            return false; // gone, or not ours to look at
        }
    }
}
