package io.crowdrecon.recon.matching;

import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the matcher needs to know about an order, as loaded just before deciding.
 *
 * @param orderId never null
 * @param portalId the portal owning the order; never null
 * @param status the order's current status; never null
 * @param totalAmount what the investor must pay, in the major unit of {@code currency}; never null
 * @param currency ISO 4217 code (EUR in v1); never null
 * @param channel how the investor was expected to pay; never null
 * @param investorIban {@code investorAccount.iban} as stored (electronic format); null when the order has none
 * @param holderName {@code investorAccount.holderName}, nullable
 * @param holderSurname {@code investorAccount.holderSurname}, nullable
 * @param holderBusinessName {@code investorAccount.holderBusinessName}, nullable
 * @param paymentWindowEndsAt when the order's payment window ends; null when it has none
 */
public record OrderSnapshot(
        OrderId orderId,
        PortalId portalId,
        OrderStatus status,
        BigDecimal totalAmount,
        String currency,
        OrderChannel channel,
        @Nullable String investorIban,
        @Nullable String holderName,
        @Nullable String holderSurname,
        @Nullable String holderBusinessName,
        @Nullable Instant paymentWindowEndsAt) {

    public OrderSnapshot {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(portalId, "portalId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(totalAmount, "totalAmount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(channel, "channel");
    }

    /** What the investor must pay: {@code totalAmount} in {@code currency}. */
    public Money total() {
        return Money.of(totalAmount, currency);
    }
}
