package dev.kassa.reconciliation.settlement;

import dev.kassa.reconciliation.config.ReconciliationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the day's money from the PSP the way Stripe offers it: {@code GET /v1/balance_transactions} for the
 * UTC day, 100 at a time with {@code source} expanded, paged with {@code starting_after} until
 * {@code has_more} is false. Each page goes to the sink before the next is asked for, so memory holds one
 * page, whatever the day's size. psp-mock and a real Stripe account are read the same way.
 */
@Component
public class BalanceTransactionClient {

    /** Stripe's API version the contract is written against (the one stripe-java 29.5.0 sends). */
    static final String STRIPE_VERSION = "2025-08-27.basil";
    static final int PAGE_SIZE = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Types a real Stripe account lists that move money between the balance and the bank or Stripe, not a
     * customer's payment: they are not the matcher's business and are skipped. Charges, refunds and a dispute's
     * {@code adjustment}s become rows; any other type (or an adjustment that is not a dispute's) is reported as
     * malformed, so an operator sees it.
     */
    static final Set<String> NOT_PAYMENTS = Set.of("payout", "payout_cancel", "payout_failure",
            "payout_minimum_balance_hold", "payout_minimum_balance_release", "stripe_fee", "stripe_fx_fee",
            "tax_fee", "topup", "topup_reversal", "transfer", "transfer_cancel", "transfer_failure",
            "transfer_refund", "reserve_transaction", "reserved_funds");

    private final RestClient restClient;
    private final String baseUrl;

    /**
     * How many transactions of the day were read (skipped ones aside), of which how many became rows and how
     * many could not be mapped; {@code skipped}: payouts, fees and the like ({@link #NOT_PAYMENTS}).
     */
    public record Result(long dataLines, long validRows, long malformedRows, long skipped) {
    }

    public BalanceTransactionClient(ReconciliationProperties properties) {
        ReconciliationProperties.Psp psp = properties.psp();
        this.baseUrl = psp.baseUrl().toString().replaceAll("/+$", "");
        // HttpURLConnection: its read timeout bounds every read of a page, so a PSP that stalls mid-way
        // fails the run instead of holding the date and its transaction open.
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(psp.connectTimeout());
        requestFactory.setReadTimeout(psp.readTimeout());
        this.restClient = RestClient.builder()
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + psp.apiKey())
                .defaultHeader("Stripe-Version", STRIPE_VERSION)
                .build();
    }

    /** Reads the day's transactions into {@code sink}; throws {@link SettlementFileException} if the PSP fails. */
    public Result read(LocalDate date, SettlementRowSink sink) {
        long gte = date.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long lt = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long listed = 0;
        long valid = 0;
        long skipped = 0;
        String startingAfter = null;
        boolean hasMore = true;
        while (hasMore) {
            JsonNode page = page(date, gte, lt, startingAfter);
            JsonNode data = page.path("data");
            if (!data.isArray() || !page.path("has_more").isBoolean()) {
                throw new SettlementFileException("The PSP's balance transactions of " + date
                        + " are not a list with data and has_more");
            }
            for (JsonNode txn : data) {
                listed++;
                if (NOT_PAYMENTS.contains(txn.path("type").asString(""))) {
                    skipped++;
                    continue;
                }
                try {
                    sink.row(BalanceTransactionMapper.toRow(listed, txn));
                    valid++;
                } catch (BalanceTransactionMapper.Unmappable e) {
                    sink.malformed(listed, e.getMessage(), abbreviate(txn.toString()));
                }
            }
            hasMore = page.path("has_more").asBoolean();
            if (hasMore) {
                String last = data.isEmpty() ? null : data.get(data.size() - 1).path("id").asString(null);
                if (last == null || last.equals(startingAfter)) {
                    throw new SettlementFileException("The PSP said has_more for " + date
                            + " but gave no transaction id to page on from");
                }
                startingAfter = last;
            }
        }
        return new Result(listed - skipped, valid, listed - skipped - valid, skipped);
    }

    private JsonNode page(LocalDate date, long gte, long lt, String startingAfter) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("created[gte]", Long.toString(gte));
        query.put("created[lt]", Long.toString(lt));
        query.put("limit", Integer.toString(PAGE_SIZE));
        query.put("expand[]", "data.source");
        if (startingAfter != null) {
            query.put("starting_after", startingAfter);
        }
        URI uri = URI.create(baseUrl + "/v1/balance_transactions?" + formEncoded(query));
        try {
            return restClient.get()
                    .uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new SettlementFileException("The PSP answered " + response.getStatusCode().value()
                                    + " for the balance transactions of " + date + ": " + beginningOf(response.getBody()));
                        }
                        try (InputStream body = response.getBody()) {
                            return JSON.readTree(body);
                        } catch (JacksonException e) {
                            throw new SettlementFileException("The PSP's balance transactions of " + date
                                    + " are not valid JSON: " + e.getOriginalMessage(), e);
                        }
                    });
        } catch (ResourceAccessException e) {
            throw new SettlementFileException("The PSP at " + baseUrl + " could not be reached for the balance transactions of "
                    + date + ": " + e.getMessage(), e);
        }
    }

    /** Stripe's bracket notation, URL-encoded ({@code created%5Bgte%5D=…}), as its SDKs send it. */
    private static String formEncoded(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000) + "…";
    }

    private static String beginningOf(InputStream body) {
        try (body) {
            String text = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "(no body)" : text;
        } catch (IOException e) {
            return "(body unreadable: " + e.getMessage() + ")";
        }
    }
}
