package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's one JSON mapper (immutable, so shared by every thread). Requests leave out absent (null) fields, since
 * payment-service reads bodies strictly; responses are read leniently: a field this client does not know is ignored,
 * and a missing number or flag reads as 0 or false, so that a newer server never breaks an older client. The records'
 * own annotations ({@code @JsonNaming}, {@code @JsonIgnoreProperties}) keep them readable by a caller's mapper too.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Json() {
    }
}
