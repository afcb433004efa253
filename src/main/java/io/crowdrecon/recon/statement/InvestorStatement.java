package io.crowdrecon.recon.statement;

import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.statement.MoneyFacts.Chargeback;
import io.crowdrecon.recon.statement.MoneyFacts.ExecutedPart;
import io.crowdrecon.recon.statement.MoneyFacts.OrderFact;
import io.crowdrecon.recon.statement.MoneyFacts.Payment;
import io.crowdrecon.recon.statement.MoneyFacts.Refund;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An investor's statement: their orders created in {@code [from, to]} (either open), each with its money, and the
 * totals per currency. Built by {@link StatementBuilder}.
 */
public record InvestorStatement(
        InvestorId investorId,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<OrderStatement> orders,
        List<Totals> totals,
        List<StatementLine> lines) {

    /**
     * One order and its money.
     *
     * @param paid what was received and not recalled
     * @param refunded refunds whose instruction was EXECUTED, and chargebacks: the money is back with the investor
     * @param executedTotal the COMPANY and FEE parts EXECUTED into shares
     * @param pending {@code paid − refunded − executedTotal}: still held (a refund on its way included)
     */
    public record OrderStatement(
            OrderFact order,
            List<Payment> payments,
            List<Refund> refunds,
            List<ExecutedPart> executed,
            List<Chargeback> chargebacks,
            Money paid,
            Money refunded,
            Money executedTotal,
            Money pending) {}

    /** The sums of the orders in one currency; {@code pending = paid − refunded − executed}. */
    public record Totals(String currency, Money paid, Money refunded, Money executed, Money pending) {}

    /**
     * One money event of an order, for the CSV: amounts unsigned, {@code type} says the direction.
     *
     * @param type PAYMENT, RECALL, REFUND, CHARGEBACK, EXECUTED_COMPANY or EXECUTED_FEE
     * @param status the moneyin's status (PAYMENT, RECALL), the instruction's (REFUND), EXECUTED or REVERSED otherwise
     * @param reference the moneyin id, the refund's instruction id or the moneyout id
     */
    public record StatementLine(
            Instant at,
            OrderFact order,
            String type,
            Money amount,
            String status,
            String reference,
            @Nullable String channel,
            @Nullable String payerName,
            @Nullable String payerAccount) {}
}
