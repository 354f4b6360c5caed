package dev.kassa.console.api;

import dev.kassa.web.FieldViolation;
import java.util.List;

/**
 * A service refused or failed a call: its problem detail's status, title and detail (docs/architecture.md §8), or a
 * 503 when it did not answer at all, with the fields it named ({@code errors: [{field, reason}]}) when it refused an
 * input. The console shows it as it is: the service's words are the clearest account.
 */
public class ServiceProblem extends RuntimeException {

    private final Backend backend;
    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldViolation> errors;

    public ServiceProblem(Backend backend, int status, String title, String detail) {
        this(backend, status, title, detail, List.of());
    }

    public ServiceProblem(Backend backend, int status, String title, String detail, List<FieldViolation> errors) {
        super(backend.displayName() + " answered " + status + ": " + detail);
        this.backend = backend;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
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

    /** The fields the service refused and why, as it named them ({@code merchant_id}); empty when it named none. */
    public List<FieldViolation> errors() {
        return errors;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
