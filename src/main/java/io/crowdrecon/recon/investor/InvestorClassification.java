package io.crowdrecon.recon.investor;

/**
 * How much protection an investor gets (Regulation (EU) 2020/1503, Art. 21 and 22): a non-sophisticated investor
 * must acknowledge a risk warning above a threshold and may revoke an order within the reflection period; a
 * sophisticated one neither.
 */
public enum InvestorClassification {
    /** The default: risk warning above the threshold, orders revocable within the reflection period. */
    NON_SOPHISTICATED,
    /** No risk warning, no reflection period: orders are never revocable. */
    SOPHISTICATED;

    /** Whether this investor's orders get a reflection period and the risk warning. */
    public boolean isProtected() {
        return this == NON_SOPHISTICATED;
    }
}
