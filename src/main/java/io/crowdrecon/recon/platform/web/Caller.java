package io.crowdrecon.recon.platform.web;

import java.util.Objects;

/**
 * Who is calling, as proven by the bearer key: the operator, or one portal.
 *
 * @param keyHash SHA-256 of the presented key; scopes Idempotency-Keys to the caller's key
 */
public record Caller(Kind kind, String portalId, byte[] keyHash) {

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

    public boolean isOps() {
        return kind == Kind.OPS;
    }

    @Override
    public String toString() {
        return isOps() ? "Caller[ops]" : "Caller[portal " + portalId + "]";
    }
}
