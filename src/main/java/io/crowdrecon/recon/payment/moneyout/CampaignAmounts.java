package io.crowdrecon.recon.payment.moneyout;

import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.OrderId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where a campaign's money stands, in its currency (issue 23, item 6), summed in plain Java from its standing
 * moneyouts:
 *
 * <ul>
 *   <li>{@code collected}: the company's money that counts, not held and not given back (AVAILABLE and EXECUTED
 *       COMPANY moneyouts);
 *   <li>{@code collectedTotal}: the same money as the investors paid it, fees included (COMPANY and FEE);
 *   <li>{@code cleared}: the part of {@code collected} the bank can no longer recall (executed money counts as
 *       cleared: it was cleared when it was executed, or executed before clearing was checked);
 *   <li>{@code held}: COMPANY moneyouts HELD (a compliance hold, a chargeback, a credit missing from the statement):
 *       it counts in neither {@code collected} nor the targets;
 *   <li>{@code inReflectionPeriod}: the part of {@code collected} its investors may still revoke;
 *   <li>{@code refundable}: what could still go back to the investors, fees included (AVAILABLE and HELD);
 *   <li>{@code executed}, {@code refunded}: COMPANY moneyouts EXECUTED and REVERSED.
 * </ul>
 */
public record CampaignAmounts(
        Money collected,
        Money collectedTotal,
        Money cleared,
        Money held,
        Money inReflectionPeriod,
        Money refundable,
        Money executed,
        Money refunded) {

    public static CampaignAmounts zero(String currency) {
        Money zero = Money.zero(currency);
        return new CampaignAmounts(zero, zero, zero, zero, zero, zero, zero, zero);
    }

    /**
     * These amounts with {@code moneyout} added.
     *
     * @param clearsAt when each order's live moneyin clears
     * @param reflectionEndsAt when each order's reflection period ends (absent: not revocable)
     */
    public CampaignAmounts plus(
            Moneyout moneyout, Map<OrderId, Instant> clearsAt, Map<OrderId, Instant> reflectionEndsAt, Instant now) {
        Money amount = moneyout.money();
        Money none = Money.zero(amount.currency());
        boolean company = moneyout.type() == MoneyoutType.COMPANY;
        boolean counts = moneyout.status() == MoneyoutStatus.AVAILABLE || moneyout.status() == MoneyoutStatus.EXECUTED;
        boolean standing = moneyout.status() == MoneyoutStatus.AVAILABLE || moneyout.status() == MoneyoutStatus.HELD;
        Instant clears = clearsAt.get(moneyout.orderId());
        boolean isCleared = moneyout.status() == MoneyoutStatus.EXECUTED || clears == null || !clears.isAfter(now);
        Instant reflectionEnds = reflectionEndsAt.get(moneyout.orderId());
        boolean revocable =
                moneyout.status() == MoneyoutStatus.AVAILABLE && reflectionEnds != null && reflectionEnds.isAfter(now);
        return new CampaignAmounts(
                collected.plus(company && counts ? amount : none),
                collectedTotal.plus(counts ? amount : none),
                cleared.plus(company && counts && isCleared ? amount : none),
                held.plus(company && moneyout.status() == MoneyoutStatus.HELD ? amount : none),
                inReflectionPeriod.plus(company && revocable ? amount : none),
                refundable.plus(standing ? amount : none),
                executed.plus(company && moneyout.status() == MoneyoutStatus.EXECUTED ? amount : none),
                refunded.plus(company && moneyout.status() == MoneyoutStatus.REVERSED ? amount : none));
    }

    /** Whether the collected money reaches {@code targetMin}: held money does not count. */
    public boolean reaches(Money targetMin) {
        return !collected.isLessThan(Objects.requireNonNull(targetMin));
    }
}
