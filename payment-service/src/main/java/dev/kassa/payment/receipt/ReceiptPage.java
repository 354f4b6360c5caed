package dev.kassa.payment.receipt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * The receipt as one self-contained, printable HTML page (no script, no external asset). One page does not warrant a
 * template engine in this service; every value is escaped ({@link HtmlUtils}).
 */
final class ReceiptPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ReceiptPage() {
    }

    static String render(Receipt receipt) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Receipt %s</title>
                <style>body{font-family:sans-serif;max-width:46rem;margin:2rem auto;color:#111}
                table{border-collapse:collapse;width:100%%;margin:1rem 0}th,td{text-align:left;padding:.3rem .5rem;
                border-bottom:1px solid #ccc}td.amount,th.amount{text-align:right}small{color:#555}</style>
                </head><body>
                """.formatted(escape(receipt.checkoutId())));
        html.append("<h1>Receipt</h1>\n<p>")
                .append(escape(receipt.merchant().name() != null ? receipt.merchant().name() : receipt.merchant().merchantId()))
                .append(" <small>(").append(escape(receipt.merchant().merchantId())).append(")</small></p>\n")
                .append("<p>Checkout <strong>").append(escape(receipt.checkoutId())).append("</strong>, ")
                .append(escape(receipt.checkoutStatus())).append("<br>Created ").append(time(receipt.createdAt()));
        if (receipt.completedAt() != null) {
            html.append(", completed ").append(time(receipt.completedAt()));
        }
        html.append("<br>Buyer ").append(escape(receipt.buyer().name() != null ? receipt.buyer().name() : ""))
                .append(" &lt;").append(escape(receipt.buyer().email())).append("&gt; <small>(")
                .append(escape(receipt.buyer().userId())).append(")</small>");
        if (receipt.cardLast4() != null) {
            html.append("<br>Card ending in ").append(escape(receipt.cardLast4()));
        }
        html.append("</p>\n<table><thead><tr><th>Order</th><th>Seller</th><th>Status</th>"
                + "<th class=\"amount\">Amount</th><th class=\"amount\">Refunded</th></tr></thead><tbody>\n");
        for (Receipt.Line line : receipt.paymentOrders()) {
            html.append("<tr><td>").append(escape(line.paymentOrderId())).append("</td><td>")
                    .append(escape(line.sellerAccount())).append("</td><td>").append(escape(line.status()))
                    .append(line.failureCode() == null ? "" : " <small>(" + escape(line.failureCode()) + ")</small>")
                    .append("</td><td class=\"amount\">").append(money(line.amount(), line.currency()))
                    .append("</td><td class=\"amount\">").append(money(line.refundedAmount(), line.currency()))
                    .append("</td></tr>\n");
            for (Receipt.RefundLine refund : line.refunds()) {
                html.append("<tr><td colspan=\"3\"><small>refund ").append(escape(refund.refundId())).append(", ")
                        .append(escape(refund.status())).append(", ").append(time(refund.createdAt()))
                        .append("</small></td><td></td><td class=\"amount\"><small>")
                        .append(money(refund.amount(), line.currency())).append("</small></td></tr>\n");
            }
        }
        html.append("</tbody></table>\n<table><thead><tr><th>Currency</th><th class=\"amount\">Charged</th>"
                + "<th class=\"amount\">Refunded</th><th class=\"amount\">Net</th></tr></thead><tbody>\n");
        for (Receipt.Total total : receipt.totals()) {
            html.append("<tr><td>").append(escape(total.currency())).append("</td><td class=\"amount\">")
                    .append(escape(total.charged())).append("</td><td class=\"amount\">").append(escape(total.refunded()))
                    .append("</td><td class=\"amount\"><strong>").append(escape(total.net()))
                    .append("</strong></td></tr>\n");
        }
        return html.append("</tbody></table>\n</body></html>\n").toString();
    }

    private static String money(String amount, String currency) {
        return escape(amount) + " " + escape(currency);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
