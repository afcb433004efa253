package io.crowdrecon.recon.ops.web;

import io.crowdrecon.recon.ops.Auditor;
import io.crowdrecon.recon.platform.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(
            operationId = "getAudit",
            summary = "Audit the books",
            description = "Checks every invariant of the books in one snapshot; an empty breaches list means they"
                    + " balance.",
            tags = ApiTags.AUDIT)
    Mono<AuditReportResponse> audit() {
        return auditor.audit().map(AuditReportResponse::of);
    }
}
