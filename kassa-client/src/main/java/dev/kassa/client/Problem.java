package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.Serializable;
import java.util.List;

/**
 * An RFC 9457 problem detail as Kassa answers every error ({@code application/problem+json}, docs/errors.md). Branch on
 * {@link #type()} (or {@link KassaApiException#kind()}) and {@link #status()}, never on {@code title} or {@code detail},
 * which are for people. {@code errors} names every offending field of a 400, 404, 409, 413 or 422, in snake_case as the
 * request wrote it ({@code payment_orders[0].amount}, {@code limit}, {@code body}); empty otherwise.
 *
 * <p>An error answer that is not a problem detail (a proxy's HTML page) is shown as type {@code about:blank}, the
 * status's reason as title, and the start of the body as detail.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors)
        implements Serializable {

    /** The prefix of every Kassa problem type: {@code https://kassa.dev/problems/<slug>}. */
    public static final String TYPE_BASE = "https://kassa.dev/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The reason given for {@code field}, or null when the problem does not name it. */
    public String reasonFor(String field) {
        return errors.stream().filter(error -> field.equals(error.field())).map(FieldError::reason).findFirst()
                .orElse(null);
    }

    /** One refused field and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String reason) implements Serializable {
    }
}
