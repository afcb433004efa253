package io.crowdrecon.recon.payment.moneyout;

import io.crowdrecon.recon.shared.Amounts;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.shared.Transition;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Money owed out of a moneyin: to the company (COMPANY) or the portal (FEE). The moneyouts of a
 * moneyin add up to it exactly.
 *
 * @param splitOf the moneyout this one replaced when its order was split, or null
 */
public record Moneyout(
        MoneyoutId moneyoutId,
        OrderId orderId,
        MoneyinId moneyinId,
        PortalId portalId,
        CampaignId campaignId,
        CompanyId companyId,
        MoneyoutType type,
        MoneyoutStatus status,
        BigDecimal amount,
        String currency,
        @Nullable MoneyoutId splitOf,
        Instant createdAt,
        @Nullable Instant executedAt) {

    public Moneyout {
        amount = Amounts.inMinorDigits(amount, currency);
    }

    /** {@code amount} in {@code currency}. */
    public Money money() {
        return Money.of(amount, currency);
    }

    /** What a cashout may still take from this moneyout: all of it while AVAILABLE, nothing otherwise. */
    public BigDecimal cashoutAvailableAmount() {
        return status == MoneyoutStatus.AVAILABLE ? amount : Amounts.zero(currency);
    }

    /**
     * This moneyout moved along {@code row} of {@link MoneyoutTransitions} at {@code at} (its executed time when the
     * row executes it), as the store moves it.
     *
     * @throws DomainException {@code ILLEGAL_TRANSITION} when its status is not one the row moves from
     */
    public Moneyout moved(Transition<MoneyoutStatus, MoneyoutTrigger> row, Instant at) {
        if (!row.from().contains(status)) {
            throw DomainException.refusedMove("Moneyout", moneyoutId.value(), status, row.trigger());
        }
        return new Moneyout(
                moneyoutId,
                orderId,
                moneyinId,
                portalId,
                campaignId,
                companyId,
                type,
                row.to(),
                amount,
                currency,
                splitOf,
                createdAt,
                row.to() == MoneyoutStatus.EXECUTED ? at : executedAt);
    }
}
