package io.crowdrecon.recon.payment;

/** A moneyin is RECEIVED until the bank recalls its credit. */
public enum MoneyinStatus {
    RECEIVED,
    RECALLED
}
