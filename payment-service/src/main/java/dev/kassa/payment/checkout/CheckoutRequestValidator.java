package dev.kassa.payment.checkout;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.api.Amounts;
import dev.kassa.payment.api.ApiProblem;
import dev.kassa.payment.api.FieldViolation;
import dev.kassa.payment.api.Ids;
import dev.kassa.payment.checkout.CheckoutRequest.BuyerInfo;
import dev.kassa.payment.checkout.CheckoutRequest.CreditCardInfo;
import dev.kassa.payment.checkout.CheckoutRequest.PaymentOrderRequest;
import dev.kassa.payment.checkout.NewCheckout.NewPaymentOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The checkout rules of the API contract (README, "API"); collects every violation, then refuses with all of them. */
@Component
public class CheckoutRequestValidator {

    static final int MAX_ORDERS = 50;
    private static final int MAX_EMAIL = 254;
    private static final int MAX_NAME = 200;
    private static final int MAX_TOKEN = 255;
    /** Pragmatic address check: one '@', no spaces, a dot in the domain; the PSP or mailer checks the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    private final PaymentProperties properties;

    public CheckoutRequestValidator(PaymentProperties properties) {
        this.properties = properties;
    }

    /** @throws ApiProblem 400 naming every invalid field */
    public NewCheckout validate(CheckoutRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        Ids.check("checkout_id", request.checkoutId(), violations);
        BuyerInfo buyer = request.buyerInfo();
        if (buyer == null) {
            violations.add(new FieldViolation("buyer_info", "is required"));
        } else {
            Ids.check("buyer_info.user_id", buyer.userId(), violations);
            checkEmail(buyer.email(), violations);
            if (buyer.name() != null && (buyer.name().isBlank() || buyer.name().length() > MAX_NAME)) {
                violations.add(new FieldViolation("buyer_info.name", "must be 1-" + MAX_NAME + " characters when present"));
            }
        }
        CreditCardInfo card = request.creditCardInfo();
        if (card == null) {
            violations.add(new FieldViolation("credit_card_info", "is required"));
        } else {
            checkToken(card.token(), violations);
            if (card.last4() == null) {
                violations.add(new FieldViolation("credit_card_info.last4", "is required"));
            } else if (!LAST4.matcher(card.last4()).matches()) {
                violations.add(new FieldViolation("credit_card_info.last4", "must be exactly 4 digits"));
            }
        }
        List<NewPaymentOrder> orders = checkOrders(request.paymentOrders(), violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidRequest(violations);
        }
        String hash = RequestFingerprint.of(request.checkoutId(), buyer.userId(), buyer.email(), buyer.name(),
                card.token(), card.last4(), orders);
        return new NewCheckout(request.checkoutId(), buyer.userId(), buyer.email(), buyer.name(), card.token(),
                card.last4(), orders, hash);
    }

    private static void checkEmail(String email, List<FieldViolation> violations) {
        if (email == null) {
            violations.add(new FieldViolation("buyer_info.email", "is required"));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            violations.add(new FieldViolation("buyer_info.email", "is not a valid email address"));
        }
    }

    private static void checkToken(String token, List<FieldViolation> violations) {
        if (token == null || token.isBlank()) {
            violations.add(new FieldViolation("credit_card_info.token", "is required (a PSP payment method token)"));
        } else if (token.length() > MAX_TOKEN || !TOKEN.matcher(token).matches()) {
            violations.add(new FieldViolation("credit_card_info.token",
                    "must be a PSP token of 1-" + MAX_TOKEN + " characters of A-Z, a-z, 0-9, '_' or '-'"));
        }
    }

    private List<NewPaymentOrder> checkOrders(List<PaymentOrderRequest> requested, List<FieldViolation> violations) {
        if (requested == null) {
            violations.add(new FieldViolation("payment_orders", "is required"));
            return List.of();
        }
        if (requested.isEmpty() || requested.size() > MAX_ORDERS) {
            violations.add(new FieldViolation("payment_orders", "must hold 1-" + MAX_ORDERS + " orders"));
            return List.of();
        }
        List<NewPaymentOrder> orders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String at = "payment_orders[" + i + "]";
            PaymentOrderRequest order = requested.get(i);
            if (order == null) {
                violations.add(new FieldViolation(at, "must be an object"));
                continue;
            }
            int before = violations.size();
            Ids.check(at + ".payment_order_id", order.paymentOrderId(), violations);
            if (order.paymentOrderId() != null && !seen.add(order.paymentOrderId())) {
                violations.add(new FieldViolation(at + ".payment_order_id", "appears more than once in this checkout"));
            }
            Ids.check(at + ".seller_account", order.sellerAccount(), violations);
            OptionalLong minor = Amounts.parse(at + ".amount", order.amount(), at + ".currency", order.currency(),
                    properties, violations);
            if (violations.size() == before && minor.isPresent()) {
                orders.add(new NewPaymentOrder(order.paymentOrderId(), order.sellerAccount(), minor.getAsLong(),
                        order.currency()));
            }
        }
        return orders;
    }
}
