package dev.kassa.payment.risk;

import dev.kassa.messaging.consumer.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The risk check (docs/architecture.md §14), run by the executor on each wave of charges before it calls the PSP,
 * inside the transaction that starts their execution: an active block of the order's card token, buyer or client
 * address, or an amount above the merchant's limit for the currency, stops the charge. A stopped order fails with
 * {@value #FAILURE_CODE} and the rule in its failure message; the PSP never hears of it. Declined charges feed the
 * velocity rules ({@link #declined}).
 */
@Component
public class RiskCheck {

    /** The failure code of an order the risk check stopped. */
    public static final String FAILURE_CODE = "risk_blocked";
    static final String AMOUNT_LIMIT = "amount_limit";
    private static final Logger log = LoggerFactory.getLogger(RiskCheck.class);

    private final RiskBlocks blocks;
    private final RiskProperties properties;
    private final MeterRegistry meters;

    RiskCheck(RiskBlocks blocks, RiskProperties properties, MeterRegistry meters) {
        this.blocks = blocks;
        this.properties = properties;
        this.meters = meters;
    }

    /** The check stopped this attempt of an order: the rule, the block behind it (none for the amount limit), why. */
    public record Stop(String paymentOrderId, int attempt, String rule, Long blockId, String message) {
    }

    /**
     * Screens the requested attempts whose orders are still {@code NOT_STARTED} (one statement); joins the caller's
     * transaction.
     *
     * @return the orders to stop; every other one may be charged
     */
    public List<Stop> screen(List<String> paymentOrderIds, List<Integer> attempts) {
        if (paymentOrderIds.isEmpty()) {
            return List.of();
        }
        List<Stop> stops = new ArrayList<>();
        for (RiskScreening.ScreenedOrder order : blocks.screen(paymentOrderIds, attempts)) {
            if (order.blockId() != null) {
                stops.add(new Stop(order.paymentOrderId(), order.attempt(), order.rule(), order.blockId(),
                        "Stopped by risk rule " + order.rule() + " (block " + order.blockId() + "): " + order.reason()));
                continue;
            }
            Long limit = properties.amountLimits().of(order.merchantId(), order.currency());
            if (limit != null && order.amountMinor() > limit) {
                stops.add(new Stop(order.paymentOrderId(), order.attempt(), AMOUNT_LIMIT, null,
                        "Stopped by risk rule " + AMOUNT_LIMIT + ": " + order.amountMinor() + " minor "
                                + order.currency() + " is above the limit of " + limit));
            }
        }
        return stops;
    }

    /** Records the stops that took effect (their orders failed); joins the caller's transaction. */
    public void recordStops(List<Stop> stops) {
        blocks.recordDecisions(stops.stream().map(stop -> new RiskDecision(stop.paymentOrderId(), stop.attempt(),
                stop.rule(), stop.blockId(), stop.message(), null)).toList());
        for (Stop stop : stops) {
            Counter stopped = Counter.builder("kassa.risk.stopped")
                    .description("Charges the risk check stopped before the PSP call").tag("rule", stop.rule())
                    .register(meters);
            AfterCommit.run(stopped::increment);
        }
    }

    /**
     * Counts these orders' declines against their token, buyer and client address (one statement), and blocks a
     * subject that reached its velocity rule's threshold; joins the caller's transaction. Orders the check itself
     * stopped are not declines and must not be passed.
     */
    public void declined(List<String> paymentOrderIds) {
        List<RiskSubject.Kind> kinds = new ArrayList<>();
        List<RiskProperties.Rule> rules = new ArrayList<>();
        for (RiskSubject.Kind kind : RiskSubject.Kind.values()) {
            RiskProperties.Rule rule = properties.velocity().of(kind);
            if (rule.enabled()) {
                kinds.add(kind);
                rules.add(rule);
            }
        }
        if (paymentOrderIds.isEmpty() || kinds.isEmpty()) {
            return;
        }
        for (RiskBlock block : blocks.countDeclines(paymentOrderIds, rules, kinds)) {
            // The subject itself (a token, a buyer, an address) stays out of the log: the block's id finds it.
            log.warn("Risk block {} ({}, {}) until {}: {}", block.blockId(), block.rule(),
                    block.kind().name().toLowerCase(Locale.ROOT), block.expiresAt(), block.reason());
        }
    }

    /** What the check decided against an order, per attempt it stopped. */
    public List<RiskDecision> decisionsOf(String paymentOrderId) {
        return blocks.decisionsOf(paymentOrderId);
    }
}
