package io.crowdrecon.recon.campaign;

import java.math.BigDecimal;

/**
 * What the portal earns when a campaign succeeds: a fixed amount (EUR) plus a percentage of the
 * executed company amount, in percent points (2 means 2 %, 0.15 means 0.15 %).
 */
public record SuccessFee(BigDecimal fixedAmount, BigDecimal variableAmountPercentage) {

    public static final SuccessFee NONE = new SuccessFee(BigDecimal.ZERO, BigDecimal.ZERO);
}
