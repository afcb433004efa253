package io.crowdrecon.recon.payment.moneyout;

/** Who a moneyout is for: the company ({@code orderAmount}) or the portal ({@code feeAmount}). */
public enum MoneyoutType {
    COMPANY,
    FEE
}
