package dev.kassa.payment.risk;

import dev.kassa.payment.api.IpAddresses;
import dev.kassa.payment.audit.AuditAction;
import dev.kassa.payment.audit.AuditTrail;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.security.KassaActor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' side of the risk check: the block list, and lifting any block (a velocity rule's too), each change
 * audited in its own transaction. A lift also forgets the subject's declines, so that the next one does not block it
 * again at once.
 */
@Service
class RiskBlockService {

    private static final Logger log = LoggerFactory.getLogger(RiskBlockService.class);
    static final int MAX_LIMIT = 500;
    private static final String BLOCK_LIST = "block_list";

    private final RiskBlocks blocks;
    private final AuditTrail audit;
    private final Clock clock;

    RiskBlockService(RiskBlocks blocks, AuditTrail audit) {
        this.blocks = blocks;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** @throws KassaProblem 409 when the subject is on the block list already (and not expired) */
    @Transactional
    public RiskBlockView block(NewBlockRequest request) {
        RiskSubject.Kind kind = RiskSubject.Kind.valueOf(request.kind().toUpperCase(Locale.ROOT));
        String subject = subject(kind, request);
        String actor = KassaActor.required().id();
        RiskBlock block = blocks.insertBlockListEntry(kind.name(), subject, request.reason(), actor, request.expiresAt())
                .orElseThrow(() -> KassaProblem.conflict("value", "is on the block list already"
                        + blocks.findActive(kind.name(), subject).stream()
                        .filter(active -> active.rule().equals(BLOCK_LIST))
                        .map(active -> " (block " + active.blockId() + ")").findFirst().orElse("")));
        audit.record(AuditAction.RISK_BLOCK_ADDED, Long.toString(block.blockId()), merchantOf(kind, request),
                kind.name().toLowerCase(Locale.ROOT) + " blocked" + (block.expiresAt() == null ? "" : " until "
                        + block.expiresAt()) + ": " + request.reason());
        log.info("Risk block {} added to the block list ({})", block.blockId(), kind.name().toLowerCase(Locale.ROOT));
        return RiskBlockView.of(block, Instant.now(clock));
    }

    /** @throws KassaProblem 404 for an unknown block, 409 for one lifted before */
    @Transactional
    public RiskBlockView lift(long blockId, String reason) {
        RiskBlock known = blocks.findById(blockId)
                .orElseThrow(() -> KassaProblem.notFound("block_id", Long.toString(blockId)));
        RiskBlock lifted = blocks.lift(blockId, KassaActor.required().id(), reason)
                .orElseThrow(() -> KassaProblem.conflict("block_id", "was lifted already, at " + known.liftedAt()));
        blocks.forgetFailures(lifted.kind().name(), lifted.subject());
        String merchantId = lifted.kind() == RiskSubject.Kind.BUYER
                ? lifted.subject().substring(0, lifted.subject().indexOf(':')) : null;
        audit.record(AuditAction.RISK_BLOCK_LIFTED, Long.toString(blockId), merchantId,
                lifted.rule() + " lifted: " + reason);
        log.info("Risk block {} ({}) lifted", blockId, lifted.rule());
        return RiskBlockView.of(lifted, Instant.now(clock));
    }

    @Transactional(readOnly = true)
    public RiskBlockView get(long blockId) {
        return blocks.findById(blockId).map(block -> RiskBlockView.of(block, Instant.now(clock)))
                .orElseThrow(() -> KassaProblem.notFound("block_id", Long.toString(blockId)));
    }

    /**
     * Newest first, of one kind and subject when given ({@code <merchant_id>:<user_id>} for a buyer); {@code
     * activeOnly}: neither lifted nor expired.
     */
    @Transactional(readOnly = true)
    public List<RiskBlockView> list(String kind, String subject, boolean activeOnly, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw KassaProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String kindName = null;
        if (kind != null) {
            if (!List.of("token", "buyer", "address").contains(kind)) {
                throw KassaProblem.invalid("kind", "must be token, buyer or address");
            }
            kindName = kind.toUpperCase(Locale.ROOT);
        }
        // An address is stored in one spelling (::1 and 0:0:0:0:0:0:0:1 are one address): looked for in it too.
        String stored = "address".equals(kind) && subject != null
                ? IpAddresses.normalized(subject).orElse(subject) : subject;
        Instant now = Instant.now(clock);
        return blocks.findNewestFirst(kindName, stored, activeOnly, limit).stream()
                .map(block -> RiskBlockView.of(block, now)).toList();
    }

    /** The subject as the check compares it: an address in its one spelling, a buyer with its merchant. */
    private static String subject(RiskSubject.Kind kind, NewBlockRequest request) {
        if (kind != RiskSubject.Kind.BUYER && request.merchantId() != null) {
            throw KassaProblem.invalid("merchant_id", "is only for a buyer");
        }
        return switch (kind) {
            case TOKEN -> {
                if (!request.value().matches("[A-Za-z0-9_-]+")) {
                    throw KassaProblem.invalid("value", "must be a PSP token of A-Z, a-z, 0-9, '_' or '-'");
                }
                yield request.value();
            }
            case BUYER -> {
                if (request.merchantId() == null) {
                    throw KassaProblem.invalid("merchant_id", "is required for a buyer (buyer ids are each merchant's own)");
                }
                yield request.merchantId() + ":" + request.value();
            }
            case ADDRESS -> IpAddresses.normalized(request.value())
                    .orElseThrow(() -> KassaProblem.invalid("value", "must be an IPv4 or IPv6 address"));
        };
    }

    private static String merchantOf(RiskSubject.Kind kind, NewBlockRequest request) {
        return kind == RiskSubject.Kind.BUYER ? request.merchantId() : null;
    }
}
