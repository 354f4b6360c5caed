package dev.kassa.reconciliation.projection;

import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.schemas.money.Money;

/** Content checks an event must pass before it enters the projection; failing ones are dead-lettered. */
final class EventChecks {

    private EventChecks() {
    }

    static void id(String field, CharSequence value) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidEventException(field + " is missing");
        }
    }

    /** @return whether the optional {@code value} is there; there but blank is invalid */
    static boolean optionalId(String field, CharSequence value) {
        if (value == null) {
            return false;
        }
        id(field, value);
        return true;
    }

    static void notNegative(String field, long minor) {
        if (minor < 0) {
            throw new InvalidEventException(field + " must be zero or positive, was " + minor);
        }
    }

    static void positive(String field, long minor) {
        if (minor <= 0) {
            throw new InvalidEventException(field + " must be positive, was " + minor);
        }
    }

    static void currency(String currency) {
        if (!Money.isSupportedCurrency(currency)) {
            throw new InvalidEventException("currency '" + currency + "' is not an upper-case ISO 4217 code");
        }
    }

    static void money(long minor, String currency) {
        positive("amount_minor", minor);
        currency(currency);
    }
}
