package io.crowdrecon.recon.payment.refund;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.shared.Amounts;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order's money going back to whoever paid it: the moneyin's payer IBAN, or its card's
 * pspReference. Its status is its current instruction's (a re-issue makes a new one current).
 */
public record Refund(
        String refundId,
        String orderId,
        String portalId,
        String campaignId,
        String moneyinId,
        BigDecimal amount,
        String currency,
        PaymentChannel channel,
        String iban,
        String pspReference,
        String instructionId,
        String reason,
        Instant createdAt) {

    public Refund {
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
