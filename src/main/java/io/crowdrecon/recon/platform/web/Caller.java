package io.crowdrecon.recon.platform.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as proven by the bearer key: the operator, or one portal.
 *
 * @param portalId the portal's id, null for the operator; on a portal path read it through {@link #portalIdOrFail()}
 * @param keyHash SHA-256 of the presented key; scopes Idempotency-Keys to the caller's key
 */
public record Caller(Kind kind, @Nullable String portalId, byte[] keyHash) {

    public enum Kind {
        OPS,
        PORTAL
    }

    public Caller {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(keyHash);
        if (kind == Kind.PORTAL) {
            Objects.requireNonNull(portalId);
        }
    }

    public static Caller ops(byte[] keyHash) {
        return new Caller(Kind.OPS, null, keyHash);
    }

    public static Caller portal(String portalId, byte[] keyHash) {
        return new Caller(Kind.PORTAL, portalId, keyHash);
    }

    /**
     * The portal's id on a path only a portal reaches: {@code ApiKeyAuthenticationFilter} lets no operator key onto
     * it, so a null here is a routing bug, not a bad request.
     */
    public String portalIdOrFail() {
        return Objects.requireNonNull(portalId, "a portal path is called by a portal");
    }

    public boolean isOps() {
        return kind == Kind.OPS;
    }

    @Override
    public String toString() {
        return isOps() ? "Caller[ops]" : "Caller[portal " + portalId + "]";
    }
}
