package dev.kassa.messaging.config;

/** A value that carries the exact bytes it is sent as ({@link RawValueSerializer}), such as a consumed record's. */
public interface RawBytes {

    byte[] bytes();
}
