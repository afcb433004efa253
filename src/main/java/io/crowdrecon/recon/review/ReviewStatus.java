package io.crowdrecon.recon.review;

/** {@code OPEN → RESOLVED} (with a note). */
public enum ReviewStatus {
    OPEN,
    RESOLVED
}
