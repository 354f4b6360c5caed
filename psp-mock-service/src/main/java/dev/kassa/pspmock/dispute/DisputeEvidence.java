package dev.kassa.pspmock.dispute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kassa.pspmock.api.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * A dispute's evidence: the fields given so far by Stripe's names, each a text (or, in Stripe, a file id, taken here
 * as text). Kept in one {@code jsonb} column ({@link DisputeEvidenceColumn}); sorted by name.
 */
record DisputeEvidence(@JsonValue Map<String, String> fields) {

    /** Stripe's evidence fields (API version 2025-08-27.basil), in its order. */
    static final List<String> FIELDS = List.of("access_activity_log", "billing_address", "cancellation_policy",
            "cancellation_policy_disclosure", "cancellation_rebuttal", "customer_communication",
            "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
            "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id",
            "product_description", "receipt", "refund_policy", "refund_policy_disclosure",
            "refund_refusal_explanation", "service_date", "service_documentation", "shipping_address",
            "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
            "uncategorized_file", "uncategorized_text");
    /** Stripe's limit on one text field. */
    static final int MAX_FIELD_LENGTH = 20_000;
    /** Stripe's test evidence: submitted in {@code uncategorized_text}, it decides the dispute won or lost. */
    static final String WINNING = "winning_evidence";
    static final String LOSING = "losing_evidence";

    static final DisputeEvidence NONE = new DisputeEvidence(new TreeMap<>());

    /** Staged evidence: Stripe's {@code evidence_details.has_evidence}. */
    boolean any() {
        return !fields.isEmpty();
    }

    /** These fields changed; an empty value removes the field, as an empty metadata value does. */
    DisputeEvidence with(Map<String, String> changes) {
        Map<String, String> merged = new TreeMap<>(fields);
        changes.forEach((name, value) -> {
            if (value.isEmpty()) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        return new DisputeEvidence(merged);
    }

    /** What Stripe's test mode decides from the evidence once submitted: won, lost, or nothing (null). */
    String testOutcome() {
        String text = fields.get("uncategorized_text");
        return WINNING.equals(text) ? Dispute.WON : LOSING.equals(text) ? Dispute.LOST : null;
    }

    /** Every field of Stripe's evidence object, null where none was given, and an empty {@code enhanced_evidence}. */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String field : FIELDS) {
            view.put(field, fields.get(field));
        }
        view.put("enhanced_evidence", Map.of());
        return view;
    }

    /**
     * The {@code evidence} hash of a request: Stripe's field names with text values ({@code evidence[receipt]=…}), at
     * most {@value #MAX_FIELD_LENGTH} characters each; empty when absent (or {@code evidence=}). Sorted by name.
     */
    static Map<String, String> changesFrom(JsonNode evidence) {
        Map<String, String> changes = new TreeMap<>();
        if (evidence == null || evidence.isNull() || (evidence.isString() && evidence.stringValue().isEmpty())) {
            return changes;
        }
        if (!evidence.isObject()) {
            throw ApiException.invalidRequest("parameter_invalid",
                    "evidence must be a hash, e.g. evidence[uncategorized_text]=….", "evidence");
        }
        for (Map.Entry<String, JsonNode> entry : evidence.properties()) {
            String param = "evidence[" + entry.getKey() + "]";
            if (!FIELDS.contains(entry.getKey())) {
                throw ApiException.invalidRequest("parameter_unknown", "Received unknown parameter: " + param
                        + (entry.getKey().equals("enhanced_evidence") ? " (psp-mock takes no enhanced evidence)" : ""),
                        param);
            }
            if (!entry.getValue().isString()) {
                throw ApiException.invalidRequest("parameter_invalid_string", param + " must be a string.", param);
            }
            String value = entry.getValue().stringValue();
            if (value.length() > MAX_FIELD_LENGTH) {
                throw ApiException.invalidRequest("parameter_invalid",
                        param + " must be at most " + MAX_FIELD_LENGTH + " characters.", param);
            }
            changes.put(entry.getKey(), value);
        }
        return changes;
    }
}
