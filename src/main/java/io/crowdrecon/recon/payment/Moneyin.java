package io.crowdrecon.recon.payment;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.MoneyinId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money received for an order: exactly its {@code totalAmount}. Refunds go back to this payer
 * ({@code payerIban} or {@code pspReference}), never to the investor account the portal declared.
 * At most one moneyin per order is not {@code RECALLED} (a database constraint).
 */
public record Moneyin(
        MoneyinId moneyinId,
        String orderId,
        String portalId,
        String campaignId,
        String notificationId,
        BigDecimal amount,
        String currency,
        PaymentChannel channel,
        String payerIban,
        String payerName,
        String pspReference,
        MoneyinStatus status,
        Instant createdAt,
        Instant recalledAt) {

    public Moneyin {
        amount = Amounts.inMinorDigits(amount, currency);
    }
}
