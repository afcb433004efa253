package io.crowdrecon.recon.ops.web;

import io.crowdrecon.recon.export.ExportPeriod;
import io.crowdrecon.recon.ops.persistence.R2dbcOpsStats;
import io.crowdrecon.recon.ops.persistence.R2dbcPortalStats;
import io.crowdrecon.recon.platform.openapi.ApiErrors;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.crowdrecon.recon.platform.web.Caller;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /stats}: the calling portal's settled money. */
@RestController
public class StatsController {

    private final R2dbcPortalStats stats;
    private final R2dbcOpsStats opsStats;

    private final Clock clock;

    public StatsController(R2dbcPortalStats stats, R2dbcOpsStats opsStats, Clock clock) {
        this.stats = stats;
        this.opsStats = opsStats;
        this.clock = clock;
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
            description = "Sums and counts of the portal's ACCOUNTED and SPLITTED orders and finalized campaigns."
                    + " With from or to, only the orders created in the period count (from inclusive, to exclusive,"
                    + " UTC days; to defaults to tomorrow, from to a month before to; at most ten years); the"
                    + " campaigns' counts stay all time.",
            tags = ApiTags.STATISTICS)
    @ApiErrors(ErrorCode.INVALID_PARAMETER)
    Mono<PortalStatsResponse> stats(
            Caller caller,
            @Parameter(
                            description = "The first day, inclusive (UTC)",
                            schema = @Schema(type = "string", format = "date"))
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(
                            description = "The first day not counted (UTC)",
                            schema = @Schema(type = "string", format = "date"))
                    @RequestParam(required = false)
                    @Nullable
                    String to) {
        String portalId = caller.portalIdOrFail().value();
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            // Without a period, the all-time figures existing clients read.
            return stats.of(portalId).map(PortalStatsResponse::of);
        }
        return Mono.fromCallable(() -> ExportPeriod.of(
                        QueryParameters.date("from", from), QueryParameters.date("to", to), LocalDate.now(clock)))
                .flatMap(period -> stats.of(portalId, period.start(), period.end()))
                .map(PortalStatsResponse::of);
    }
}
