package dev.kassa.pspmock.api;

import dev.kassa.web.BodyTooLargeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Reads request bodies (forms, or JSON strictly) and writes responses with the application's JSON mapper (snake_case). */
@Component
public class ApiJson {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JsonMapper mapper;
    private final ObjectReader strictReader;

    public ApiJson(JsonMapper mapper) {
        this.mapper = mapper;
        // Duplicate keys and trailing garbage are rejected: "same parameters" must mean one reading only.
        this.strictReader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads the body straight from the request, a form or JSON whatever the content type claims
     * ({@link #readRequest(byte[])}). Its size is bounded by the web module's limit on every endpoint
     * ({@code kassa.web.max-body-bytes}): a body announcing more never gets here, a chunked one stops growing.
     */
    public JsonRequest readRequest(HttpServletRequest request) {
        return readRequest(readBody(request));
    }

    /** Like {@link #readRequest(HttpServletRequest)}: an empty body is an empty form, so no parameters. */
    public JsonRequest readOptionalRequest(HttpServletRequest request) {
        return readRequest(request);
    }

    private static byte[] readBody(HttpServletRequest request) {
        try {
            return request.getInputStream().readAllBytes();
        } catch (BodyTooLargeException e) {
            throw tooLarge(e.limitBytes());
        } catch (IOException e) {
            throw ApiException.invalidRequest("invalid_json", "The request body could not be read.", null);
        }
    }

    /** 413 in this API's dialect, for the web module's limit. */
    public static ApiException tooLarge(long limitBytes) {
        return new ApiException(413, "invalid_request_error", "request_too_large",
                "The request body exceeds " + limitBytes + " bytes.", null);
    }

    /**
     * A body that starts like JSON ({@code {}, {@code [} or {@code "}) is read as JSON, anything else (empty included)
     * as Stripe's form encoding ({@link FormBody}), whatever the {@code Content-Type} says: Stripe's SDKs send forms,
     * while {@code curl -d '{…}'} labels JSON as a form. Either way the endpoint sees the same tree.
     */
    JsonRequest readRequest(byte[] body) {
        if (body == null || !looksLikeJson(body)) {
            return new JsonRequest(FormBody.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8)), true);
        }
        JsonNode node;
        try {
            node = strictReader.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.invalidRequest("invalid_json",
                    "The request body is not valid JSON: " + e.getOriginalMessage(), null);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.invalidRequest("invalid_json", "The request body must be a JSON object.", null);
        }
        return new JsonRequest((ObjectNode) node, false);
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[' || b == '"';
            }
        }
        return false;
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public Map<String, String> readStringMap(String json) {
        return mapper.readValue(json, STRING_MAP);
    }

    public JsonNode readTree(String json) {
        return mapper.readTree(json);
    }

    /** Already rendered JSON, embedded as is when written again (saves serializing the same object twice). */
    public RawValue raw(String renderedJson) {
        return new RawValue(renderedJson);
    }

    public ApiResponse render(int status, Object body) {
        return new ApiResponse(status, write(body));
    }

    public ApiResponse render(ApiException error) {
        return new ApiResponse(error.status(), write(error.body()));
    }

    /** For filters, which answer before Spring MVC is involved. */
    public void writeError(HttpServletResponse response, ApiException error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(write(error.body()).getBytes(StandardCharsets.UTF_8));
    }
}
