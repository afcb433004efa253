package io.crowdrecon.recon.ops;

import reactor.core.publisher.Mono;

/** Checks the invariants of the books against the database, as it is now. */
public interface Auditor {

    Mono<AuditReport> audit();
}
