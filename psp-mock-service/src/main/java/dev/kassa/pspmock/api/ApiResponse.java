package dev.kassa.pspmock.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A rendered JSON response. Kept as the exact text so an idempotent replay answers byte for byte
 * what the first request answered.
 */
public record ApiResponse(int status, String body) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public ResponseEntity<String> toEntity() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    public ResponseEntity<String> toReplayEntity() {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, "true").body(body);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
