package dev.kassa.pspmock.api;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.postgresql.util.PGobject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;

/** Spring Data JDBC's conversions: the dialect's, and a reading and a writing converter per {@link JsonColumn}. */
@Configuration(proxyBeanMethods = false)
class JdbcMapping {

    @Bean
    JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect, ApiJson json, List<JsonColumn<?>> columns) {
        List<Object> converters = new ArrayList<>();
        for (JsonColumn<?> column : columns) {
            converters.add(new ToJsonb(column.type(), json));
            converters.add(new FromJsonb(column));
        }
        return JdbcCustomConversions.of(dialect, converters);
    }

    /** Metadata (intents, refunds), read back sorted by key. */
    @Bean
    JsonColumn<Metadata> metadataColumn(ApiJson json) {
        return new JsonColumn<>() {
            @Override
            public Class<Metadata> type() {
                return Metadata.class;
            }

            @Override
            public Metadata read(String text) {
                return new Metadata(new TreeMap<>(json.readStringMap(text)));
            }
        };
    }

    @WritingConverter
    private record ToJsonb(Class<?> type, ApiJson json) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(type, PGobject.class));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            if (source == null) {
                return null;
            }
            PGobject jsonb = new PGobject();
            jsonb.setType("jsonb");
            try {
                jsonb.setValue(json.write(source));
            } catch (SQLException e) {
                throw new IllegalStateException(e); // PGobject.setValue does not throw for plain values
            }
            return jsonb;
        }
    }

    @ReadingConverter
    private record FromJsonb(JsonColumn<?> column) implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(PGobject.class, column.type()));
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : column.read(((PGobject) source).getValue());
        }
    }
}
