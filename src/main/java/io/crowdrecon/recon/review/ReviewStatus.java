package io.crowdrecon.recon.review;

/** {@code OPEN → RESOLVED} (with a note). An item moves only along a row of {@link ReviewTransitions}. */
public enum ReviewStatus {
    OPEN,
    RESOLVED
}
