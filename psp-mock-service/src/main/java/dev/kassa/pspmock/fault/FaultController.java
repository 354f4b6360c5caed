package dev.kassa.pspmock.fault;

import dev.kassa.pspmock.api.ApiJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET shows the switches, POST changes the fields it names, DELETE restores the settings of startup. */
@RestController
@RequestMapping("/admin/faults")
class FaultController {

    private final Faults faults;
    private final ApiJson json;

    FaultController(Faults faults, ApiJson json) {
        this.faults = faults;
        this.json = json;
    }

    @GetMapping
    ResponseEntity<String> show() {
        return json.render(200, faults.current()).toEntity();
    }

    @PostMapping
    ResponseEntity<String> change(HttpServletRequest http) {
        return json.render(200, faults.change(json.readRequest(http))).toEntity();
    }

    @DeleteMapping
    ResponseEntity<String> reset() {
        return json.render(200, faults.reset()).toEntity();
    }
}
