package io.crowdrecon.recon.payment.moneyout;

/**
 * {@code AVAILABLE → EXECUTED} (finalization) {@code | REVERSED} (refund or recall);
 * {@code AVAILABLE ⇄ HELD} (chargeback, credit missing from the statement, compliance hold). A moneyout moves only along a row of {@link MoneyoutTransitions}.
 */
public enum MoneyoutStatus {
    AVAILABLE,
    EXECUTED,
    REVERSED,
    HELD
}
