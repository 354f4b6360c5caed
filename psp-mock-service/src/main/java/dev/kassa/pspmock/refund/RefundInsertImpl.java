package dev.kassa.pspmock.refund;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

class RefundInsertImpl implements RefundInsert {

    private final JdbcAggregateTemplate aggregates;

    RefundInsertImpl(JdbcAggregateTemplate aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public Refund insert(Refund refund) {
        return aggregates.insert(refund);
    }
}
