package io.crowdrecon.recon.hold;

/** What may end a compliance hold: each trigger of {@link HoldTransitions}. */
public enum HoldTrigger {
    /** Ops find nothing against the money ({@code PUT /ops/holds/{id}/released}): it may reach the company. */
    RELEASE,
    /** Ops refuse the money ({@code PUT /ops/holds/{id}/refused}): it goes back to its payers. */
    REFUSE
}
