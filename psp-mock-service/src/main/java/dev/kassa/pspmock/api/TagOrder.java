package dev.kassa.pspmock.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The API's tags (the rendered reference's sections) in an order a reader expects, and the same in every run: Stripe's
 * objects alphabetically, then the simulator's own switches ({@code Simulator: …}).
 */
@Component
class TagOrder implements OpenApiCustomizer {

    static final String SIMULATOR = "Simulator: ";

    @Override
    public void customise(OpenAPI api) {
        if (api.getTags() != null) {
            api.getTags().sort(Comparator.comparing((Tag tag) -> tag.getName().startsWith(SIMULATOR))
                    .thenComparing(Tag::getName));
        }
    }
}
