package dev.kassa.pspmock.intent;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The {@code Charge} schema ({@link ChargeView}), which no endpoint answers (psp-mock has no charges endpoint) but
 * {@code charge.refunded} events carry; read with springdoc's converters (the snake_case names included).
 */
@Component
class ChargeSchema implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        ModelConverters.getInstance(true).readAll(new AnnotatedType(ChargeView.class))
                .forEach(api.getComponents()::addSchemas);
    }
}
