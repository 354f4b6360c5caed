package dev.kassa.pspmock.intent;

import java.util.Set;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.StripeForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Simulator: outcomes", description = "How often payment methods that are not test tokens succeed (per"
        + " instance, in memory). An operator key: every operator role reads, OPERATOR changes.")
class OutcomeController {

    private static final String CHANGE = "A JSON object (or the same as a form); without `success_probability`"
            + " nothing changes";

    private final OutcomeSettings settings;
    private final ApiJson json;

    OutcomeController(OutcomeSettings settings, ApiJson json) {
        this.settings = settings;
        this.json = json;
    }

    @GetMapping
    @Operation(operationId = "getOutcomes", summary = "The success probability in force")
    @ApiResponse(responseCode = "200", description = "The setting", content = @Content(
            schema = @Schema(implementation = Outcomes.class)))
    ResponseEntity<String> show() {
        return json.render(200, new Outcomes(settings.successProbability())).toEntity();
    }

    @PostMapping
    @Operation(operationId = "changeOutcomes", summary = "Change the success probability",
            requestBody = @RequestBody(description = CHANGE, content = {
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = Outcomes.class)),
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = Outcomes.class))}))
    @ApiResponse(responseCode = "200", description = "The setting now", content = @Content(
            schema = @Schema(implementation = Outcomes.class)))
    ResponseEntity<String> change(HttpServletRequest http) {
        json.readRequest(http).allowOnly(Set.of("success_probability"))
                .optionalRate("success_probability").ifPresent(settings::successProbability);
        return show();
    }

    @DeleteMapping
    @Operation(operationId = "resetOutcomes", summary = "Restore the success probability of startup",
            description = "`psp.outcomes.success-probability`")
    @ApiResponse(responseCode = "200", description = "The setting now", content = @Content(
            schema = @Schema(implementation = Outcomes.class)))
    ResponseEntity<String> reset() {
        settings.reset();
        return show();
    }

    @Schema(name = "OutcomeSettings")
    record Outcomes(@Schema(description = "Chance that a charge with a payment method that is not a test token"
                            + " succeeds", minimum = "0", maximum = "1", example = "0.9") double successProbability) {
    }
}
