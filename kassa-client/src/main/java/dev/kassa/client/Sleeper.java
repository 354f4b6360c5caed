package dev.kassa.client;

import java.time.Duration;

/** How the client waits between attempts and polls: {@link Thread#sleep(Duration)}; tests record the waits instead. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
