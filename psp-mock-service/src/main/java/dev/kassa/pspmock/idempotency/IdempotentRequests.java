package dev.kassa.pspmock.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiResponse;
import dev.kassa.pspmock.api.CurrentRequest;
import dev.kassa.pspmock.api.RowInsert;
import dev.kassa.pspmock.fault.Faults;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a POST under its {@code Idempotency-Key}:
 * <ul>
 *   <li>same key, same parameters: the first response replayed exactly, errors included;</li>
 *   <li>same key, other parameters: 400 {@code idempotency_error};</li>
 *   <li>same key while the first request is still running: 409 {@code idempotency_key_in_use}.</li>
 * </ul>
 * The work and its recorded response commit in one transaction, so a crash leaves either both or neither. Work that
 * ends in one statement of its own (a charge) records the response in that statement ({@link #answerInStatement}).
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyKeyStore store;
    private final IdempotencyProperties properties;
    private final TransactionTemplate transaction;
    private final Faults faults;
    private final ApiJson json;
    private final Clock clock;

    IdempotentRequests(IdempotencyKeyStore store, IdempotencyProperties properties, TransactionTemplate transaction,
                       Faults faults, ApiJson json, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.transaction = transaction;
        this.faults = faults;
        this.json = json;
        this.clock = clock;
    }

    /** Checked before the body, so a missing key is reported even for a malformed request. */
    public static String requireValidKey(String key) {
        if (key == null || key.isBlank()) {
            throw ApiException.invalidRequest("idempotency_key_missing",
                    "An Idempotency-Key header is required for POST requests.", HEADER);
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalidRequest("idempotency_key_too_long",
                    "Idempotency-Key must be at most " + MAX_KEY_LENGTH + " characters.", HEADER);
        }
        return key;
    }

    /**
     * @param work runs in a transaction; it returns the response to record or throws an {@link ApiException},
     *             whose rolled-back error response is recorded just the same
     */
    public ResponseEntity<String> execute(String key, RequestFingerprint fingerprint, Supplier<ApiResponse> work) {
        requireValidKey(key);
        CurrentRequest.idempotencyKey(key);
        Instant now = clock.instant();
        // The lease outlives any injected latency, so a slow first request is never taken over while running.
        Instant leaseUntil = now.plus(properties.inFlightLease()).plus(faults.latency());
        IdempotencyKeyStore.Claim claim = store.claim(key, fingerprint.value(), now, leaseUntil);
        return switch (claim) {
            case IdempotencyKeyStore.Replay replay -> replay.response().toReplayEntity();
            case IdempotencyKeyStore.Mismatch mismatch -> throw mismatch(key);
            case IdempotencyKeyStore.InUse inUse -> throw inUse(key);
            case IdempotencyKeyStore.Claimed claimed -> run(key, claimed.token(), work);
        };
    }

    private ResponseEntity<String> run(String key, long token, Supplier<ApiResponse> work) {
        faults.applyLatency();
        ApiResponse response;
        try {
            response = transaction.execute(status -> answered(key, token, work));
        } catch (ClaimLostException lost) {
            throw inUse(key);
        } catch (ApiException error) {
            // The work rolled back; its error is still this key's answer.
            ApiResponse errorResponse = json.render(error);
            try {
                response = transaction.execute(status -> completed(key, token, errorResponse));
            } catch (ClaimLostException lost) {
                throw inUse(key);
            }
        } catch (RuntimeException unexpected) {
            try {
                store.release(key, token);
            } catch (RuntimeException releaseFailed) {
                // The database that failed the work may fail this too: the key stays taken until its lease runs out
                // (a retry meanwhile gets 409 idempotency_key_in_use), and the caller hears of the first failure.
                unexpected.addSuppressed(releaseFailed);
            }
            throw unexpected;
        }
        if (faults.responseLost()) {
            return json.render(ApiException.apiError(500, "response_lost",
                    "The response was lost (injected fault). Retry with the same Idempotency-Key.")).toEntity();
        }
        return response.toEntity();
    }

    private ApiResponse answered(String key, long token, Supplier<ApiResponse> work) {
        PendingAnswer pending = new PendingAnswer(key, token);
        TransactionSynchronizationManager.bindResource(PendingAnswer.class, pending);
        ApiResponse response;
        try {
            response = work.get();
        } finally {
            TransactionSynchronizationManager.unbindResource(PendingAnswer.class);
        }
        return pending.recorded == response ? response : completed(key, token, response);
    }

    private ApiResponse completed(String key, long token, ApiResponse response) {
        if (!store.complete(key, token, response)) {
            throw new ClaimLostException();
        }
        return response;
    }

    /**
     * For work that ends in one statement of its own ({@link RowInsert#execute}) and knows its response before it:
     * the statement that records {@code response} as the current request's answer, to be that statement's last part,
     * so that the answer costs no statement of its own (on a charge's path, a round trip less). Empty outside an
     * idempotent request's work. The work must then return that very response, and hand the statement's update count
     * to {@link InStatementAnswer#recorded}: none updated means another request took the key over meanwhile, and the
     * work's transaction rolls back (409, as when a separate statement finds the claim lost).
     */
    public Optional<InStatementAnswer> answerInStatement(ApiResponse response) {
        if (!TransactionSynchronizationManager.hasResource(PendingAnswer.class)) {
            return Optional.empty();
        }
        PendingAnswer pending = (PendingAnswer) TransactionSynchronizationManager.getResource(PendingAnswer.class);
        return Optional.of(new InStatementAnswer(store.completion(pending.key, pending.token, response), pending,
                response));
    }

    /** The statement recording a response, and what its update count means. */
    public static final class InStatementAnswer {

        private final RowInsert statement;
        private final PendingAnswer pending;
        private final ApiResponse response;

        private InStatementAnswer(RowInsert statement, PendingAnswer pending, ApiResponse response) {
            this.statement = statement;
            this.pending = pending;
            this.response = response;
        }

        /** The last part of the work's statement. */
        public RowInsert statement() {
            return statement;
        }

        /** @param updated the update count of the work's statement, whose last part {@link #statement()} was */
        public void recorded(int updated) {
            if (updated != 1) {
                throw new ClaimLostException();
            }
            pending.recorded = response;
        }
    }

    /** The claim the current work runs under, and the response its own statement recorded, if any. */
    private static final class PendingAnswer {

        private final String key;
        private final long token;
        private ApiResponse recorded;

        PendingAnswer(String key, long token) {
            this.key = key;
            this.token = token;
        }
    }

    private static ApiException mismatch(String key) {
        return new ApiException(400, "idempotency_error", "idempotency_error",
                "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                        + "Try using a key other than '" + key + "' if you meant to execute a different request.",
                HEADER);
    }

    private static ApiException inUse(String key) {
        return new ApiException(409, "idempotency_error", "idempotency_key_in_use",
                "There is currently another in-progress request using the Idempotency-Key '" + key
                        + "'. Retry this request later.", HEADER);
    }

    /** The lease ran out and another request took the key over; this one's work must not commit. */
    private static final class ClaimLostException extends RuntimeException {
        ClaimLostException() {
            super(null, null, false, false);
        }
    }
}
