package dev.kassa.client;

/**
 * Reads a status the server sent: its constant, or the enum's {@code UNKNOWN} for a value a newer server added, so that
 * a new status never makes an older client fail to read a whole answer. Null stays null.
 */
final class KnownValues {

    private KnownValues() {
    }

    static <E extends Enum<E>> E of(Class<E> type, String value, E unknown) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant != unknown && constant.name().equals(value)) {
                return constant;
            }
        }
        return unknown;
    }
}
