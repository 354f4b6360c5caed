package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A page of {@code GET /api/v1/payments}: checkouts newest first; {@code nextCursor} asks for the next page
 * ({@link CheckoutQuery#withCursor(String)}) and is null on the last.
 */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckoutPage(List<Checkout> payments, String nextCursor) {

    public CheckoutPage {
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
