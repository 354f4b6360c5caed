package dev.kassa.pspmock.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import dev.kassa.pspmock.api.ApiException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BalanceTransactionQueryTest {

    @Test
    void createdBoundsBecomeOneHalfOpenRangeOfSeconds() {
        BalanceTransactionQuery query = BalanceTransactionQuery.of(params(
                "created[gt]", "99", "created[gte]", "90", "created[lte]", "199", "created[lt]", "250"));

        assertThat(query.fromSecond()).isEqualTo(100);
        assertThat(query.toSecond()).isEqualTo(200);
        assertThat(BalanceTransactionQuery.of(params("created", "150")))
                .returns(150L, BalanceTransactionQuery::fromSecond).returns(151L, BalanceTransactionQuery::toSecond);
    }

    @Test
    void defaultsAreTheNewestTenWithSourceIds() {
        BalanceTransactionQuery query = BalanceTransactionQuery.of(Map.of());

        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.cursor()).isNull();
        assertThat(query.expandSource()).isFalse();
        assertThat(query.fromSecond()).isNull();
        assertThat(query.toSecond()).isNull();
    }

    @Test
    void sourceIsExpandedAsTheSdksAndReconciliationAskForIt() {
        assertThat(BalanceTransactionQuery.of(params("expand[]", "data.source")).expandSource()).isTrue();
        assertThat(BalanceTransactionQuery.of(params("expand[0]", "data.source")).expandSource()).isTrue();
        assertThat(BalanceTransactionQuery.of(Map.of("expand[]", new String[] {"data.source", "data.source"}))
                .expandSource()).isTrue();
    }

    @Test
    void endingBeforePagesBackwards() {
        BalanceTransactionQuery query = BalanceTransactionQuery.of(params("ending_before", "txn_1", "limit", "100"));

        assertThat(query.backwards()).isTrue();
        assertThat(query.cursor()).isEqualTo("txn_1");
        assertThat(query.limit()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
            "limit, 0, limit",
            "limit, 101, limit",
            "limit, ten, limit",
            "created[gte], soon, created[gte]",
            "created[lt], 1.5, created[lt]",
            "created[gte], 99999999999999, created[gte]",
            "expand[], data.payout, expand[]",
            "expand[0], source, expand[0]",
            "expand, data.source, expand",
            "colour, red, colour",
            "created[between], 1, created[between]"})
    void aBadParameterIsRefusedByName(String name, String value, String param) {
        ApiException error = catchThrowableOfType(ApiException.class,
                () -> BalanceTransactionQuery.of(params(name, value)));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.body().get("error")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("param", param).containsEntry("type", "invalid_request_error");
    }

    @Test
    void aParameterTwiceOrBothCursorsAreRefused() {
        assertThat(catchThrowableOfType(ApiException.class, () -> BalanceTransactionQuery.of(
                Map.of("limit", new String[] {"1", "2"}))).code()).isEqualTo("parameter_invalid");
        assertThat(catchThrowableOfType(ApiException.class, () -> BalanceTransactionQuery.of(
                params("starting_after", "txn_a", "ending_before", "txn_b"))).code()).isEqualTo("parameter_invalid");
    }

    private static Map<String, String[]> params(String... namesAndValues) {
        Map<String, String[]> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return params;
    }
}
