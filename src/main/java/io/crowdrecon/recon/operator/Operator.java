package io.crowdrecon.recon.operator;

import io.crowdrecon.recon.shared.OperatorId;
import java.time.Instant;

/**
 * A named operator. Its API key is never held here: only its SHA-256 is stored, next to the row.
 *
 * @param disabled a disabled operator's key and dashboard sessions are refused (401) at once, on every instance
 * @param createdBy the id of the administrator who created it
 */
public record Operator(
        OperatorId operatorId,
        String name,
        OperatorRole role,
        boolean disabled,
        Instant createdAt,
        OperatorId createdBy) {

    /** Whom this operator acts as. */
    public Actor actor() {
        return new Actor(operatorId, name, role);
    }
}
