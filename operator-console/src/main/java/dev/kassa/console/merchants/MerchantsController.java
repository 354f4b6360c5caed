package dev.kassa.console.merchants;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merchants and their secret keys (payment-service's {@code /admin/merchants}): create a merchant; create a key, whose
 * secret is shown on the answer page this once and kept nowhere by the console; rotate (a second key, then revoke the
 * first once the frontends use the new one); revoke, behind a confirmation page, after which the key stops working at
 * once.
 */
@Controller
class MerchantsController {

    private final KassaApi api;

    MerchantsController(KassaApi api) {
        this.api = api;
    }

    @GetMapping("/merchants")
    String list(Model model) {
        model.addAttribute("merchants", api.list(Backend.PAYMENT, "/admin/merchants", Map.of("limit", 200)));
        return "merchants";
    }

    @PostMapping("/merchants")
    String create(@RequestParam("merchant_id") String merchantId, @RequestParam String name,
                  RedirectAttributes redirect) {
        try {
            api.post(Backend.PAYMENT, "/admin/merchants", Map.of("merchant_id", merchantId.strip(), "name", name.strip()));
            redirect.addFlashAttribute("notice", "Merchant " + merchantId.strip() + " created. Create its first key.");
            return "redirect:/merchants/" + merchantId.strip();
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "Not created: " + problem.detail());
            return "redirect:/merchants";
        }
    }

    @GetMapping("/merchants/{id}")
    String merchant(@PathVariable String id, Model model) {
        model.addAttribute("merchant", api.get(Backend.PAYMENT, "/admin/merchants/{id}", Map.of(), id));
        List<Map<String, Object>> keys = api.list(Backend.PAYMENT, "/admin/merchants/{id}/keys", Map.of(), id);
        model.addAttribute("keys", keys);
        model.addAttribute("activeKeys", keys.stream().filter(key -> key.get("revoked_at") == null).count());
        return "merchant";
    }

    /** A new key: its secret is on this answer only (not a redirect, so it never passes through the session). */
    @PostMapping("/merchants/{id}/keys")
    String createKey(@PathVariable String id, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("key", api.post(Backend.PAYMENT, "/admin/merchants/{id}/keys", Map.of(), id));
            model.addAttribute("merchantId", id);
            return "key-created";
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "No key created: " + problem.detail());
            return "redirect:/merchants/{id}";
        }
    }

    @GetMapping("/merchants/{id}/keys/{keyId}/revoke")
    String confirmRevoke(@PathVariable String id, @PathVariable String keyId, Model model) {
        model.addAttribute("merchantId", id);
        model.addAttribute("key", api.list(Backend.PAYMENT, "/admin/merchants/{id}/keys", Map.of(), id).stream()
                .filter(key -> keyId.equals(key.get("key_id"))).findFirst()
                .orElseThrow(() -> new ServiceProblem(Backend.PAYMENT, 404, "Not found",
                        "Merchant " + id + " has no key " + keyId)));
        return "revoke-key";
    }

    @PostMapping("/merchants/{id}/keys/{keyId}/revoke")
    String revoke(@PathVariable String id, @PathVariable String keyId, RedirectAttributes redirect) {
        try {
            api.delete(Backend.PAYMENT, "/admin/merchants/{id}/keys/{keyId}", id, keyId);
            redirect.addFlashAttribute("notice", "Key " + keyId + " revoked: it no longer works.");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "Not revoked: " + problem.detail());
        }
        return "redirect:/merchants/{id}";
    }
}
