package dev.kassa.reconciliation.settlement;

import dev.kassa.reconciliation.config.ReconciliationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Fetches {@code GET /v1/settlements/{date}} from the PSP and streams the body into the CSV reader while it
 * arrives: the file is never held in memory, whatever its size.
 */
@Component
public class SettlementFileClient {

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final RestClient restClient;
    private final String baseUrl;
    private final SettlementCsvReader reader = new SettlementCsvReader();

    public SettlementFileClient(ReconciliationProperties properties) {
        ReconciliationProperties.Psp psp = properties.psp();
        this.baseUrl = psp.baseUrl().toString();
        // HttpURLConnection: its read timeout bounds every read of the body, so a PSP that stalls in the
        // middle of a file fails the run instead of holding the date and its transaction open.
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(psp.connectTimeout());
        requestFactory.setReadTimeout(psp.readTimeout());
        this.restClient = RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + psp.apiKey())
                .build();
    }

    /** Reads the day's file into {@code sink}; throws {@link SettlementFileException} if there is no usable file. */
    public SettlementCsvReader.Result read(LocalDate date, SettlementRowSink sink) {
        try {
            return restClient.get()
                    .uri("/v1/settlements/{date}", date.toString())
                    .accept(TEXT_CSV, MediaType.ALL)
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new SettlementFileException("The PSP answered " + response.getStatusCode().value()
                                    + " for the settlement file of " + date + ": " + beginningOf(response.getBody()));
                        }
                        try (InputStream body = response.getBody()) {
                            return reader.read(body, sink);
                        }
                    });
        } catch (ResourceAccessException e) {
            throw new SettlementFileException("The PSP at " + baseUrl + " could not be reached for the settlement file of "
                    + date + ": " + e.getMessage(), e);
        }
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
