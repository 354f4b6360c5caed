package dev.kassa.pspmock.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered in the Stripe-like shape {@code {"error": {type, code, message, param, ...}}}.
 * Thrown anywhere in request handling; rendered by {@link ApiExceptionHandler} or the filters.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final Map<String, Object> extra;

    public ApiException(int status, String type, String code, String message, String param) {
        this(status, type, code, message, param, Map.of());
    }

    public ApiException(int status, String type, String code, String message, String param, Map<String, Object> extra) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.extra = extra;
    }

    public static ApiException invalidRequest(String code, String message, String param) {
        return new ApiException(400, "invalid_request_error", code, message, param);
    }

    public static ApiException notFound(String kind, String id, String param) {
        return new ApiException(404, "invalid_request_error", "resource_missing",
                "No such " + kind + ": '" + id + "'", param);
    }

    public static ApiException apiError(int status, String code, String message) {
        return new ApiException(status, "api_error", code, message, null);
    }

    public int status() {
        return status;
    }

    /** The body, keys in a stable order; {@code param} is always present (null when no parameter is at fault). */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("code", code);
        error.put("message", getMessage());
        error.put("param", param);
        error.putAll(extra);
        return Map.of("error", error);
    }

    public String code() {
        return code;
    }
}
