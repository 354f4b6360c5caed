package dev.kassa.payment.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.TestMerchant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Merchants and keys are read, changed in Java and saved back, so each carries a {@code @Version}: a save based on
 * a read that another writer has overtaken fails, in the repository as an optimistic-locking failure and in the API
 * as a 409, instead of silently undoing the other change.
 */
class MerchantVersionTest extends PaymentServiceTestBase {

    @Autowired
    private MerchantApiKeys keys;
    @Autowired
    private Merchants merchants;
    @Autowired
    private DataSource dataSource;

    @Test
    void aStaleSaveOfAKeyOrAMerchantFailsWithAnOptimisticLockingConflict() {
        TestMerchant merchant = newMerchant();
        MerchantApiKey read = keys.findById(merchant.keyId()).orElseThrow();
        MerchantApiKey sameRead = keys.findById(merchant.keyId()).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        keys.save(read.revoked(now, "operator:first"));

        assertThatThrownBy(() -> keys.save(sameRead.revoked(now, "operator:second")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        MerchantApiKey stored = keys.findById(merchant.keyId()).orElseThrow();
        assertThat(stored.revokedBy()).isEqualTo("operator:first");
        assertThat(stored.version()).isEqualTo(read.version() + 1);

        Merchant before = merchants.findById(merchant.merchantId()).orElseThrow();
        merchants.save(before);
        assertThatThrownBy(() -> merchants.save(before)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    /**
     * The other writer changes the key and holds its row; the API's revocation reads the key as it was (the change
     * is not committed), and its save waits for the row. When the other writer commits, the save finds another
     * version: 409, and the other writer's revocation stands.
     */
    @Test
    void aRevocationOvertakenByAConcurrentChangeIsAnswered409() throws Exception {
        TestMerchant merchant = newMerchant();
        String path = "/admin/merchants/" + merchant.merchantId() + "/keys/" + merchant.keyId();

        HttpApi.Response answer = whileAnotherWriterHoldsTheRow("""
                UPDATE merchant_api_key SET revoked_at = now(), revoked_by = 'operator:other', version = version + 1
                WHERE key_id = ?""", merchant.keyId(), "merchant_api_key", () -> operator.delete(path));

        assertConflict(answer, "key_id");
        assertThat(keys.findById(merchant.keyId()).orElseThrow().revokedBy()).isEqualTo("operator:other");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target_id = ? AND action = 'KEY_REVOKED'")
                .param(merchant.keyId()).query(Long.class).single()).as("rolled back with the save").isZero();
    }

    /** Two creations at once cannot both pass the two-key rule: the merchant's version decides. */
    @Test
    void aKeyCreationOvertakenByAConcurrentOneIsAnswered409() throws Exception {
        TestMerchant merchant = newMerchant();

        HttpApi.Response answer = whileAnotherWriterHoldsTheRow(
                "UPDATE merchant SET version = version + 1 WHERE merchant_id = ?", merchant.merchantId(), "merchant",
                () -> operator.postJson("/admin/merchants/" + merchant.merchantId() + "/keys", "{}"));

        assertConflict(answer, "merchant_id");
        assertThat(keys.findByMerchantIdOrderByCreatedAtAscKeyIdAsc(merchant.merchantId())).hasSize(1);
    }

    private HttpApi.Response whileAnotherWriterHoldsTheRow(String update, String id, String table,
                                                           Supplier<HttpApi.Response> request) throws Exception {
        try (Connection other = dataSource.getConnection();
             ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            other.setAutoCommit(false);
            try (PreparedStatement statement = other.prepareStatement(update)) {
                statement.setString(1, id);
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
            Future<HttpApi.Response> answer = client.submit(request::get);
            eventually().until(() -> waitsForARowOf(table));
            other.commit();
            return answer.get();
        }
    }

    /** Whether a statement updating {@code table} is waiting for a row lock (the API's save, behind the other writer). */
    private boolean waitsForARowOf(String table) {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'
                   AND query ~* ('^\\s*UPDATE\\s+"?' || ? || '"?\\s')""").param(table)
                .query(Long.class).single() > 0;
    }

    private static void assertConflict(HttpApi.Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).endsWith("/conflict");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
    }
}
