package dev.kassa.pspmock.intent;

import java.util.Map;
import java.util.Set;
import dev.kassa.pspmock.api.ApiJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/outcomes}: {@code {"success_probability": 0.9}} for payment methods that are not test tokens. */
@RestController
@RequestMapping("/admin/outcomes")
class OutcomeController {

    private final OutcomeSettings settings;
    private final ApiJson json;

    OutcomeController(OutcomeSettings settings, ApiJson json) {
        this.settings = settings;
        this.json = json;
    }

    @GetMapping
    ResponseEntity<String> show() {
        return json.render(200, Map.of("success_probability", settings.successProbability())).toEntity();
    }

    @PostMapping
    ResponseEntity<String> change(HttpServletRequest http) {
        json.readRequest(http).allowOnly(Set.of("success_probability"))
                .optionalRate("success_probability").ifPresent(settings::successProbability);
        return show();
    }

    @DeleteMapping
    ResponseEntity<String> reset() {
        settings.reset();
        return show();
    }
}
