package io.crowdrecon.recon.hold;

/**
 * {@code ACTIVE → RELEASED} (the money goes back to {@code AVAILABLE}) {@code | REFUSED} (the paid orders are
 * refunded to their payers). A hold moves only along a row of {@link HoldTransitions}.
 */
public enum HoldStatus {
    ACTIVE,
    RELEASED,
    REFUSED
}
