package dev.kassa.pspmock.intent;

import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.JsonColumn;
import org.springframework.stereotype.Component;

/** {@code payment_intent.last_payment_error}: the card error as the API renders it. */
@Component
class CardErrorColumn implements JsonColumn<CardError> {

    private final ApiJson json;

    CardErrorColumn(ApiJson json) {
        this.json = json;
    }

    @Override
    public Class<CardError> type() {
        return CardError.class;
    }

    @Override
    public CardError read(String text) {
        return CardError.of(json.readTree(text));
    }
}
