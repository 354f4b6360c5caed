package dev.kassa.pspmock.dispute;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The document's {@code DisputeEvidence}: a dispute's {@code evidence} as {@link DisputeEvidence#view()} writes it,
 * every one of Stripe's fields ({@link DisputeEvidence#FIELDS}, so the two cannot drift apart) and an empty
 * {@code enhanced_evidence}; the Dispute's {@code evidence} refers to it.
 */
@Component
class DisputeEvidenceSchema implements OpenApiCustomizer {

    static final String NAME = "DisputeEvidence";
    static final String REF = "#/components/schemas/" + NAME;

    @Override
    public void customise(OpenAPI api) {
        Schema<?> evidence = new ObjectSchema().description("Stripe's dispute evidence: each field a text (Stripe's"
                + " file fields too), null until given. `uncategorized_text` = `winning_evidence` or `losing_evidence`,"
                + " once submitted, decides the dispute after `psp.disputes.decision-delay`.");
        for (String field : DisputeEvidence.FIELDS) {
            Schema<Object> text = new Schema<>();
            text.setTypes(new LinkedHashSet<>(List.of("string", "null")));
            evidence.addProperty(field, text);
        }
        evidence.addProperty("enhanced_evidence", new ObjectSchema().description("Always empty"));
        api.getComponents().addSchemas(NAME, evidence);
        // The reference alone: the Map<String, Object> it stands for would add its own keywords beside it.
        Schema<?> dispute = api.getComponents().getSchemas().get("Dispute");
        if (dispute != null) {
            dispute.addProperty("evidence", new Schema<>().$ref(REF).description("The evidence given so far"));
        }
    }
}
