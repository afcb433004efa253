package io.crowdrecon.recon.operator;

import io.crowdrecon.recon.shared.OperatorId;
import java.util.Objects;

/**
 * The operator behind an ops request, as authentication proved it: whom the ops log names.
 *
 * @param operatorId the operator's id ({@link #BOOTSTRAP}'s for the {@code RECON_OPS_API_KEY})
 * @param name the operator's name at the time of the request
 * @param role what the operator may do
 */
public record Actor(OperatorId operatorId, String name, OperatorRole role) {

    /**
     * The bootstrap administrator, {@code RECON_OPS_API_KEY}: not a row (the key is configuration, it may change at
     * every start and must not be disabled or lost in the database), so it has a fixed id that no generated id can be
     * (the operator table refuses it).
     */
    public static final Actor BOOTSTRAP =
            new Actor(OperatorId.of("OPR2222222222222222"), "bootstrap", OperatorRole.ADMIN);

    public Actor {
        Objects.requireNonNull(operatorId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
    }

    /** The actor from the strings authentication carries ({@code platform.web.Caller.Operator}). */
    public static Actor of(String operatorId, String name, String role) {
        return new Actor(OperatorId.of(operatorId), name, OperatorRole.valueOf(role));
    }

    public boolean may(OpsAction action) {
        return Permissions.allows(role, action);
    }
}
