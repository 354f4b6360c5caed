package dev.kassa.systemtests.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ids of one test's checkouts, orders, sellers and refunds. Every test shares one system, so each test names
 * everything under its own prefix: no test sees another's sellers, and SQL can select a test's rows by prefix.
 */
public final class Ids {

    private static final AtomicInteger TESTS = new AtomicInteger();

    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();

    private Ids(String prefix) {
        this.prefix = prefix;
    }

    /** {@code name}: letters, digits, '-' or '_' (ids are 1–64 of {@code [A-Za-z0-9_-]}). */
    public static Ids forTest(String name) {
        return new Ids(name + TESTS.incrementAndGet());
    }

    /** What every id of this test starts with: checkout and order ids are {@code <prefix>-...} (SQL: {@code LIKE 'prefix-%'}). */
    public String prefix() {
        return prefix;
    }

    public String checkout() {
        return prefix + "-chk" + next.incrementAndGet();
    }

    public String order() {
        return prefix + "-po" + next.incrementAndGet();
    }

    public String refund() {
        return prefix + "-re" + next.incrementAndGet();
    }

    public String seller(String name) {
        return prefix + "_" + name;
    }
}
