package dev.kassa.pspmock.api;

/**
 * A property type that Spring Data JDBC keeps in a {@code jsonb} column. The package that owns the type declares its
 * column as a bean; {@link JdbcMapping} turns every one into a pair of converters (written with {@link ApiJson}).
 */
public interface JsonColumn<T> {

    Class<T> type();

    /** The value from the column's JSON text. */
    T read(String json);
}
