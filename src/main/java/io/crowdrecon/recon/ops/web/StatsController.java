package io.crowdrecon.recon.ops.web;

import io.crowdrecon.recon.ops.PortalStats;
import io.crowdrecon.recon.ops.persistence.R2dbcPortalStats;
import io.crowdrecon.recon.platform.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /stats}: the calling portal's settled money. */
@RestController
public class StatsController {

    private final R2dbcPortalStats stats;

    public StatsController(R2dbcPortalStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/stats")
    Mono<PortalStats> stats(Caller caller) {
        return stats.of(caller.portalId());
    }
}
