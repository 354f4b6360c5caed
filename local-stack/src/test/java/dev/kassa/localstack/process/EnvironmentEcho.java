package dev.kassa.localstack.process;

import java.io.IOException;

/**
 * A stand-in service for {@link ServiceProcessTest}: prints one environment variable and its arguments, then
 * waits until it is stopped (or its parent goes away and closes its standard input).
 */
public final class EnvironmentEcho {

    static final String VARIABLE = "KASSA_ECHO_SECRET";

    private EnvironmentEcho() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println("arguments=" + String.join(" ", args));
        System.out.println(VARIABLE + "=" + System.getenv(VARIABLE));
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing to do but stay alive
        }
    }
}
