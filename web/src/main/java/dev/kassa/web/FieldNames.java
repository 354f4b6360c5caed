package dev.kassa.web;

import dev.kassa.web.validation.PanDetector;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * Field names as the client wrote them. Every Kassa API is snake_case, so a Java property path of Bean
 * Validation ({@code paymentOrders[0].sellerAccount}) is shown as {@code payment_orders[0].seller_account};
 * Jackson's location of an error is joined the same way. A name that carries a card number is masked.
 */
final class FieldNames {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    static final String BODY = "body";

    private FieldNames() {
    }

    /** {@code paymentOrders[0].sellerAccount} → {@code payment_orders[0].seller_account}. */
    static String snakeCase(String javaPath) {
        if (javaPath == null || javaPath.isEmpty()) {
            return BODY;
        }
        Matcher name = NAME.matcher(javaPath);
        StringBuilder field = new StringBuilder();
        while (name.find()) {
            name.appendReplacement(field, Matcher.quoteReplacement(SNAKE_CASE.nameForField(null, null, name.group())));
        }
        name.appendTail(field);
        return PanDetector.mask(field.toString());
    }

    /** Jackson's location of an error, {@code payment_orders[1].amount}, or {@code body} at the root. */
    static String of(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? BODY : PanDetector.mask(field.toString());
    }
}
