package dev.kassa.pspmock.dispute;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonRequest;
import dev.kassa.pspmock.api.Metadata;
import dev.kassa.pspmock.idempotency.RequestFingerprint;

/**
 * A validated {@code POST /v1/disputes/{id}} body: evidence fields to set ({@code evidence[uncategorized_text]=…}; an
 * empty value removes one), metadata to set (an empty value removes a key, {@code metadata=} all of them), and
 * {@code submit} (Stripe's default true: the evidence goes to the bank; false: it is only staged).
 *
 * @param metadata null when the request names no metadata
 */
record UpdateDisputeRequest(Map<String, String> evidence, Map<String, String> metadata, boolean submit) {

    static final String ENDPOINT = "POST /v1/disputes/{id}";
    private static final Set<String> PARAMETERS = Set.of("evidence", "metadata", "submit", "expand");

    static UpdateDisputeRequest from(JsonRequest body) {
        body.allowOnly(PARAMETERS);
        Map<String, String> evidence = DisputeEvidence.changesFrom(body.raw("evidence"));
        Map<String, String> metadata = body.has("metadata") ? body.optionalStringMap("metadata") : null;
        boolean submit = body.optionalBoolean("submit").orElse(true);
        body.optionalStringList("expand");
        return new UpdateDisputeRequest(evidence, metadata, submit);
    }

    /** The dispute's metadata once this request's changes are applied. */
    Metadata metadataOf(Metadata current) {
        if (metadata == null) {
            return current;
        }
        Map<String, String> merged = new TreeMap<>(metadata.isEmpty() ? Map.of() : current.entries());
        metadata.forEach((key, value) -> {
            if (value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new Metadata(merged);
    }

    RequestFingerprint fingerprint(String id, ApiJson json) {
        return RequestFingerprint.of(ENDPOINT, id + "\n" + json.write(this));
    }
}
