package io.crowdrecon.recon.payment.refund;

import io.crowdrecon.recon.payment.PaymentChannel;
import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.RefundId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order's money going back to whoever paid it: the moneyin's payer IBAN, or its card's
 * pspReference. Its status is its current instruction's (a re-issue makes a new one current).
 */
public record Refund(
        RefundId refundId,
        OrderId orderId,
        PortalId portalId,
        CampaignId campaignId,
        MoneyinId moneyinId,
        BigDecimal amount,
        String currency,
        PaymentChannel channel,
        @Nullable String iban,
        @Nullable String pspReference,
        InstructionId instructionId,
        String reason,
        Instant createdAt) {

    public Refund {
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
