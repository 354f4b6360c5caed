package dev.kassa.pspmock.webhook;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the Event's schema cannot say in annotations without this package depending on the objects' (which depend on
 * it to publish): {@code data.object} is one of the API's objects, named by schema; and {@code type} is one of
 * {@link EventType} (the {@code EventType} schema, so that the two cannot drift apart).
 */
@Component
class EventSchemas implements OpenApiCustomizer {

    static final String TYPE = "EventType";
    static final String TYPE_REF = "#/components/schemas/" + TYPE;
    /** The schemas of what events carry: PaymentIntent.View, Refund.View, ChargeView, Dispute.View. */
    private static final List<String> OBJECTS = List.of("PaymentIntent", "Refund", "Charge", "Dispute");

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(TYPE, new StringSchema().description("The event types psp-mock sends,"
                + " Stripe's own").example("payment_intent.succeeded")
                ._enum(Arrays.stream(EventType.values()).map(EventType::value).toList()));
        Schema<?> event = api.getComponents().getSchemas().get("Event");
        if (event != null) {
            event.addProperty("type", new Schema<>().$ref(TYPE_REF).description("What happened"));
        }
        Schema<?> data = api.getComponents().getSchemas().get("EventData");
        if (data != null) {
            Schema<?> object = data.getProperties().get("object");
            data.addProperty("object", new Schema<>().description(object.getDescription())
                    .oneOf(OBJECTS.stream().map(name -> (Schema) new Schema<>().$ref("#/components/schemas/" + name))
                            .toList()));
        }
    }
}
