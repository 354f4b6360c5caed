package dev.kassa.launcher.bench;

/**
 * The CPU one part of the system used since it was first sampled, across the processes that served it in turn
 * (killed, then restarted by the supervisor): the last reading of each ended process plus the current one's. It
 * never goes down, so that the difference of two samples is never negative: an ended process read as 0 once (while
 * its successor was not listening yet), and the process before it was forgotten, which gave a part -3.4 % of a core.
 */
final class CumulativeCpu {

    private long pid;
    private long ended;
    private long last;

    CumulativeCpu(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /** A reading of {@code nanos} from process {@code pid}; another pid than before means the one before ended. */
    long read(long pid, long nanos) {
        if (pid != this.pid) {
            ended += last;
            this.pid = pid;
            last = 0;
        }
        last = Math.max(last, nanos);
        return total();
    }

    /** What the part has used as of the last reading. */
    long total() {
        return ended + last;
    }
}
