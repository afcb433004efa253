package io.crowdrecon.recon.platform.web;

import io.crowdrecon.recon.shared.PortalId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as proven by the bearer key or the dashboard session: an operator, or one portal.
 *
 * @param portalId the portal's id, null for an operator; on a portal path read it through {@link #portalIdOrFail()}
 * @param operator the operator, null for a portal; on an ops path read it through {@link #operatorOrFail()}
 * @param keyHash SHA-256 of the presented key (or session token); scopes Idempotency-Keys to the caller's key
 */
public record Caller(Kind kind, @Nullable PortalId portalId, @Nullable Operator operator, byte[] keyHash) {

    /**
     * A named operator, or the bootstrap administrator ({@code RECON_OPS_API_KEY}); the capability {@code operator}
     * owns what the role allows.
     *
     * @param role an {@code operator.OperatorRole} name
     */
    public record Operator(String operatorId, String name, String role) {

        public Operator {
            Objects.requireNonNull(operatorId);
            Objects.requireNonNull(name);
            Objects.requireNonNull(role);
        }
    }

    /**
     * The bootstrap administrator, {@code RECON_OPS_API_KEY}: the fixed id is {@code operator.Actor.BOOTSTRAP}'s, which
     * no operator row may take.
     */
    public static final Operator BOOTSTRAP = new Operator("OPR2222222222222222", "bootstrap", "ADMIN");

    public enum Kind {
        OPS,
        PORTAL
    }

    public Caller {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(keyHash);
        if (kind == Kind.PORTAL) {
            Objects.requireNonNull(portalId);
        } else {
            Objects.requireNonNull(operator);
        }
    }

    /** The bootstrap administrator. */
    public static Caller ops(byte[] keyHash) {
        return ops(BOOTSTRAP, keyHash);
    }

    public static Caller ops(Operator operator, byte[] keyHash) {
        return new Caller(Kind.OPS, null, operator, keyHash);
    }

    public static Caller portal(PortalId portalId, byte[] keyHash) {
        return new Caller(Kind.PORTAL, portalId, null, keyHash);
    }

    /**
     * The operator on an ops path: {@code ApiKeyAuthenticationFilter} lets no portal key onto it, so a null here is a
     * routing bug, not a bad request.
     */
    public Operator operatorOrFail() {
        return Objects.requireNonNull(operator, "an ops path is called by an operator");
    }

    /**
     * The portal's id on a path only a portal reaches: {@code ApiKeyAuthenticationFilter} lets no operator key onto
     * it, so a null here is a routing bug, not a bad request.
     */
    public PortalId portalIdOrFail() {
        return Objects.requireNonNull(portalId, "a portal path is called by a portal");
    }

    public boolean isOps() {
        return kind == Kind.OPS;
    }

    @Override
    public String toString() {
        return isOps() ? "Caller[ops " + operatorOrFail().name() + "]" : "Caller[portal " + portalId + "]";
    }
}
