package dev.kassa.payment.janitor;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.execution.PaymentExecutor;
import dev.kassa.payment.execution.RefundExecutor;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.payment.psp.PspCircuitOpenException;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspRetryableException;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.Refunds;
import dev.kassa.payment.result.ResultSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves payment orders stuck in EXECUTING (a lost webhook, a lost response, a dead-lettered request)
 * and refunds stuck unresolved, by asking the PSP: GET the intent when its id is known, otherwise send
 * the create again with the SAME idempotency key (the PSP replays what it did, or does it once now).
 * Results go through the one result-applying component, so a webhook arriving later changes nothing.
 */
@Component
public class Janitor {

    private static final Logger log = LoggerFactory.getLogger(Janitor.class);
    static final String REPAIRS_METRIC = "kassa.payment.janitor.repairs";

    private final PaymentOrders orders;
    private final Refunds refunds;
    private final Checkouts checkouts;
    private final PspClient psp;
    private final PaymentExecutor payments;
    private final RefundExecutor refundExecutor;
    private final PaymentProperties.Janitor settings;
    private final MeterRegistry meters;

    public Janitor(PaymentOrders orders, Refunds refunds, Checkouts checkouts, PspClient psp, PaymentExecutor payments,
                   RefundExecutor refundExecutor, PaymentProperties properties, MeterRegistry meters) {
        this.orders = orders;
        this.refunds = refunds;
        this.checkouts = checkouts;
        this.psp = psp;
        this.payments = payments;
        this.refundExecutor = refundExecutor;
        this.settings = properties.janitor();
        this.meters = meters;
    }

    /** What one run did. */
    public record Report(int examined, int repaired) {
    }

    /** One pass over what has waited longer than the configured age. */
    public Report runOnce() {
        return runOnce(settings.age());
    }

    public Report runOnce(Duration age) {
        double ageSeconds = age.toMillis() / 1000.0;
        int examined = 0;
        int repaired = 0;
        for (PaymentOrder order : orders.findExecutingLongerThan(ageSeconds, settings.batchSize())) {
            examined++;
            try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
                if (repair(order)) {
                    repaired++;
                    count("payment_order", order.pspReference() != null ? "get_intent" : "resend_create");
                }
            } catch (PspCircuitOpenException e) {
                return stopped(examined, repaired);
            } catch (PspRetryableException e) {
                log.warn("Janitor could not ask the PSP about order {} now: {}", order.paymentOrderId(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("Janitor failed on order {}", order.paymentOrderId(), e);
            }
        }
        for (Refund refund : refunds.findUnresolvedLongerThan(ageSeconds, settings.batchSize())) {
            examined++;
            PaymentOrder order = orders.findById(refund.paymentOrderId()).orElseThrow();
            try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
                if (repair(refund, order)) {
                    repaired++;
                    count("refund", refund.pspRefundReference() != null ? "get_refund" : "resend_create");
                }
            } catch (PspCircuitOpenException e) {
                return stopped(examined, repaired);
            } catch (PspRetryableException e) {
                log.warn("Janitor could not ask the PSP about refund {} now: {}", refund.refundId(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("Janitor failed on refund {}", refund.refundId(), e);
            }
        }
        if (examined > 0) {
            log.info("Janitor examined {} stuck item(s), repaired {}", examined, repaired);
        }
        return new Report(examined, repaired);
    }

    /**
     * The circuit breaker refuses every PSP call until it half-opens: asking about the rest of the batch would only
     * log each refusal (two hundred lines a pass while psp-mock restarted under load). The next pass starts over.
     */
    private static Report stopped(int examined, int repaired) {
        log.warn("Janitor stops this pass after {} item(s), repaired {}: the PSP circuit breaker is open; the next "
                + "pass asks again", examined, repaired);
        return new Report(examined, repaired);
    }

    /**
     * Asks the PSP about one order now, whatever its age (a reconciliation discrepancy points at it).
     *
     * @return whether a result was applied; false for an order that is not EXECUTING
     */
    public boolean repairNow(String paymentOrderId) {
        return orders.findById(paymentOrderId)
                .filter(order -> order.status() == PaymentOrderStatus.EXECUTING)
                .map(order -> {
                    try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
                        boolean repaired = repair(order);
                        if (repaired) {
                            count("payment_order", order.pspReference() != null ? "get_intent" : "resend_create");
                        }
                        return repaired;
                    }
                })
                .orElse(false);
    }

    private boolean repair(PaymentOrder order) {
        if (order.pspReference() != null) {
            log.info("Janitor: order EXECUTING since {}, asking the PSP for intent {}", order.statusChangedAt(),
                    order.pspReference());
            return payments.apply(order, psp.getPaymentIntent(order.pspReference()), ResultSource.JANITOR);
        }
        log.info("Janitor: order EXECUTING since {} without a PSP answer, re-sending the create with key {}",
                order.statusChangedAt(), order.idempotencyKey());
        String token = checkouts.findById(order.checkoutId()).orElseThrow().paymentMethodToken();
        return payments.charge(order, token, ResultSource.JANITOR);
    }

    /**
     * A refund still PENDING is looked up at the PSP; one still REQUESTED (no answer ever arrived) is created
     * again with the same key, so the PSP replays it or does it once now.
     */
    private boolean repair(Refund refund, PaymentOrder order) {
        log.info("Janitor: refund {} {} since {}, asking the PSP", refund.refundId(), refund.status(),
                refund.statusChangedAt());
        if (refund.pspRefundReference() != null) {
            return refundExecutor.apply(refund, psp.getRefund(refund.pspRefundReference()), ResultSource.JANITOR);
        }
        return refundExecutor.refund(refund, order.pspReference(), ResultSource.JANITOR);
    }

    private void count(String kind, String how) {
        Counter.builder(REPAIRS_METRIC).description("Stuck payment orders and refunds the janitor resolved")
                .tag("kind", kind).tag("how", how).register(meters).increment();
    }
}
