package io.crowdrecon.recon.payment;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Money received for an order: exactly its {@code totalAmount}. Refunds go back to this payer
 * ({@code payerIban} or {@code pspReference}), never to the investor account the portal declared.
 * At most one moneyin per order is not {@code RECALLED} (a database constraint).
 */
public record Moneyin(
        MoneyinId moneyinId,
        OrderId orderId,
        PortalId portalId,
        CampaignId campaignId,
        String notificationId,
        BigDecimal amount,
        String currency,
        PaymentChannel channel,
        @Nullable String payerIban,
        @Nullable String payerName,
        @Nullable String pspReference,
        MoneyinStatus status,
        Instant createdAt,
        @Nullable Instant recalledAt) {

    public Moneyin {
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
