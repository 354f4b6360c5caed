package dev.kassa.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class RequiredResponsePropertiesTest {

    @Test
    void everyPropertyOfAResponseOnlySchemaIsRequiredRequestSchemasAndSchemasListingTheirOwnAreLeftAlone() {
        Schema<?> line = new ObjectSchema().addProperty("sku", new StringSchema());
        Schema<?> order = new ObjectSchema()
                .addProperty("id", new StringSchema())
                .addProperty("note", new StringSchema().types(Set.of("string", "null")))
                .addProperty("total", new ObjectSchema().addProperty("amount", new StringSchema()))
                .addProperty("lines", new ArraySchema().items(ref("Line")))
                .addProperty("buyer", ref("Buyer"));
        Schema<?> buyer = new ObjectSchema().addProperty("email", new StringSchema())
                .addProperty("name", new StringSchema());
        Schema<?> orderRequest = new ObjectSchema().addProperty("buyer", ref("Buyer"))
                .addProperty("comment", new StringSchema());
        Schema<?> problemMember = new ObjectSchema().addProperty("field", new StringSchema());
        Schema<?> problem = new ObjectSchema().addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema()).addProperty("errors", new ArraySchema().items(problemMember))
                .required(List.of("title"));
        Schema<?> inline = new ObjectSchema().addProperty("count", new StringSchema());
        OpenAPI api = new OpenAPI()
                .components(new Components().addSchemas("Order", order).addSchemas("Line", line)
                        .addSchemas("Buyer", buyer).addSchemas("OrderRequest", orderRequest)
                        .addSchemas("Problem", problem))
                .paths(new Paths()
                        .addPathItem("/orders", new PathItem().post(new Operation()
                                .requestBody(new RequestBody().content(json(ref("OrderRequest"))))
                                .responses(new ApiResponses().addApiResponse("201", answer(ref("Order")))
                                        .addApiResponse("400", answer(ref("Problem"))))))
                        .addPathItem("/orders/count", new PathItem().get(new Operation()
                                .responses(new ApiResponses().addApiResponse("200", answer(inline))))));

        new RequiredResponseProperties().customise(api);

        assertThat(order.getRequired()).containsExactlyInAnyOrder("id", "note", "total", "lines", "buyer");
        assertThat(order.getProperties().get("total").getRequired()).containsExactly("amount");
        assertThat(line.getRequired()).containsExactly("sku");
        assertThat(inline.getRequired()).containsExactly("count");
        assertThat(buyer.getRequired()).as("also in a request, where its fields may be optional").isNull();
        assertThat(orderRequest.getRequired()).isNull();
        assertThat(problem.getRequired()).containsExactly("title");
        assertThat(problemMember.getRequired()).as("written inside a schema that lists its own").isNull();
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    private static ApiResponse answer(Schema<?> schema) {
        return new ApiResponse().content(json(schema));
    }
}
