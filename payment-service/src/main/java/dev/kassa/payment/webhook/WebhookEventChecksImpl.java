package dev.kassa.payment.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On JdbcClient because each check is one statement across tables (a CTE that reads the order or refund and
 * inserts the event only if it already stands there), answering two flags rather than an aggregate.
 */
class WebhookEventChecksImpl implements WebhookEventChecks {

    private final JdbcClient jdbc;

    WebhookEventChecksImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void limitLockWait(Duration wait) {
        jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(wait.toMillis() + "ms").query().singleValue();
    }

    @Override
    public Check recordIfPaymentApplied(PspEvent event, String status, int attempt, String currency) {
        return jdbc.sql("""
                WITH target AS (
                    SELECT o.status,
                           COALESCE(o.status = :status AND o.attempt = :attempt AND o.psp_reference = :intent
                                    AND o.amount_minor = :amount AND o.currency = :currency, false) AS applied
                      FROM payment_order o WHERE o.payment_order_id = :order
                ), recorded AS (
                    INSERT INTO psp_webhook_event (event_id, event_type, object_id, outcome, detail)
                    SELECT :event, :type, :intent, 'IGNORED', 'order already ' || status FROM target WHERE applied
                    ON CONFLICT (event_id) DO NOTHING
                    RETURNING event_id
                )
                SELECT applied, EXISTS (SELECT 1 FROM recorded) FROM target""")
                .param("status", status).param("attempt", attempt).param("intent", event.object().id())
                .param("amount", event.object().amount()).param("currency", currency)
                .param("order", event.object().paymentOrderId())
                .param("event", event.id()).param("type", event.type())
                .query(WebhookEventChecksImpl::check).optional().orElse(Check.NOT_APPLIED);
    }

    @Override
    public Check recordIfRefundApplied(PspEvent event, String status) {
        return jdbc.sql("""
                WITH target AS (
                    SELECT r.status, COALESCE(r.status = :status AND r.psp_refund_reference = :object, false) AS applied
                      FROM refund r WHERE r.refund_id = :refund
                ), recorded AS (
                    INSERT INTO psp_webhook_event (event_id, event_type, object_id, outcome, detail)
                    SELECT :event, :type, :object, 'IGNORED', 'refund already ' || status FROM target WHERE applied
                    ON CONFLICT (event_id) DO NOTHING
                    RETURNING event_id
                )
                SELECT applied, EXISTS (SELECT 1 FROM recorded) FROM target""")
                .param("status", status).param("object", event.object().id())
                .param("refund", event.object().refundId())
                .param("event", event.id()).param("type", event.type())
                .query(WebhookEventChecksImpl::check).optional().orElse(Check.NOT_APPLIED);
    }

    private static Check check(ResultSet rs, int row) throws SQLException {
        if (!rs.getBoolean(1)) {
            return Check.NOT_APPLIED;
        }
        return rs.getBoolean(2) ? Check.RECORDED : Check.DUPLICATE;
    }
}
