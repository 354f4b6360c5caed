package dev.kassa.payment.risk;

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
class RiskAdminController {

    private final RiskBlockService blocks;

    RiskAdminController(RiskBlockService blocks) {
        this.blocks = blocks;
    }

    @GetMapping
    public List<RiskBlockView> list(@RequestParam(required = false) String kind,
                                    @RequestParam(required = false) String subject,
                                    @RequestParam(defaultValue = "true") boolean active,
                                    @RequestParam(defaultValue = "50") int limit) {
        return blocks.list(kind, subject, active, limit);
    }

    @GetMapping("/{block_id}")
    public RiskBlockView get(@PathVariable("block_id") long blockId) {
        return blocks.get(blockId);
    }

    /** 201 with the new block-list entry; 409 when the subject is on the list already. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RiskBlockView> block(@Valid @RequestBody NewBlockRequest body) {
        RiskBlockView block = blocks.block(body);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/admin/risk/blocks/" + block.blockId()))
                .body(block);
    }

    /** 200 with the lifted block; 404 for an unknown one, 409 for one lifted before. */
    @PostMapping(path = "/{block_id}/lift", consumes = MediaType.APPLICATION_JSON_VALUE)
    public RiskBlockView lift(@PathVariable("block_id") long blockId, @Valid @RequestBody LiftRequest body) {
        return blocks.lift(blockId, body.reason());
    }
}
