package io.crowdrecon.recon.unidentified;

/**
 * Created {@code RETURN_REQUESTED} with its return instruction ({@code RECEIVED} while the return
 * is ON_HOLD for want of a payer IBAN) → {@code RETURNED} | {@code RETURN_FAILED} (→
 * {@code RETURN_REQUESTED} again when ops re-issue the return). A transfer moves only along a row of
 * {@link UnidentifiedTransitions}.
 */
public enum UnidentifiedStatus {
    RECEIVED,
    RETURN_REQUESTED,
    RETURNED,
    RETURN_FAILED
}
