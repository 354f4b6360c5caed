package dev.kassa.pspmock.dispute;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

class DisputeInsertImpl implements DisputeInsert {

    private final JdbcAggregateTemplate aggregates;

    DisputeInsertImpl(JdbcAggregateTemplate aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public Dispute insert(Dispute dispute) {
        return aggregates.insert(dispute);
    }
}
