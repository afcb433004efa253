package io.crowdrecon.recon.operator;

import io.crowdrecon.recon.shared.OperatorId;
import io.crowdrecon.recon.shared.Page;
import io.crowdrecon.recon.shared.PageRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The append-only ops log: lines are added, never changed or removed (the runtime database role may not UPDATE or
 * DELETE them). A line added inside a transaction commits with it.
 */
public interface OpsLog {

    /** Appends the line (its {@code sequence} is assigned by the store and ignored here). */
    Mono<Void> append(OpsLogEntry entry);

    /**
     * The lines from {@code from} (inclusive) to {@code to} (exclusive), of one operator if given, newest first.
     */
    Mono<Page<OpsLogEntry>> page(
            @Nullable Instant from, @Nullable Instant to, @Nullable OperatorId operatorId, PageRequest page);
}
