package dev.kassa.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/disputes/{id}/evidence}: the PSP's evidence fields by Stripe's names
 * ({@code customer_communication}, {@code receipt}, {@code shipping_tracking_number}, {@code uncategorized_text}, ...;
 * an unknown one is refused) and whether to submit them now ({@code true}, or null for the server's default, which is
 * true) or only stage them ({@code false}).
 */
public record EvidenceRequest(Map<String, String> evidence, Boolean submit) {

    public EvidenceRequest {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(evidence, "evidence")));
    }

    /** Evidence submitted at once. */
    public static EvidenceRequest submit(Map<String, String> evidence) {
        return new EvidenceRequest(evidence, true);
    }

    /** Evidence staged at the PSP, not submitted yet. */
    public static EvidenceRequest stage(Map<String, String> evidence) {
        return new EvidenceRequest(evidence, false);
    }
}
