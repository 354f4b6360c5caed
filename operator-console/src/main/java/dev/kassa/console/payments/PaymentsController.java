package dev.kassa.console.payments;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Payments search: payment-service's history ({@code GET /api/v1/payments}, cursor-paged, newest first) filtered by
 * merchant, buyer, seller, status, currency, an amount range (in that currency) and a range of UTC days; a checkout id shows that checkout, an order id
 * opens the order.
 */
@Controller
class PaymentsController {

    static final List<String> STATUSES = List.of("NOT_STARTED", "EXECUTING", "SUCCEEDED", "FAILED");

    private final KassaApi api;

    PaymentsController(KassaApi api) {
        this.api = api;
    }

    @GetMapping("/payments")
    String search(@RequestParam Map<String, String> form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("statuses", STATUSES);
        String orderId = form.getOrDefault("payment_order_id", "").strip();
        if (!orderId.isEmpty()) {
            return "redirect:/payment-orders/" + UriUtils.encodePathSegment(orderId, StandardCharsets.UTF_8);
        }
        String checkoutId = form.getOrDefault("checkout_id", "").strip();
        if (!checkoutId.isEmpty()) {
            try {
                model.addAttribute("payments", List.of(api.get(Backend.PAYMENT, "/api/v1/payments/{id}", Map.of(),
                        checkoutId)));
            } catch (ServiceProblem problem) {
                if (!problem.isNotFound()) {
                    throw problem;
                }
                model.addAttribute("payments", List.of());
            }
            return "payments";
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("merchant_id", form.get("merchant_id"));
        query.put("buyer_user_id", form.get("buyer_user_id"));
        query.put("seller_account", form.get("seller_account"));
        query.put("status", form.get("status"));
        query.put("currency", form.get("currency"));
        query.put("amount_min", form.get("amount_min"));
        query.put("amount_max", form.get("amount_max"));
        query.put("created_from", startOfDay(form.get("from")));
        query.put("created_to", startOfDay(nextDay(form.get("to"))));
        query.put("limit", 25);
        query.put("cursor", form.get("cursor"));
        Map<String, Object> page = api.get(Backend.PAYMENT, "/api/v1/payments", query);
        model.addAttribute("payments", page.get("payments"));
        model.addAttribute("nextCursor", page.get("next_cursor"));
        return "payments";
    }

    /** A UTC day ({@code 2026-12-04}) as the instant it starts; anything else is passed on for the API to judge. */
    private static String startOfDay(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        } catch (DateTimeParseException e) {
            return day;
        }
    }

    /** The range's last day is included: the query ends where the next day starts. */
    private static String nextDay(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).plusDays(1).toString();
        } catch (DateTimeParseException e) {
            return day;
        }
    }
}
