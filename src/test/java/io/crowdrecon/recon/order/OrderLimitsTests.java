package io.crowdrecon.recon.order;

import static io.crowdrecon.recon.investor.InvestorClassification.NON_SOPHISTICATED;
import static io.crowdrecon.recon.investor.InvestorClassification.SOPHISTICATED;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.campaign.TicketRules;
import io.crowdrecon.recon.investor.InvestorClassification;
import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of {@link OrderLimits}, its boundaries, and the order in which the rules are checked. */
class OrderLimitsTests {

    private static final TicketRules NONE = TicketRules.NONE;
    /** min 250, max 5,000, steps of 50 above 250, at most 6,000 per investor. */
    private static final TicketRules RULES = rules("250", "5000", "50", "6000");

    /**
     * One row: the investor, the campaign's rules, the order, what the investor already has in live orders (this
     * campaign; every running campaign), and the refusal expected ("-" for none) with its members.
     */
    static Stream<Arguments> rows() {
        return Stream.of(
                // No rules, a small order: nothing to say.
                row("no rules", NON_SOPHISTICATED, null, NONE, "500", false, "0", "0", "-", Map.of()),
                // Ticket rules.
                row(
                        "below minTicket",
                        SOPHISTICATED,
                        null,
                        RULES,
                        "200",
                        false,
                        "0",
                        "0",
                        "TICKET_BELOW_MINIMUM",
                        Map.of("limit", "250.00")),
                row("exactly minTicket", SOPHISTICATED, null, RULES, "250", false, "0", "0", "-", Map.of()),
                row("exactly maxTicket", SOPHISTICATED, null, RULES, "5000", false, "0", "0", "-", Map.of()),
                row(
                        "above maxTicket",
                        SOPHISTICATED,
                        null,
                        RULES,
                        "5000.01",
                        false,
                        "0",
                        "0",
                        "TICKET_ABOVE_MAXIMUM",
                        Map.of("limit", "5000.00")),
                row("minTicket plus one step", SOPHISTICATED, null, RULES, "300", false, "0", "0", "-", Map.of()),
                row(
                        "off the steps from minTicket",
                        SOPHISTICATED,
                        null,
                        RULES,
                        "275",
                        false,
                        "0",
                        "0",
                        "TICKET_INCREMENT_NOT_MET",
                        Map.of("limit", "50.00")),
                row(
                        "steps from 0 without minTicket",
                        SOPHISTICATED,
                        null,
                        rules(null, null, "100", null),
                        "700",
                        false,
                        "0",
                        "0",
                        "-",
                        Map.of()),
                row(
                        "off the steps from 0",
                        SOPHISTICATED,
                        null,
                        rules(null, null, "100", null),
                        "750",
                        false,
                        "0",
                        "0",
                        "TICKET_INCREMENT_NOT_MET",
                        Map.of("limit", "100.00")),
                row(
                        "cents off the steps",
                        SOPHISTICATED,
                        null,
                        rules(null, null, "0.50", null),
                        "10.25",
                        false,
                        "0",
                        "0",
                        "TICKET_INCREMENT_NOT_MET",
                        Map.of("limit", "0.50")),
                row(
                        "exactly maxPerInvestor with the others",
                        SOPHISTICATED,
                        null,
                        RULES,
                        "1000",
                        false,
                        "5000",
                        "5000",
                        "-",
                        Map.of()),
                row(
                        "above maxPerInvestor with the others",
                        SOPHISTICATED,
                        null,
                        RULES,
                        "1050",
                        false,
                        "5000",
                        "5000",
                        "MAX_PER_INVESTOR_EXCEEDED",
                        Map.of("limit", "6000.00", "investedAmount", "6050.00")),
                // The ticket rules come first, in order: below the minimum and off the steps says the minimum.
                row(
                        "below minTicket and off the steps",
                        SOPHISTICATED,
                        null,
                        RULES,
                        "99",
                        false,
                        "0",
                        "0",
                        "TICKET_BELOW_MINIMUM",
                        Map.of("limit", "250.00")),
                row(
                        "above maxTicket and maxPerInvestor",
                        SOPHISTICATED,
                        null,
                        RULES,
                        "5050",
                        false,
                        "5000",
                        "5000",
                        "TICKET_ABOVE_MAXIMUM",
                        Map.of("limit", "5000.00")),
                row(
                        "off the steps and above maxPerInvestor",
                        SOPHISTICATED,
                        null,
                        RULES,
                        "1025",
                        false,
                        "5500",
                        "5500",
                        "TICKET_INCREMENT_NOT_MET",
                        Map.of("limit", "50.00")),
                row(
                        "maxPerInvestor before the risk warning",
                        NON_SOPHISTICATED,
                        null,
                        RULES,
                        "1050",
                        false,
                        "5000",
                        "5000",
                        "MAX_PER_INVESTOR_EXCEEDED",
                        Map.of("limit", "6000.00")),
                // Risk warning: threshold max(1,000, 5 % of net worth), reached (not passed) is allowed.
                row(
                        "exactly 1,000 with no net worth",
                        NON_SOPHISTICATED,
                        null,
                        NONE,
                        "600",
                        false,
                        "0",
                        "400",
                        "-",
                        Map.of()),
                row(
                        "above 1,000 with no net worth",
                        NON_SOPHISTICATED,
                        null,
                        NONE,
                        "600.01",
                        false,
                        "0",
                        "400",
                        "RISK_WARNING_REQUIRED",
                        Map.of("threshold", "1000.00", "investedAmount", "1000.01", "currency", "EUR")),
                row("acknowledged", NON_SOPHISTICATED, null, NONE, "600.01", true, "0", "400", "-", Map.of()),
                row(
                        "net worth 0: threshold 1,000",
                        NON_SOPHISTICATED,
                        "0",
                        NONE,
                        "1000.01",
                        false,
                        "0",
                        "0",
                        "RISK_WARNING_REQUIRED",
                        Map.of("threshold", "1000.00")),
                row(
                        "5 % of 30,000 is 1,500: exactly",
                        NON_SOPHISTICATED, "30000", NONE, "1500", false, "0", "0", "-", Map.of()),
                row(
                        "5 % of 30,000 is 1,500: above",
                        NON_SOPHISTICATED,
                        "30000",
                        NONE,
                        "1000",
                        false,
                        "0",
                        "500.01",
                        "RISK_WARNING_REQUIRED",
                        Map.of("threshold", "1500.00", "investedAmount", "1500.01")),
                row(
                        "5 % below 1,000 keeps 1,000",
                        NON_SOPHISTICATED,
                        "10000",
                        NONE,
                        "1000.01",
                        false,
                        "0",
                        "0",
                        "RISK_WARNING_REQUIRED",
                        Map.of("threshold", "1000.00")),
                row(
                        "orders in other running campaigns count",
                        NON_SOPHISTICATED,
                        null,
                        NONE,
                        "100",
                        false,
                        "0",
                        "950",
                        "RISK_WARNING_REQUIRED",
                        Map.of("investedAmount", "1050.00")),
                row(
                        "a sophisticated investor needs none",
                        SOPHISTICATED,
                        null,
                        NONE,
                        "50000",
                        false,
                        "0",
                        "90000",
                        "-",
                        Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesTheFirstRuleTheOrderBreaks(
            String row, OrderLimits.Facts facts, String expected, Map<String, String> members) {
        Optional<DomainException> refusal = OrderLimits.refusal(facts);

        if (expected.equals("-")) {
            assertThat(refusal).isEmpty();
            return;
        }
        assertThat(refusal).hasValueSatisfying(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.valueOf(expected));
            assertThat(e.extensions()).containsEntry("currency", "EUR");
            members.forEach((member, value) -> assertThat(e.extensions().get(member))
                    .as(member)
                    .isEqualTo(value.equals("EUR") ? value : new BigDecimal(value)));
        });
    }

    @ParameterizedTest(name = "net worth {0} -> threshold {1}")
    @CsvSource({
        "'', 1000.00",
        "0.00, 1000.00",
        "19999.99, 1000.00",
        "20000.00, 1000.00",
        "20000.20, 1000.01",
        "30000.00, 1500.00",
        "30000.19, 1500.00",
        "1000000.00, 50000.00"
    })
    void setsTheThresholdAtTheHigherOfAThousandAndFivePercentOfNetWorth(String netWorth, String threshold) {
        assertThat(OrderLimits.threshold(netWorth.isEmpty() ? null : new BigDecimal(netWorth)))
                .isEqualTo(threshold);
    }

    private static Arguments row(
            String name,
            InvestorClassification classification,
            @Nullable String netWorth,
            TicketRules rules,
            String orderAmount,
            boolean acknowledged,
            String inCampaign,
            String inRunning,
            String expected,
            Map<String, String> members) {
        OrderLimits.Facts facts = new OrderLimits.Facts(
                classification,
                netWorth == null ? null : new BigDecimal(netWorth),
                rules,
                new BigDecimal(orderAmount),
                acknowledged,
                new BigDecimal(inCampaign),
                new BigDecimal(inRunning));
        return Arguments.of(name, facts, expected, members);
    }

    private static TicketRules rules(
            @Nullable String min, @Nullable String max, @Nullable String increment, @Nullable String perInvestor) {
        return new TicketRules(amount(min), amount(max), amount(increment), amount(perInvestor));
    }

    private static @Nullable BigDecimal amount(@Nullable String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
