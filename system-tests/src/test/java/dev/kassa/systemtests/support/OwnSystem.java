package dev.kassa.systemtests.support;

import java.nio.file.Path;

/**
 * A whole system of a test's own, beside the shared one: for what the shared system cannot be, such as several
 * instances of every service ({@code ./kassa --instances N}). Its logs go to {@code target/system-test-logs-<name>}.
 * Each one costs a full start, so few tests should need one.
 */
public final class OwnSystem implements AutoCloseable {

    private final SharedSystem system;
    private final Kassa kassa;

    private OwnSystem(SharedSystem system) {
        this.system = system;
        this.kassa = new Kassa(system.system());
    }

    public static OwnSystem start(int instances, String name) {
        return new OwnSystem(SharedSystem.start(instances, Path.of("target", "system-test-logs-" + name).toAbsolutePath()));
    }

    public Kassa kassa() {
        return kassa;
    }

    /** The invariants the shared system's tests are checked against after each test, awaited here. */
    public void awaitInvariantsHold() {
        new AfterEachInvariants(kassa).awaitAllHold();
    }

    @Override
    public void close() {
        system.close();
    }
}
