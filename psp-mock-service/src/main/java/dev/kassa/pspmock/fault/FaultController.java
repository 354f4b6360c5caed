package dev.kassa.pspmock.fault;

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

/** GET shows the switches, POST changes the fields it names, DELETE restores the settings of startup. */
@RestController
@RequestMapping("/admin/faults")
@Tag(name = "Simulator: faults", description = "Fault switches, per instance and in memory: injected 500s, 503s,"
        + " latency, lost responses for `/v1`; duplicated, delayed, reordered or failing webhooks. Only calls with a"
        + " valid key are affected. An operator key: every operator role reads, OPERATOR changes.")
class FaultController {

    private static final String CHANGES = "A JSON object (or the same as a form) with the switches to change";

    private final Faults faults;
    private final ApiJson json;

    FaultController(Faults faults, ApiJson json) {
        this.faults = faults;
        this.json = json;
    }

    @GetMapping
    @Operation(operationId = "getFaults", summary = "The fault switches in force")
    @ApiResponse(responseCode = "200", description = "The switches", content = @Content(
            schema = @Schema(implementation = FaultSettings.class)))
    ResponseEntity<String> show() {
        return json.render(200, faults.current()).toEntity();
    }

    @PostMapping
    @Operation(operationId = "changeFaults", summary = "Change the switches it names",
            description = "Fields absent stay as they are; rates are from 0 to 1 (0 and 1 draw no dice), times from 0"
                    + " to 120000 ms. An unknown field is a 400 (`parameter_unknown`).",
            requestBody = @RequestBody(description = CHANGES, content = {
                    @Content(mediaType = StripeForms.JSON, schema = @Schema(implementation = FaultSettings.class)),
                    @Content(mediaType = StripeForms.FORM, schema = @Schema(implementation = FaultSettings.class))}))
    @ApiResponse(responseCode = "200", description = "The switches now", content = @Content(
            schema = @Schema(implementation = FaultSettings.class)))
    ResponseEntity<String> change(HttpServletRequest http) {
        return json.render(200, faults.change(json.readRequest(http))).toEntity();
    }

    @DeleteMapping
    @Operation(operationId = "resetFaults", summary = "Restore the switches of startup",
            description = "`psp.faults.*`: all off by default.")
    @ApiResponse(responseCode = "200", description = "The switches now", content = @Content(
            schema = @Schema(implementation = FaultSettings.class)))
    ResponseEntity<String> reset() {
        return json.render(200, faults.reset()).toEntity();
    }
}
