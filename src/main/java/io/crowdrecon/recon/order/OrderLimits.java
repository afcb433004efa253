package io.crowdrecon.recon.order;

import static io.crowdrecon.recon.order.OrderStatus.ACCOUNTED;
import static io.crowdrecon.recon.order.OrderStatus.CREATED;
import static io.crowdrecon.recon.order.OrderStatus.INCORRECT_AMOUNT;
import static io.crowdrecon.recon.order.OrderStatus.SPLITTED;
import static io.crowdrecon.recon.order.OrderStatus.WAITING;

import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.TicketRules;
import io.crowdrecon.recon.investor.InvestorClassification;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a new order keeps within its campaign's {@link TicketRules} and, for a non-sophisticated investor, within
 * the risk-warning threshold of Regulation (EU) 2020/1503 Art. 21 (issue 23, item 2). Pure: the caller loads the facts
 * under the investor's lock. Amounts are {@code orderAmount}s in EUR.
 *
 * <p>Checks, first refusal wins: {@code minTicket}, {@code maxTicket}, {@code ticketIncrement}, {@code maxPerInvestor},
 * then the risk warning.
 */
public final class OrderLimits {

    /** The orders that count towards the limits: not failed, cancelled, expired, refunded or revoked. */
    public static final Set<OrderStatus> LIVE = EnumSet.of(CREATED, WAITING, INCORRECT_AMOUNT, ACCOUNTED, SPLITTED);

    /** The campaigns whose orders count towards the risk threshold: not yet ended (nor not yet opened). */
    public static final Set<CampaignStatus> RUNNING = EnumSet.of(CampaignStatus.OPEN, CampaignStatus.CLOSED);

    /** The least risk-warning threshold, EUR. */
    public static final BigDecimal MINIMUM_THRESHOLD = new BigDecimal("1000.00");

    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");
    private static final String EUR = "EUR";

    /**
     * What the decision needs to know.
     *
     * @param investedInCampaign Σ orderAmount of the investor's {@link #LIVE} orders in this campaign, the new one
     *     excluded
     * @param investedInRunningCampaigns Σ orderAmount of the investor's {@link #LIVE} orders in {@link #RUNNING}
     *     campaigns (this one included), the new one excluded
     */
    public record Facts(
            InvestorClassification classification,
            @Nullable BigDecimal netWorth,
            TicketRules ticketRules,
            BigDecimal orderAmount,
            boolean riskWarningAcknowledged,
            BigDecimal investedInCampaign,
            BigDecimal investedInRunningCampaigns) {}

    private OrderLimits() {}

    /** The refusal of the first rule the order breaks; empty when it may be created. */
    public static Optional<DomainException> refusal(Facts facts) {
        TicketRules rules = facts.ticketRules();
        BigDecimal amount = facts.orderAmount();
        BigDecimal min = rules.minTicket();
        if (min != null && amount.compareTo(min) < 0) {
            return refused(ErrorCode.TICKET_BELOW_MINIMUM, "orderAmount " + amount + " is below minTicket " + min, min);
        }
        BigDecimal max = rules.maxTicket();
        if (max != null && amount.compareTo(max) > 0) {
            return refused(ErrorCode.TICKET_ABOVE_MAXIMUM, "orderAmount " + amount + " is above maxTicket " + max, max);
        }
        BigDecimal increment = rules.ticketIncrement();
        if (increment != null
                && amount.subtract(min == null ? BigDecimal.ZERO : min)
                                .remainder(increment)
                                .signum()
                        != 0) {
            return refused(
                    ErrorCode.TICKET_INCREMENT_NOT_MET,
                    "orderAmount " + amount + " is not " + (min == null ? "" : "minTicket " + min + " plus ")
                            + "a multiple of ticketIncrement " + increment,
                    increment);
        }
        BigDecimal perInvestor = rules.maxPerInvestor();
        BigDecimal inCampaign = cents(facts.investedInCampaign().add(amount));
        if (perInvestor != null && inCampaign.compareTo(perInvestor) > 0) {
            return refused(
                            ErrorCode.MAX_PER_INVESTOR_EXCEEDED,
                            "The investor's orders in this campaign would add up to " + inCampaign
                                    + ", above maxPerInvestor " + perInvestor,
                            perInvestor)
                    .map(e -> e.with("investedAmount", inCampaign));
        }
        return riskWarning(facts);
    }

    /** The risk-warning threshold: the higher of 1,000.00 and 5 % of the net worth (cents, rounded down). */
    public static BigDecimal threshold(@Nullable BigDecimal netWorth) {
        if (netWorth == null) {
            return MINIMUM_THRESHOLD;
        }
        // Rounding down loses nothing: a cent amount is above the exact 5 % exactly when it is above this one.
        BigDecimal fivePercent = netWorth.multiply(FIVE_PERCENT).setScale(2, RoundingMode.DOWN);
        return fivePercent.max(MINIMUM_THRESHOLD);
    }

    private static Optional<DomainException> riskWarning(Facts facts) {
        if (!facts.classification().isProtected() || facts.riskWarningAcknowledged()) {
            return Optional.empty();
        }
        BigDecimal invested = cents(facts.investedInRunningCampaigns().add(facts.orderAmount()));
        BigDecimal threshold = threshold(facts.netWorth());
        if (invested.compareTo(threshold) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new DomainException(
                        ErrorCode.RISK_WARNING_REQUIRED,
                        "The investor's orders in running campaigns would add up to " + invested
                                + " EUR, above the risk-warning threshold of " + threshold
                                + " EUR: the order needs \"riskWarningAcknowledged\": true")
                .with("threshold", threshold)
                .with("investedAmount", invested)
                .with("currency", EUR));
    }

    /** An amount as the problem document shows it: EUR with 2 decimals (amounts never have more). */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static Optional<DomainException> refused(ErrorCode code, String detail, BigDecimal limit) {
        return Optional.of(
                new DomainException(code, detail).with("limit", limit).with("currency", EUR));
    }
}
