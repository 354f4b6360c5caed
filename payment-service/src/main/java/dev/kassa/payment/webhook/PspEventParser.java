package dev.kassa.payment.webhook;

import dev.kassa.payment.webhook.PspEvent.BalanceTransaction;
import dev.kassa.payment.webhook.PspEvent.PspObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
            EventFields event = new EventFields();
            members(parser, JsonToken.START_OBJECT, (name, value) -> {
                switch (name) {
                    case "id" -> event.id = value == JsonToken.VALUE_STRING ? parser.getString() : skip(parser);
                    case "type" -> event.type = value == JsonToken.VALUE_STRING ? parser.getString() : skip(parser);
                    case "data" -> event.object = value == JsonToken.START_OBJECT ? data(parser) : skip(parser);
                    default -> parser.skipChildren();
                }
            });
            if (parser.nextToken() != null || event.id == null || event.type == null || event.object == null) {
                throw malformed();
            }
            return new PspEvent(event.id, event.type, event.object, raw);
        } catch (JacksonException e) {
            throw malformed();
        }
    }

    /** {@code data}: its {@code object}, or null if it has none. */
    private static PspObject data(JsonParser parser) {
        EventFields data = new EventFields();
        members(parser, JsonToken.START_OBJECT, (name, value) -> {
            if ("object".equals(name)) {
                data.object = value == JsonToken.START_OBJECT ? object(parser) : skip(parser);
            } else {
                parser.skipChildren();
            }
        });
        return data.object;
    }

    private static PspObject object(JsonParser parser) {
        ObjectFields fields = new ObjectFields();
        members(parser, JsonToken.START_OBJECT, (name, value) -> {
            switch (name) {
                case "id" -> fields.id = scalar(parser, value);
                case "status" -> fields.status = scalar(parser, value);
                case "amount" -> fields.amount = amount(parser, value);
                // Stripe's lower case, as Kassa's ISO 4217 code.
                case "currency" -> fields.currency = upperCase(scalar(parser, value));
                case "payment_intent" -> fields.paymentIntent = scalar(parser, value);
                case "failure_reason" -> fields.failureReason = scalar(parser, value);
                case "reason" -> fields.reason = scalar(parser, value);
                case "evidence_details" -> members(parser, value, (key, entry) -> {
                    if ("due_by".equals(key)) {
                        fields.dueBy = scalar(parser, entry);
                    } else {
                        parser.skipChildren();
                    }
                });
                case "metadata" -> members(parser, value, (key, entry) -> {
                    switch (key) {
                        case "payment_order_id" -> fields.paymentOrderId = scalar(parser, entry);
                        case "attempt" -> fields.attempt = scalar(parser, entry);
                        case "refund_id" -> fields.refundId = scalar(parser, entry);
                        default -> parser.skipChildren();
                    }
                });
                case "last_payment_error" -> members(parser, value, (key, entry) -> {
                    switch (key) {
                        case "decline_code" -> fields.declineCode = scalar(parser, entry);
                        case "code" -> fields.errorCode = scalar(parser, entry);
                        case "message" -> fields.failureMessage = scalar(parser, entry);
                        default -> parser.skipChildren();
                    }
                });
                case "balance_transactions" -> elements(parser, value, element -> {
                    if (element == JsonToken.START_OBJECT) {
                        fields.balanceTransactions.add(balanceTransaction(parser));
                    } else {
                        parser.skipChildren(); // an id only (not expanded): no money to read
                    }
                });
                default -> parser.skipChildren();
            }
        });
        return fields.build();
    }

    /** One expanded balance transaction of a dispute: its amount, fee and reporting category. */
    private static BalanceTransaction balanceTransaction(JsonParser parser) {
        BalanceTransactionFields fields = new BalanceTransactionFields();
        members(parser, JsonToken.START_OBJECT, (key, entry) -> {
            switch (key) {
                case "amount" -> fields.amount = amount(parser, entry);
                case "fee" -> fields.fee = amount(parser, entry);
                case "reporting_category" -> fields.reportingCategory = scalar(parser, entry);
                default -> parser.skipChildren();
            }
        });
        return new BalanceTransaction(fields.amount, fields.fee, fields.reportingCategory);
    }

    /** Reads or skips the value of one member; the parser stands on that value's first token. */
    @FunctionalInterface
    private interface Member {
        void read(String name, JsonToken value);
    }

    /**
     * The one loop over an object's members, for every object the parser descends into: each name and value go to
     * {@code member}, which reads or skips the value. A {@code value} that is not an object is skipped whole.
     */
    private static void members(JsonParser parser, JsonToken value, Member member) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            member.read(name, parser.nextToken());
        }
    }

    /** Each element of an array to {@code element}, which reads or skips it; a value that is not an array is skipped. */
    private static void elements(JsonParser parser, JsonToken value, Consumer<JsonToken> element) {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
             token = parser.nextToken()) {
            element.accept(token);
        }
    }

    /** What is kept of the event's own members (and of {@code data}: its object only), as they are read. */
    private static final class EventFields {
        String id;
        String type;
        PspObject object;
    }

    private static final class BalanceTransactionFields {
        long amount;
        long fee;
        String reportingCategory;
    }

    /** The fields of {@code data.object} as the members are read, in any order. */
    private static final class ObjectFields {
        String id;
        String status;
        long amount;
        String currency;
        String paymentOrderId;
        String attempt;
        String refundId;
        String paymentIntent;
        String failureReason;
        String declineCode;
        String errorCode;
        String failureMessage;
        String reason;
        String dueBy;
        final List<BalanceTransaction> balanceTransactions = new ArrayList<>(2);

        PspObject build() {
            return new PspObject(id, status, amount, currency, paymentOrderId, attempt, refundId, paymentIntent,
                    failureReason, declineCode != null ? declineCode : errorCode, failureMessage, reason, dueBy,
                    List.copyOf(balanceTransactions));
        }
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

    /** An amount (or fee) in minor units, also from a numeric string; 0 when absent or unreadable, as no order has it. */
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
