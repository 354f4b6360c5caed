package dev.kassa.payment.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/risk/blocks}: the risk check's blocks, read by every operator role and changed by OPERATOR (see
 * {@code PaymentAccessRules}). JSON only; refusals are the web module's problem details.
 */
@RestController
@RequestMapping(path = "/admin/risk/blocks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Risk blocks", description = "The risk check's blocks: a card token, buyer or client address that may not"
        + " be charged, set by a velocity rule or by an operator (the block list). Every operator role reads; OPERATOR"
        + " blocks and lifts.")
class RiskAdminController {

    private final RiskBlockService blocks;

    RiskAdminController(RiskBlockService blocks) {
        this.blocks = blocks;
    }

    @GetMapping
    @Operation(operationId = "listRiskBlocks", summary = "Blocks, newest first", description = "Every operator role.")
    public List<RiskBlockView> list(@Parameter(description = "`token`, `buyer` or `address`", example = "address")
                                    @RequestParam(required = false) String kind,
                                    @Parameter(description = "Only this subject (a buyer as `<merchant_id>:<user_id>`)",
                                            example = "203.0.113.7")
                                    @RequestParam(required = false) String subject,
                                    @Parameter(description = "Only blocks neither lifted nor expired (default); false:"
                                            + " every block")
                                    @RequestParam(defaultValue = "true") boolean active,
                                    @Parameter(description = "At most this many, 1 to 500")
                                    @RequestParam(defaultValue = "50") int limit) {
        return blocks.list(kind, subject, active, limit);
    }

    @GetMapping("/{block_id}")
    @Operation(operationId = "getRiskBlock", summary = "A block", description = "Every operator role.")
    public RiskBlockView get(@Parameter(description = "The block", example = "42")
                             @PathVariable("block_id") long blockId) {
        return blocks.get(blockId);
    }

    /** 201 with the new block-list entry; 409 when the subject is on the list already. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createRiskBlock", summary = "Put a subject on the block list",
            description = "OPERATOR. From the next charge on, the risk check stops every charge of the subject (the"
                    + " order FAILS with `risk_blocked`, the PSP is not called) until the block expires or is lifted."
                    + " Audited.")
    @ApiResponse(responseCode = "201", description = "Blocked",
            headers = @Header(name = "Location", description = "The block", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RiskBlockView.class)))
    @ApiResponse(responseCode = "409", description = "The subject is on the block list already"
            + " (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<RiskBlockView> block(@Valid @RequestBody NewBlockRequest body) {
        RiskBlockView block = blocks.block(body);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/admin/risk/blocks/" + block.blockId()))
                .body(block);
    }

    /** 200 with the lifted block; 404 for an unknown one, 409 for one lifted before. */
    @PostMapping(path = "/{block_id}/lift", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "liftRiskBlock", summary = "Lift a block",
            description = "OPERATOR, with a reason kept on the block and audited. The subject may be charged again at"
                    + " once.")
    @ApiResponse(responseCode = "200", description = "The lifted block",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RiskBlockView.class)))
    @ApiResponse(responseCode = "409", description = "It was lifted before (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public RiskBlockView lift(@Parameter(description = "The block", example = "42")
                              @PathVariable("block_id") long blockId,
                              @Valid @RequestBody LiftRequest body) {
        return blocks.lift(blockId, body.reason());
    }
}
