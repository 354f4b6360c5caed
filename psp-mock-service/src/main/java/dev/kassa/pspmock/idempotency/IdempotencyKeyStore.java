package dev.kassa.pspmock.idempotency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import dev.kassa.pspmock.api.ApiResponse;
import dev.kassa.pspmock.api.DbTime;
import dev.kassa.pspmock.api.RowInsert;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in PostgreSQL. A key is claimed by inserting its row in state {@code in_flight} (the primary
 * key makes exactly one claimer win, across threads and instances) and completed, in the same transaction
 * as the work it guards, with the response to replay. JdbcClient: not an aggregate but the hot per-request
 * statements of the HTTP layer, one with its own asynchronous commit, each guarded by the claim token.
 */
@Repository
class IdempotencyKeyStore {

    sealed interface Claim {
    }

    /** This request owns the key; {@code token} proves it when completing. */
    record Claimed(long token) implements Claim {
    }

    record Replay(ApiResponse response) implements Claim {
    }

    record InUse() implements Claim {
    }

    record Mismatch() implements Claim {
    }

    private record StoredKey(String fingerprint, String state, long token, Instant leaseUntil,
                             Integer responseStatus, String responseBody) {
        boolean completed() {
            return "completed".equals(state);
        }
    }

    /*
     * The claim commits on its own, before the work, so that a concurrent request with the same key sees it in flight
     * (409). Its commit need not wait for the WAL to reach the disk: the work's commit comes after it in the same WAL,
     * so when the work is durable the claim is too, and a crash that loses the claim has lost the work with it, which
     * leaves the key free for the retry as if it had never been claimed (sooner than an orphaned in-flight row would).
     * set_config(..., true) applies to this statement's own transaction only, the pooled session keeps its setting.
     * This saves a WAL flush per request; the work's transaction commits synchronously as usual.
     */
    private static final String CLAIM = """
            with async_commit as (select set_config('synchronous_commit', 'off', true))
            insert into idempotency_key (key, request_fingerprint, state, claim_token, lease_until, created_at)
            select :key, :fingerprint, 'in_flight', :token, :leaseUntil, :now from async_commit
            on conflict (key) do nothing""";

    private final JdbcClient jdbc;

    IdempotencyKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Claim claim(String key, String fingerprint, Instant now, Instant leaseUntil) {
        // A couple of rounds cover the races: the row deleted by cleanup, or taken over, between two statements.
        for (int round = 0; round < 3; round++) {
            long token = ThreadLocalRandom.current().nextLong();
            int inserted = jdbc.sql(CLAIM)
                    .param("key", key).param("fingerprint", fingerprint).param("token", token)
                    .param("leaseUntil", ts(leaseUntil)).param("now", ts(now))
                    .update();
            if (inserted == 1) {
                return new Claimed(token);
            }
            Optional<StoredKey> existing = find(key);
            if (existing.isEmpty()) {
                continue;
            }
            StoredKey stored = existing.get();
            if (!stored.fingerprint().equals(fingerprint)) {
                return new Mismatch();
            }
            if (stored.completed()) {
                return new Replay(new ApiResponse(stored.responseStatus(), stored.responseBody()));
            }
            if (stored.leaseUntil().isAfter(now)) {
                return new InUse();
            }
            // The claimer's lease ran out: it died before committing, since completion commits with the work.
            if (takeOver(key, stored.token(), token, leaseUntil)) {
                return new Claimed(token);
            }
        }
        return new InUse();
    }

    private boolean takeOver(String key, long expiredToken, long token, Instant leaseUntil) {
        return jdbc.sql("""
                        update idempotency_key set claim_token = :token, lease_until = :leaseUntil
                        where key = :key and state = 'in_flight' and claim_token = :expiredToken""")
                .param("token", token).param("leaseUntil", ts(leaseUntil))
                .param("key", key).param("expiredToken", expiredToken)
                .update() == 1;
    }

    /** Must run in the transaction of the work, so that the work and its recorded response commit together. */
    boolean complete(String key, long token, ApiResponse response) {
        RowInsert completion = completion(key, token, response);
        return jdbc.sql(completion.sql()).params(completion.parameters()).update() == 1;
    }

    /**
     * The statement that records {@code response} as the key's answer, while {@code token} still holds the claim: one
     * row updated, or none when the claim was lost. Its parameters are prefixed, so that work may run it as the last
     * part of its own statement ({@link IdempotentRequests#answerInStatement}).
     */
    RowInsert completion(String key, long token, ApiResponse response) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("answerStatus", response.status());
        parameters.put("answerBody", response.body());
        parameters.put("answerKey", key);
        parameters.put("answerToken", token);
        return new RowInsert("""
                update idempotency_key
                set state = 'completed', response_status = :answerStatus, response_body = :answerBody
                where key = :answerKey and claim_token = :answerToken and state = 'in_flight'""", parameters);
    }

    /** Frees a key whose request failed unexpectedly, so the client's retry is processed afresh. */
    void release(String key, long token) {
        jdbc.sql("delete from idempotency_key where key = :key and claim_token = :token and state = 'in_flight'")
                .param("key", key).param("token", token)
                .update();
    }

    int deleteCreatedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from idempotency_key where key in (
                            select key from idempotency_key where created_at < :cutoff limit :batch)""")
                .param("cutoff", ts(cutoff)).param("batch", batch)
                .update();
    }

    private Optional<StoredKey> find(String key) {
        return jdbc.sql("""
                        select request_fingerprint, state, claim_token, lease_until, response_status, response_body
                        from idempotency_key where key = :key""")
                .param("key", key)
                .query((rs, n) -> new StoredKey(rs.getString(1), rs.getString(2), rs.getLong(3),
                        DbTime.instant(rs, "lease_until"), (Integer) rs.getObject(5), rs.getString(6)))
                .optional();
    }

    private static OffsetDateTime ts(Instant instant) {
        return DbTime.utc(instant);
    }
}
