package dev.kassa.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a port that is free on 127.0.0.1 right now, for servers that must know their port before they bind it (the
 * broker, PostgreSQL, a service whose port the tests hand to another).
 *
 * <p>Not from the kernel's ephemeral range (Linux's default {@code ip_local_port_range} is 32768–60999): a port
 * picked by binding port 0 is one that every outgoing connection on the machine may take as its own before the
 * server binds it, and in a parallel build one did ({@code BindException} in the proxy's tests). Ports below that
 * range are taken only by servers that ask for them. Each port is handed out once per JVM.
 */
public final class FreePort {

    private static final int LOWEST = 20_000;
    private static final int ABOVE_HIGHEST = 32_768;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePort() {
    }

    public static synchronized int pick() {
        for (int tries = 0; tries < 1_000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE_HIGHEST);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port on 127.0.0.1 in " + LOWEST + "–" + (ABOVE_HIGHEST - 1));
    }

    static int orPick(int port) {
        return port == 0 ? pick() : port;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
