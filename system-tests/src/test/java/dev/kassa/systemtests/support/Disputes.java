package dev.kassa.systemtests.support;

import static org.awaitility.Awaitility.await;

import dev.kassa.client.KassaClient;
import dev.kassa.client.Dispute;
import dev.kassa.client.EvidenceRequest;
import dev.kassa.client.ExchangeListener;
import java.util.Map;
import java.util.function.Predicate;

/**
 * payment-service's dispute API ({@code /api/v1/disputes}), as a merchant's back office calls it: through
 * {@code kassa-client}, the library merchants take, so that it is exercised against the real service.
 */
public final class Disputes {

    private final KassaClient client;

    Disputes(String paymentBaseUrl, String merchantKey, ExchangeListener contracts) {
        this.client = KassaClient.builder().baseUrl(paymentBaseUrl).apiKey(merchantKey).exchangeListener(contracts)
                .build();
    }

    /** The dispute of {@code paymentOrderId} once {@code condition} holds (the newest 200 disputes are searched). */
    public Dispute awaitOf(String paymentOrderId, String description, Predicate<Dispute> condition) {
        return await("dispute of " + paymentOrderId + " " + description).atMost(Timeouts.SETTLE)
                .until(() -> client.listDisputes(null, 200).stream()
                        .filter(d -> paymentOrderId.equals(d.paymentOrderId()))
                        .filter(condition)
                        .findFirst().orElse(null), d -> d != null);
    }

    public Dispute get(String disputeId) {
        return client.getDispute(disputeId);
    }

    /** Submits Stripe's test evidence that decides the dispute: {@code winning_evidence} or {@code losing_evidence}. */
    public Dispute submitEvidence(String disputeId, String decidingEvidence) {
        return client.submitDisputeEvidence(disputeId, EvidenceRequest.submit(Map.of("uncategorized_text", decidingEvidence)));
    }

    public Dispute accept(String disputeId) {
        return client.acceptDispute(disputeId);
    }
}
