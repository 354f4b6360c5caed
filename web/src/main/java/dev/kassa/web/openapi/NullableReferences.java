package dev.kassa.web.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A nullable property whose type is another schema (a reconciliation report's {@code requested_by}), as OpenAPI 3.1
 * means it. swagger-core writes {@code @Schema(nullable = true)} on such a property as
 * {@code {"$ref": …, "type": "null"}}, which 3.1 reads as "that object and null at once", so no value matches; this
 * writes {@code {"anyOf": [{"$ref": …}, {"type": "null"}]}} instead.
 */
class NullableReferences implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema<?> schema : api.getComponents().getSchemas().values()) {
            if (schema.getProperties() != null) {
                schema.getProperties().replaceAll((name, property) -> anyOfReferenceOrNull(property));
            }
        }
    }

    private static Schema anyOfReferenceOrNull(Schema<?> property) {
        boolean nullable = "null".equals(property.getType())
                || (property.getTypes() != null && property.getTypes().contains("null"));
        if (property.get$ref() == null || !nullable) {
            return property;
        }
        return new JsonSchema().description(property.getDescription())
                .anyOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))));
    }
}
