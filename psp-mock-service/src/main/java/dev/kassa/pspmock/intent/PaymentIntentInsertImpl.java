package dev.kassa.pspmock.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.DbTime;
import dev.kassa.pspmock.api.RowInsert;
import dev.kassa.pspmock.idempotency.IdempotentRequests.InStatementAnswer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JdbcClient, not the aggregate template: the charge path writes its intent, balance transaction and event, and the
 * request's answer, as ONE statement.
 */
class PaymentIntentInsertImpl implements PaymentIntentInsert {

    private final JdbcClient jdbc;
    private final ApiJson json;

    PaymentIntentInsertImpl(JdbcClient jdbc, ApiJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(PaymentIntent intent, List<RowInsert> alongWith, Optional<InStatementAnswer> answer) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", intent.id());
        parameters.put("amount", intent.amount());
        parameters.put("currency", intent.currency());
        parameters.put("status", intent.status());
        parameters.put("paymentMethod", intent.paymentMethod());
        parameters.put("metadata", json.write(intent.metadata()));
        parameters.put("error", intent.lastPaymentError() == null ? null : json.write(intent.lastPaymentError()));
        parameters.put("created", DbTime.utc(intent.createdAt()));
        parameters.put("resolveAt", DbTime.utc(intent.resolveAt()));
        parameters.put("resolvesTo", intent.resolvesTo());
        List<RowInsert> rows = new ArrayList<>(alongWith);
        rows.add(new RowInsert("""
                insert into payment_intent (id, amount, currency, status, payment_method, metadata,
                    last_payment_error, amount_refunded, created_at, resolve_at, resolves_to)
                values (:id, :amount, :currency, :status, :paymentMethod, cast(:metadata as jsonb),
                    cast(:error as jsonb), 0, :created, :resolveAt, :resolvesTo)""", parameters));
        answer.ifPresent(a -> rows.add(a.statement()));
        int updated = RowInsert.execute(jdbc, rows);
        answer.ifPresent(a -> a.recorded(updated));
    }
}
