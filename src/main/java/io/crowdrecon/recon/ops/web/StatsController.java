package io.crowdrecon.recon.ops.web;

import io.crowdrecon.recon.ops.persistence.R2dbcOpsStats;
import io.crowdrecon.recon.ops.persistence.R2dbcPortalStats;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /stats}: the calling portal's settled money. */
@RestController
public class StatsController {

    private final R2dbcPortalStats stats;
    private final R2dbcOpsStats opsStats;

    public StatsController(R2dbcPortalStats stats, R2dbcOpsStats opsStats) {
        this.stats = stats;
        this.opsStats = opsStats;
    }

    /** {@code GET /ops/stats}: credits, amounts, unidentified by reason, pending money, DLQs, lag, review queue. */
    @GetMapping("/api/v1/ops/stats")
    @Operation(
            operationId = "getOpsStats",
            summary = "Get the operators' figures",
            description = "Credits, amounts, unidentified transfers by reason, pending money, dead letters, lag and the"
                    + " review queue, across every portal.",
            tags = ApiTags.AUDIT)
    Mono<OpsStatsResponse> opsStats() {
        return opsStats.stats().map(OpsStatsResponse::of);
    }

    @GetMapping("/api/v1/stats")
    @Operation(
            operationId = "getStats",
            summary = "Get the portal's settled money",
            description = "Sums and counts of the portal's ACCOUNTED and SPLITTED orders and finalized campaigns.",
            tags = ApiTags.STATISTICS)
    Mono<PortalStatsResponse> stats(Caller caller) {
        return stats.of(caller.portalIdOrFail().value()).map(PortalStatsResponse::of);
    }
}
