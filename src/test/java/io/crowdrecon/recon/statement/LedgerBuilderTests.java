package io.crowdrecon.recon.statement;

import static io.crowdrecon.recon.statement.Facts.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.crowdrecon.recon.shared.Money;
import io.crowdrecon.recon.statement.CampaignLedger.Line;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerBuilderTests {

    /** case, facts, the lines as "TYPE amount balance" in booking order, the closing balance. */
    static Stream<Arguments> ledgers() {
        return Stream.of(
                arguments(
                        "payment only",
                        new Facts().order(1, "1000", "100", "ACCOUNTED").paid(1, "1100", 1),
                        List.of("MONEYIN 1100.00 1100.00"),
                        "1100.00"),
                arguments(
                        "payment then refund executed",
                        new Facts()
                                .order(1, "1000", "100", "REFUNDED")
                                .paid(1, "1100", 1)
                                .refund(1, "1100", "EXECUTED", 5),
                        List.of("MONEYIN 1100.00 1100.00", "REFUND -1100.00 0.00"),
                        "0.00"),
                arguments(
                        "refund pending: still held, no line until the bank executes it",
                        new Facts()
                                .order(1, "1000", "100", "REFUNDED")
                                .paid(1, "1100", 1)
                                .refund(1, "1100", "SENT", 5),
                        List.of("MONEYIN 1100.00 1100.00"),
                        "1100.00"),
                arguments(
                        "recall",
                        new Facts().order(1, "500", "0", "CREATED").recalled(1, "500", 1, 9),
                        List.of("MONEYIN 500.00 500.00", "RECALL -500.00 0.00"),
                        "0.00"),
                arguments(
                        // The bank took back money already paid out to the company: the escrow is short by it, which
                        // the RECALL_AFTER_PAYOUT review item is about. The ledger shows the shortfall, not zero.
                        "recall after payout goes below zero",
                        new Facts()
                                .order(1, "1000", "0", "ACCOUNTED")
                                .recalled(1, "1000", 1, 30)
                                .executed(1, "COMPANY", "1000", 10)
                                .payout("CASHOUT", "1000", "0", "EXECUTED", 20),
                        List.of("MONEYIN 1000.00 1000.00", "CASHOUT -1000.00 0.00", "RECALL -1000.00 -1000.00"),
                        "-1000.00"),
                arguments(
                        "chargeback reversed by ops",
                        new Facts()
                                .order(1, "200", "0", "REFUNDED")
                                .paid(1, "200", 1)
                                .chargeback(1, "200", 3),
                        List.of("MONEYIN 200.00 200.00", "CHARGEBACK -200.00 0.00"),
                        "0.00"),
                arguments(
                        // order 1 executed in full, order 2 split 1099+55 executed / 101+5 refunded, success fee 41.49:
                        // cashout 1000 + 1099 − 41.49, fee payout 100 + 55 + 41.49
                        "split finalization with cashout and fee payout executed ends at zero",
                        new Facts()
                                .order(1, "1000", "100", "SPLITTED")
                                .order(2, "1200", "60", "SPLITTED")
                                .paid(1, "1100", 1)
                                .paid(2, "1260", 2)
                                .executed(1, "COMPANY", "1000", 10)
                                .executed(1, "FEE", "100", 10)
                                .executed(2, "COMPANY", "1099", 10)
                                .executed(2, "FEE", "55", 10)
                                .refund(2, "106", "EXECUTED", 11)
                                .payout("CASHOUT", "2057.51", "0", "EXECUTED", 20)
                                .payout("FEE_PAYOUT", "196.49", "41.49", "EXECUTED", 21),
                        List.of(
                                "MONEYIN 1100.00 1100.00",
                                "MONEYIN 1260.00 2360.00",
                                "REFUND -106.00 2254.00",
                                "CASHOUT -2057.51 196.49",
                                "FEE_PAYOUT -155.00 41.49",
                                "SUCCESS_FEE -41.49 0.00"),
                        "0.00"),
                arguments(
                        "cashout pending: the balance is the cashout amount",
                        new Facts()
                                .order(1, "1000", "100", "ACCOUNTED")
                                .paid(1, "1100", 1)
                                .executed(1, "COMPANY", "1000", 10)
                                .executed(1, "FEE", "100", 10)
                                .payout("CASHOUT", "1000", "0", "AWAITING_APPROVAL", 20)
                                .payout("FEE_PAYOUT", "100", "0", "EXECUTED", 21),
                        List.of("MONEYIN 1100.00 1100.00", "FEE_PAYOUT -100.00 1000.00"),
                        "1000.00"),
                arguments(
                        "a fee payout of the success fee alone is one SUCCESS_FEE line",
                        new Facts()
                                .order(1, "1000", "0", "ACCOUNTED")
                                .paid(1, "1000", 1)
                                .executed(1, "COMPANY", "1000", 10)
                                .payout("CASHOUT", "990", "0", "EXECUTED", 20)
                                .payout("FEE_PAYOUT", "10", "10", "EXECUTED", 21),
                        List.of("MONEYIN 1000.00 1000.00", "CASHOUT -990.00 10.00", "SUCCESS_FEE -10.00 0.00"),
                        "0.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void runsTheBalanceOfWhatIsHeldForTheCampaign(String name, Facts facts, List<String> lines, String closing) {
        CampaignLedger ledger = LedgerBuilder.build(Facts.CAMPAIGN, "EUR", facts.build());

        assertThat(ledger.lines()).extracting(LedgerBuilderTests::describe).containsExactlyElementsOf(lines);
        assertThat(ledger.balances()).containsExactly(eur(closing));
    }

    @Test
    void aCampaignWithoutMoneyShowsAZeroBalanceInItsCurrency() {
        CampaignLedger ledger = LedgerBuilder.build(Facts.CAMPAIGN, "EUR", new Facts().build());

        assertThat(ledger.lines()).isEmpty();
        assertThat(ledger.balances()).containsExactly(Money.zero("EUR"));
    }

    @Test
    void eventsAtTheSameInstantAreBookedByTheirId() {
        MoneyFacts facts = new Facts()
                .order(2, "10", "0", "ACCOUNTED")
                .order(1, "20", "0", "ACCOUNTED")
                .paid(2, "10", 1)
                .paid(1, "20", 1)
                .build();

        CampaignLedger ledger = LedgerBuilder.build(Facts.CAMPAIGN, "EUR", facts);

        assertThat(ledger.lines()).extracting(Line::moneyinId).containsExactly(Facts.moneyin(1), Facts.moneyin(2));
    }

    private static String describe(Line line) {
        return line.type() + " " + line.amount().amount().toPlainString() + " "
                + line.balance().amount().toPlainString();
    }
}
