package dev.kassa.reconciliation.config;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code kassa.reconciliation.*}. Every value can be overridden from the environment
 * (e.g. {@code KASSA_RECONCILIATION_GRACE_PERIOD=PT1H}).
 *
 * @param cron               when the nightly run starts; it reconciles the previous day of {@code zone}.
 *                           {@code "-"} disables the schedule.
 * @param zone               time zone of the cron expression and of "the previous day" (UTC)
 * @param gracePeriod        how old a succeeded payment or refund must be before a missing wallet movement
 *                           or ledger entry is a discrepancy rather than an event still on its way
 * @param staleRunAfter      a run still RUNNING after this long is taken to have died and may be replaced
 * @param stagingBatchSize   settlement rows per JDBC batch insert
 * @param malformedRowsKept  malformed rows stored with their text per report (all are counted)
 * @param stagedFilesKept    how long staged settlement files are kept (a run needs its own and the previous
 *                           day's; older ones only serve inspection); a rerun of an older day fetches it again
 * @param psp                where the settlement file comes from
 */
@ConfigurationProperties("kassa.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("0 0 2 * * *") String cron,
        @DefaultValue("UTC") String zone,
        @DefaultValue("PT30M") Duration gracePeriod,
        @DefaultValue("PT1H") Duration staleRunAfter,
        @DefaultValue("1000") int stagingBatchSize,
        @DefaultValue("1000") int malformedRowsKept,
        @DefaultValue("P35D") Period stagedFilesKept,
        @DefaultValue Psp psp) {

    /**
     * @param baseUrl        PSP API root (env {@code KASSA_PSP_BASE_URL})
     * @param apiKey         secret key sent as {@code Authorization: Bearer} (env {@code KASSA_PSP_API_KEY}); no
     *                       default: psp-mock's public test key is set by the 'local' profile only
     * @param connectTimeout TCP connect timeout
     * @param readTimeout    longest silence while reading the response (its start, or any gap in the body)
     */
    public record Psp(
            @DefaultValue("http://127.0.0.1:8081") URI baseUrl,
            String apiKey,
            @DefaultValue("PT5S") Duration connectTimeout,
            @DefaultValue("PT60S") Duration readTimeout) {

        public Psp {
            Assert.hasText(apiKey, "kassa.reconciliation.psp.api-key must be set: Kassa's secret key at the PSP "
                    + "(environment variable KASSA_PSP_API_KEY)");
        }
    }
}
