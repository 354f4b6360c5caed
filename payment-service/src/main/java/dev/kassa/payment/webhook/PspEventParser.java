package dev.kassa.payment.webhook;

import dev.kassa.payment.webhook.PspEvent.PspObject;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a verified webhook body in ONE streaming pass, keeping only the fields Kassa uses and skipping the
 * rest unread: no tree of every node the PSP sent (it adds fields at will), no second parse later. Tolerant
 * as the PSP is an outside party: unknown fields are skipped, scalars of another JSON type are read as text.
 * Strict only where an event could not be handled at all: the body must be one JSON object with a string
 * {@code id}, a string {@code type} and an object {@code data.object}.
 */
final class PspEventParser {

    private final JsonFactory json = new JsonFactory();

    /** @throws WebhookRejectedException ({@link WebhookRejection#MALFORMED_EVENT}) for a body that is not an event */
    PspEvent parse(byte[] raw) {
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), raw)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            String id = null;
            String type = null;
            PspObject object = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "id" -> id = value == JsonToken.VALUE_STRING ? parser.getString() : skip(parser);
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getString() : skip(parser);
                    case "data" -> object = value == JsonToken.START_OBJECT ? data(parser) : skip(parser);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null || id == null || type == null || object == null) {
                throw malformed();
            }
            return new PspEvent(id, type, object, raw);
        } catch (JacksonException e) {
            throw malformed();
        }
    }

    /** {@code data}: its {@code object}, or null if it has none. */
    private static PspObject data(JsonParser parser) {
        PspObject object = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            boolean isObject = "object".equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (isObject) {
                object = value == JsonToken.START_OBJECT ? object(parser) : skip(parser);
            } else {
                parser.skipChildren();
            }
        }
        return object;
    }

    private static PspObject object(JsonParser parser) {
        String id = null;
        String status = null;
        long amount = 0;
        String currency = null;
        String paymentOrderId = null;
        String attempt = null;
        String refundId = null;
        String paymentIntent = null;
        String failureReason = null;
        String declineCode = null;
        String errorCode = null;
        String failureMessage = null;
        String reason = null;
        String dueBy = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> id = scalar(parser, value);
                case "status" -> status = scalar(parser, value);
                case "amount" -> amount = amount(parser, value);
                // Stripe's lower case, as Kassa's ISO 4217 code.
                case "currency" -> currency = upperCase(scalar(parser, value));
                case "payment_intent" -> paymentIntent = scalar(parser, value);
                case "failure_reason" -> failureReason = scalar(parser, value);
                case "reason" -> reason = scalar(parser, value);
                case "evidence_details" -> {
                    if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String key = parser.currentName();
                        JsonToken entry = parser.nextToken();
                        if ("due_by".equals(key)) {
                            dueBy = scalar(parser, entry);
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
                case "metadata" -> {
                    if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String key = parser.currentName();
                        JsonToken entry = parser.nextToken();
                        switch (key) {
                            case "payment_order_id" -> paymentOrderId = scalar(parser, entry);
                            case "attempt" -> attempt = scalar(parser, entry);
                            case "refund_id" -> refundId = scalar(parser, entry);
                            default -> parser.skipChildren();
                        }
                    }
                }
                case "last_payment_error" -> {
                    if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String key = parser.currentName();
                        JsonToken entry = parser.nextToken();
                        switch (key) {
                            case "decline_code" -> declineCode = scalar(parser, entry);
                            case "code" -> errorCode = scalar(parser, entry);
                            case "message" -> failureMessage = scalar(parser, entry);
                            default -> parser.skipChildren();
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new PspObject(id, status, amount, currency, paymentOrderId, attempt, refundId, paymentIntent,
                failureReason, declineCode != null ? declineCode : errorCode, failureMessage, reason, dueBy);
    }

    private static String upperCase(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /** A scalar as text (numbers and booleans too); null for null, objects and arrays (skipped). */
    private static String scalar(JsonParser parser, JsonToken value) {
        if (value.isStructStart()) {
            parser.skipChildren();
            return null;
        }
        return parser.getValueAsString(null);
    }

    /** An amount in minor units, also from a numeric string; 0 when absent or unreadable, as no order has it. */
    private static long amount(JsonParser parser, JsonToken value) {
        if (value.isStructStart()) {
            parser.skipChildren();
            return 0;
        }
        try {
            return parser.getValueAsLong(0);
        } catch (JacksonException outOfRange) {
            return 0;
        }
    }

    private static <T> T skip(JsonParser parser) {
        parser.skipChildren();
        return null;
    }

    private static WebhookRejectedException malformed() {
        return new WebhookRejectedException(WebhookRejection.MALFORMED_EVENT);
    }
}
