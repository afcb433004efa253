package io.crowdrecon.recon.campaign;

import io.crowdrecon.recon.shared.Validation;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's limits on its orders' {@code orderAmount} (EUR), each optional: at least {@code minTicket}, at most
 * {@code maxTicket}, {@code minTicket} (or 0) plus a multiple of {@code ticketIncrement}, and at most
 * {@code maxPerInvestor} across one investor's live orders in the campaign. Checked at order creation only.
 */
public record TicketRules(
        @Nullable BigDecimal minTicket,
        @Nullable BigDecimal maxTicket,
        @Nullable BigDecimal ticketIncrement,
        @Nullable BigDecimal maxPerInvestor) {

    /** No limits. */
    public static final TicketRules NONE = new TicketRules(null, null, null, null);

    /** In cents (2 decimals), however they were given. */
    public TicketRules {
        minTicket = cents(minTicket);
        maxTicket = cents(maxTicket);
        ticketIncrement = cents(ticketIncrement);
        maxPerInvestor = cents(maxPerInvestor);
    }

    /**
     * Each rule, when given, is an amount &gt; 0 with at most 2 decimals, and {@code minTicket ≤ maxTicket}; a bad one
     * is added to {@code v} (VALIDATION_FAILED) and left out of the answer.
     */
    static TicketRules validate(
            Validation v,
            @Nullable BigDecimal minTicket,
            @Nullable BigDecimal maxTicket,
            @Nullable BigDecimal ticketIncrement,
            @Nullable BigDecimal maxPerInvestor) {
        BigDecimal min = v.positiveAmount("minTicket", minTicket, false);
        BigDecimal max = v.positiveAmount("maxTicket", maxTicket, false);
        if (min != null && max != null && min.compareTo(max) > 0) {
            v.add("maxTicket", "must not be less than minTicket");
        }
        return new TicketRules(
                min,
                max,
                v.positiveAmount("ticketIncrement", ticketIncrement, false),
                v.positiveAmount("maxPerInvestor", maxPerInvestor, false));
    }

    private static @Nullable BigDecimal cents(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
