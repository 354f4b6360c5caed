package dev.kassa.console.api;

/**
 * A service refused or failed a call: its problem detail's status, title and detail (docs/architecture.md §8), or a
 * 503 when it did not answer at all. The console shows it as it is: the service's words are the clearest account.
 */
public class ServiceProblem extends RuntimeException {

    private final Backend backend;
    private final int status;
    private final String title;
    private final String detail;

    public ServiceProblem(Backend backend, int status, String title, String detail) {
        super(backend.displayName() + " answered " + status + ": " + detail);
        this.backend = backend;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    public Backend backend() {
        return backend;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
