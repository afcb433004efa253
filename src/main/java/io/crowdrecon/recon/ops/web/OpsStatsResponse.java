package io.crowdrecon.recon.ops.web;

import io.crowdrecon.recon.ops.OpsStats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code GET /ops/stats} as the API shows {@link OpsStats}. */
@Schema(
        name = "OpsStats",
        requiredProperties = {
            "checkedAt",
            "credits",
            "amounts",
            "unidentifiedByReason",
            "returnsPending",
            "refundsPending",
            "instructionsByStatus",
            "outbox",
            "openReviewItems",
            "ordersByStatus",
            "portals"
        })
public record OpsStatsResponse(
        Instant checkedAt,
        Credits credits,
        Map<String, Map<String, BigDecimal>> amounts,
        Map<String, Long> unidentifiedByReason,
        Pending returnsPending,
        Pending refundsPending,
        Map<String, Long> instructionsByStatus,
        @Nullable Map<String, Long> deadLetters,
        Outbox outbox,
        @Nullable Map<String, Long> consumerLag,
        ReviewQueue openReviewItems,
        Map<String, Long> ordersByStatus,
        long portals) {

    @Schema(
            name = "OpsCredits",
            requiredProperties = {
                "decided",
                "matched",
                "unidentified",
                "duplicates",
                "returnedInstructions",
                "notDecided"
            })
    public record Credits(
            @Schema(description = "null when the broker does not answer") @Nullable Long received,
            long decided,
            long matched,
            long unidentified,
            long duplicates,
            long returnedInstructions,
            long notDecided) {}

    @Schema(
            name = "OpsPending",
            requiredProperties = {"count", "amounts"})
    public record Pending(long count, Map<String, BigDecimal> amounts) {}

    @Schema(
            name = "OpsOutbox",
            requiredProperties = {"backlog", "lagSeconds"})
    public record Outbox(long backlog, double lagSeconds) {}

    @Schema(
            name = "OpsReviewQueue",
            requiredProperties = {"total", "byKind"})
    public record ReviewQueue(long total, Map<String, Long> byKind) {}

    static OpsStatsResponse of(OpsStats s) {
        OpsStats.Credits c = s.credits();
        return new OpsStatsResponse(
                s.checkedAt(),
                new Credits(
                        c.received(),
                        c.decided(),
                        c.matched(),
                        c.unidentified(),
                        c.duplicates(),
                        c.returnedInstructions(),
                        c.notDecided()),
                s.amounts(),
                s.unidentifiedByReason(),
                pending(s.returnsPending()),
                pending(s.refundsPending()),
                s.instructionsByStatus(),
                s.deadLetters(),
                new Outbox(s.outbox().backlog(), s.outbox().lagSeconds()),
                s.consumerLag(),
                new ReviewQueue(s.openReviewItems().total(), s.openReviewItems().byKind()),
                s.ordersByStatus(),
                s.portals());
    }

    private static Pending pending(OpsStats.Pending p) {
        return new Pending(p.count(), p.amounts());
    }
}
