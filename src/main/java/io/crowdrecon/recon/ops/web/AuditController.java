package io.crowdrecon.recon.ops.web;

import io.crowdrecon.recon.ops.AuditReport;
import io.crowdrecon.recon.ops.Auditor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/ops/audit}: the books' invariants, checked now. */
@RestController
public class AuditController {

    private final Auditor auditor;

    public AuditController(Auditor auditor) {
        this.auditor = auditor;
    }

    @GetMapping("/api/v1/ops/audit")
    Mono<AuditReport> audit() {
        return auditor.audit();
    }
}
