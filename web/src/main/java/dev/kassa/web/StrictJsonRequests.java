package dev.kassa.web;

import java.util.List;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every Kassa API reads a JSON request body: one reading only. A duplicate key, a field the request record
 * does not know, trailing tokens after the value, a number or boolean where a string belongs, and a control
 * character inside a string are all refused (400). Applied to the server's JSON converter only: the
 * application's {@link JsonMapper} (PSP clients, Kafka payload views) keeps its own, more tolerant, settings.
 *
 * <p>Control characters are checked here, where every string of every request record is read, rather than by a
 * constraint on each field: one check cannot be forgotten on a new field, and PostgreSQL, which refuses NUL in
 * text, never sees one.
 */
final class StrictJsonRequests {

    private StrictJsonRequests() {
    }

    /** The application's mapper with the reading rules above; writing is unchanged. */
    static JsonMapper strict(JsonMapper mapper) {
        SimpleModule noControlCharacters = new SimpleModule("kassa-no-control-characters")
                .addDeserializer(String.class, new NoControlCharacters());
        return mapper.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(noControlCharacters)
                .build();
    }

    /** Swaps the JSON converter of the server's list for one over the strict mapper. */
    static void useStrictJsonConverter(List<HttpMessageConverter<?>> converters, JsonMapper mapper) {
        JsonMapper strict = strict(mapper);
        converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter
                ? new JacksonJsonHttpMessageConverter(strict) : converter);
    }

    /** Jackson's own string reading, then the control-character check. */
    static final class NoControlCharacters extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null) {
                for (int i = 0; i < value.length(); i++) {
                    if (Character.isISOControl(value.charAt(i))) {
                        throw new ControlCharacterException(parser);
                    }
                }
            }
            return value;
        }
    }
}
