package io.crowdrecon.recon.payment.moneyout;

/**
 * {@code AVAILABLE → EXECUTED} (finalization) {@code | REVERSED} (refund or recall);
 * {@code AVAILABLE ⇄ HELD} (chargeback).
 */
public enum MoneyoutStatus {
    AVAILABLE,
    EXECUTED,
    REVERSED,
    HELD
}
