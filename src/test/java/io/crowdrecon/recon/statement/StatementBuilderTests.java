package io.crowdrecon.recon.statement;

import static io.crowdrecon.recon.statement.Facts.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.statement.InvestorStatement.OrderStatement;
import io.crowdrecon.recon.statement.InvestorStatement.StatementLine;
import io.crowdrecon.recon.statement.InvestorStatement.Totals;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatementBuilderTests {

    private static final InvestorId INVESTOR = InvestorId.of("IN1111111111111111");

    /** case, facts of one order, then its paid, refunded, executed and pending. */
    static Stream<Arguments> orders() {
        return Stream.of(
                arguments("not paid", new Facts().order(1, "100", "5", "CREATED"), "0", "0", "0", "0"),
                arguments(
                        "payment only: all pending",
                        new Facts().order(1, "100", "5", "ACCOUNTED").paid(1, "105", 1),
                        "105",
                        "0",
                        "0",
                        "105"),
                arguments(
                        "refund executed",
                        new Facts()
                                .order(1, "100", "5", "REFUNDED")
                                .paid(1, "105", 1)
                                .refund(1, "105", "EXECUTED", 3),
                        "105",
                        "105",
                        "0",
                        "0"),
                arguments(
                        "refund on its way: still pending",
                        new Facts()
                                .order(1, "100", "5", "REFUNDED")
                                .paid(1, "105", 1)
                                .refund(1, "105", "SENT", 3),
                        "105",
                        "0",
                        "0",
                        "105"),
                arguments(
                        "recalled by the bank: not paid",
                        new Facts().order(1, "100", "5", "CREATED").recalled(1, "105", 1, 2),
                        "0",
                        "0",
                        "0",
                        "0"),
                arguments(
                        "chargeback: back with the investor",
                        new Facts()
                                .order(1, "100", "5", "REFUNDED")
                                .paid(1, "105", 1)
                                .chargeback(1, "105", 2),
                        "105",
                        "105",
                        "0",
                        "0"),
                arguments(
                        "executed in full",
                        new Facts()
                                .order(1, "100", "5", "SPLITTED")
                                .paid(1, "105", 1)
                                .executed(1, "COMPANY", "100", 4)
                                .executed(1, "FEE", "5", 4),
                        "105",
                        "0",
                        "105",
                        "0"),
                arguments(
                        "split: part executed, the rest refunded",
                        new Facts()
                                .order(1, "100", "5", "SPLITTED")
                                .paid(1, "105", 1)
                                .executed(1, "COMPANY", "60", 4)
                                .executed(1, "FEE", "3", 4)
                                .refund(1, "42", "EXECUTED", 5),
                        "105",
                        "42",
                        "63",
                        "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void saysWhatWasPaidRefundedExecutedAndIsPending(
            String name, Facts facts, String paid, String refunded, String executed, String pending) {
        InvestorStatement statement = StatementBuilder.build(INVESTOR, null, null, facts.build());

        OrderStatement order = statement.orders().get(0);
        assertThat(order.paid()).isEqualTo(eur(paid));
        assertThat(order.refunded()).isEqualTo(eur(refunded));
        assertThat(order.executedTotal()).isEqualTo(eur(executed));
        assertThat(order.pending()).isEqualTo(eur(pending));
        assertThat(statement.totals())
                .containsExactly(new Totals("EUR", eur(paid), eur(refunded), eur(executed), eur(pending)));
    }

    @Test
    void totalsAddTheOrdersOfACurrency() {
        MoneyFacts facts = new Facts()
                .order(1, "100", "5", "SPLITTED")
                .order(2, "200", "10", "REFUNDED")
                .paid(1, "105", 1)
                .paid(2, "210", 2)
                .executed(1, "COMPANY", "100", 4)
                .executed(1, "FEE", "5", 4)
                .refund(2, "210", "EXECUTED", 5)
                .build();

        InvestorStatement statement = StatementBuilder.build(INVESTOR, null, null, facts);

        assertThat(statement.orders()).hasSize(2);
        assertThat(statement.totals()).containsExactly(new Totals("EUR", eur("315"), eur("210"), eur("105"), eur("0")));
    }

    @Test
    void listsEachMoneyEventOfAnOrderByTime() {
        MoneyFacts facts = new Facts()
                .order(1, "100", "5", "SPLITTED")
                .paid(1, "105", 1)
                .refund(1, "42", "EXECUTED", 5)
                .executed(1, "COMPANY", "60", 4)
                .executed(1, "FEE", "3", 4)
                .build();

        List<StatementLine> lines =
                StatementBuilder.build(INVESTOR, null, null, facts).lines();

        assertThat(lines)
                .extracting(l -> l.type() + " " + l.amount().amount().toPlainString() + " " + l.status())
                .containsExactly(
                        "PAYMENT 105.00 RECEIVED",
                        "EXECUTED_COMPANY 60.00 EXECUTED",
                        "EXECUTED_FEE 3.00 EXECUTED",
                        "REFUND 42.00 EXECUTED");
        assertThat(lines.get(0).payerAccount()).isEqualTo("IT60X0542811101000000123456");
    }
}
