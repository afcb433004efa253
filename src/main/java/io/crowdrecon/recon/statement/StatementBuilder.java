package io.crowdrecon.recon.statement;

import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.statement.InvestorStatement.OrderStatement;
import io.crowdrecon.recon.statement.InvestorStatement.StatementLine;
import io.crowdrecon.recon.statement.InvestorStatement.Totals;
import io.crowdrecon.recon.statement.MoneyFacts.Chargeback;
import io.crowdrecon.recon.statement.MoneyFacts.ExecutedPart;
import io.crowdrecon.recon.statement.MoneyFacts.OrderFact;
import io.crowdrecon.recon.statement.MoneyFacts.Payment;
import io.crowdrecon.recon.statement.MoneyFacts.Refund;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Builds an investor's statement from the facts of their orders: pure, in {@link Money} (one currency per order), so
 * that the totals add up to the books the audit checks.
 */
public final class StatementBuilder {

    private StatementBuilder() {}

    /** The statement of {@code facts.orders()}, in the order given (the loader lists them oldest first). */
    public static InvestorStatement build(
            InvestorId investorId, @Nullable LocalDate from, @Nullable LocalDate to, MoneyFacts facts) {
        List<OrderStatement> orders =
                facts.orders().stream().map(order -> ofOrder(order, facts)).toList();
        List<StatementLine> lines =
                orders.stream().flatMap(order -> lines(order).stream()).toList();
        return new InvestorStatement(investorId, from, to, orders, totals(orders), lines);
    }

    static OrderStatement ofOrder(OrderFact order, MoneyFacts facts) {
        String currency = order.totalAmount().currency();
        List<Payment> payments = of(order, facts.payments(), Payment::orderId);
        List<Refund> refunds = of(order, facts.refunds(), Refund::orderId);
        List<ExecutedPart> executed = of(order, facts.executed(), ExecutedPart::orderId);
        List<Chargeback> chargebacks = of(order, facts.chargebacks(), Chargeback::orderId);
        Money paid = payments.stream()
                .filter(p -> !p.recalled())
                .map(Payment::amount)
                .collect(Money.sum(currency));
        // A refund counts once its instruction executed; until then its money is still held, so pending.
        Money refunded = refunds.stream()
                .filter(Refund::executed)
                .map(Refund::amount)
                .collect(Money.sum(currency))
                .plus(chargebacks.stream().map(Chargeback::amount).collect(Money.sum(currency)));
        Money executedTotal = executed.stream().map(ExecutedPart::amount).collect(Money.sum(currency));
        Money pending = paid.minus(refunded).minus(executedTotal);
        return new OrderStatement(
                order, payments, refunds, executed, chargebacks, paid, refunded, executedTotal, pending);
    }

    private static <T> List<T> of(OrderFact order, List<T> facts, Function<T, OrderId> orderOf) {
        return facts.stream()
                .filter(f -> orderOf.apply(f).equals(order.orderId()))
                .toList();
    }

    static List<Totals> totals(List<OrderStatement> orders) {
        Map<String, List<OrderStatement>> byCurrency = orders.stream()
                .collect(Collectors.groupingBy(
                        o -> o.order().totalAmount().currency(), TreeMap::new, Collectors.toList()));
        List<Totals> totals = new ArrayList<>();
        byCurrency.forEach((currency, inCurrency) -> totals.add(new Totals(
                currency,
                sum(inCurrency, OrderStatement::paid, currency),
                sum(inCurrency, OrderStatement::refunded, currency),
                sum(inCurrency, OrderStatement::executedTotal, currency),
                sum(inCurrency, OrderStatement::pending, currency))));
        return totals;
    }

    private static Money sum(List<OrderStatement> orders, Function<OrderStatement, Money> amount, String currency) {
        return orders.stream().map(amount).collect(Money.sum(currency));
    }

    /** One line per money event of the order, by time (ties keep the order: payment, recall, refund, ...). */
    static List<StatementLine> lines(OrderStatement statement) {
        OrderFact order = statement.order();
        List<StatementLine> lines = new ArrayList<>();
        for (Payment p : statement.payments()) {
            String account = p.payerIban() != null ? p.payerIban() : p.pspReference();
            lines.add(new StatementLine(
                    p.receivedAt(),
                    order,
                    "PAYMENT",
                    p.amount(),
                    p.status(),
                    p.moneyinId().value(),
                    p.channel().wireName(),
                    p.payerName(),
                    account));
            if (p.recalled() && p.recalledAt() != null) {
                lines.add(new StatementLine(
                        p.recalledAt(),
                        order,
                        "RECALL",
                        p.amount(),
                        p.status(),
                        p.moneyinId().value(),
                        p.channel().wireName(),
                        p.payerName(),
                        account));
            }
        }
        for (Refund r : statement.refunds()) {
            lines.add(new StatementLine(
                    r.executedAt() != null ? r.executedAt() : r.createdAt(),
                    order,
                    "REFUND",
                    r.amount(),
                    r.instructionStatus(),
                    r.instructionId().value(),
                    null,
                    null,
                    null));
        }
        for (Chargeback c : statement.chargebacks()) {
            lines.add(new StatementLine(
                    c.reversedAt(),
                    order,
                    "CHARGEBACK",
                    c.amount(),
                    "REVERSED",
                    c.moneyinId().value(),
                    null,
                    null,
                    null));
        }
        for (ExecutedPart e : statement.executed()) {
            lines.add(new StatementLine(
                    e.executedAt() != null ? e.executedAt() : order.createdAt(),
                    order,
                    "EXECUTED_" + e.type(),
                    e.amount(),
                    "EXECUTED",
                    e.moneyoutId().value(),
                    null,
                    null,
                    null));
        }
        // stable: events at the same instant keep the order they were added in
        lines.sort(Comparator.comparing(StatementLine::at));
        return lines;
    }
}
