package dev.kassa.payment;

import org.springframework.data.jdbc.core.convert.EntityRowMapper;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.jdbc.core.RowMapper;

/** Rows of a hand-written statement mapped to an entity as its Spring Data repository maps them. */
public final class EntityRows {

    private EntityRows() {
    }

    @SuppressWarnings("unchecked") // the mapping context answers the entity of the type it is asked for
    public static <T> RowMapper<T> of(JdbcConverter converter, Class<T> type) {
        return new EntityRowMapper<>((RelationalPersistentEntity<T>) converter.getMappingContext()
                .getRequiredPersistentEntity(type), converter);
    }
}
