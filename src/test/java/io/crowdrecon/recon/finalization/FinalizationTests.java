package io.crowdrecon.recon.finalization;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static io.crowdrecon.recon.finalization.Finalization.REASON_FAILURE;
import static io.crowdrecon.recon.finalization.Finalization.REASON_SUCCESS;
import static io.crowdrecon.recon.finalization.Finalization.REASON_UNDONE;
import static io.crowdrecon.recon.order.OrderStatus.ACCOUNTED;
import static io.crowdrecon.recon.order.OrderStatus.CANCELLED;
import static io.crowdrecon.recon.order.OrderStatus.CREATED;
import static io.crowdrecon.recon.order.OrderStatus.FAILED;
import static io.crowdrecon.recon.order.OrderStatus.INCORRECT_AMOUNT;
import static io.crowdrecon.recon.order.OrderStatus.REFUNDED;
import static io.crowdrecon.recon.order.OrderStatus.SPLITTED;
import static io.crowdrecon.recon.order.OrderStatus.WAITING;
import static io.crowdrecon.recon.shared.ErrorCode.ACCOUNTED_ORDERS_CHANGED;
import static io.crowdrecon.recon.shared.ErrorCode.ILLEGAL_TRANSITION;
import static io.crowdrecon.recon.shared.ErrorCode.MONEYOUTS_HELD;
import static io.crowdrecon.recon.shared.ErrorCode.NO_ORDERS_TO_EXECUTE;
import static io.crowdrecon.recon.shared.ErrorCode.SPLIT_MISMATCH;
import static io.crowdrecon.recon.shared.ErrorCode.SUCCESS_FEE_EXCEEDS_CASHOUT;
import static io.crowdrecon.recon.shared.ErrorCode.TARGET_NOT_MET;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.crowdrecon.recon.campaign.Campaign;
import io.crowdrecon.recon.campaign.CampaignStatus;
import io.crowdrecon.recon.campaign.CampaignTerms;
import io.crowdrecon.recon.campaign.CampaignTrigger;
import io.crowdrecon.recon.campaign.SuccessFee;
import io.crowdrecon.recon.finalization.FinalizationDecision.AlreadyFinalized;
import io.crowdrecon.recon.finalization.FinalizationDecision.ExecuteInFull;
import io.crowdrecon.recon.finalization.FinalizationDecision.ExecuteInPart;
import io.crowdrecon.recon.finalization.FinalizationDecision.Expire;
import io.crowdrecon.recon.finalization.FinalizationDecision.Failure;
import io.crowdrecon.recon.finalization.FinalizationDecision.Payout;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refund;
import io.crowdrecon.recon.finalization.FinalizationDecision.Refused;
import io.crowdrecon.recon.finalization.FinalizationDecision.Step;
import io.crowdrecon.recon.finalization.FinalizationDecision.Success;
import io.crowdrecon.recon.finalization.FinalizationPlan.OrderSplit;
import io.crowdrecon.recon.order.Order;
import io.crowdrecon.recon.order.OrderChannel;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.payment.instruction.InstructionType;
import io.crowdrecon.recon.payment.moneyout.Moneyout;
import io.crowdrecon.recon.payment.moneyout.MoneyoutStatus;
import io.crowdrecon.recon.payment.moneyout.MoneyoutType;
import io.crowdrecon.recon.payment.moneyout.Settlement;
import io.crowdrecon.recon.portal.Company;
import io.crowdrecon.recon.portal.Portal;
import io.crowdrecon.recon.shared.CampaignId;
import io.crowdrecon.recon.shared.CashoutId;
import io.crowdrecon.recon.shared.CompanyId;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.Iban;
import io.crowdrecon.recon.shared.InstructionId;
import io.crowdrecon.recon.shared.InvestorId;
import io.crowdrecon.recon.shared.MoneyinId;
import io.crowdrecon.recon.shared.MoneyoutId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.shared.PortalId;
import io.crowdrecon.recon.testing.Domain;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of {@code finalized-success} and {@code finalized-failure} (SPEC sections 4 and 7), one row per rule and
 * per case where the order of the rules matters. Every row starts from a CLOSED campaign (targets 1000–5000 EUR, no
 * success fee) whose ACCOUNTED orders are A (1000 + 50 fee), B (2000 + 100) and C (500 + 25), plus a WAITING order W
 * and a FAILED order F, finalized by executing A and B and undoing C; and changes one or two things.
 */
class FinalizationTests {

    private static final String CAMPAIGN = "CMP1";
    private static final Pattern ORDER_ID = Pattern.compile(OrderId.PREFIX + "[0-9]{16}");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Company COMPANY = new Company(
            CompanyId.of("CO1"),
            PortalId.of("PRT1"),
            "Acme S.r.l.",
            "01234567890",
            Iban.parse("IT60X0542811101000000123456"),
            AT);
    private static final Portal PORTAL = new Portal(
            PortalId.of("PRT1"),
            "Crowd Portal",
            Iban.parse("GB82WEST12345698765432"),
            Iban.parse("DE89370400440532013000"),
            AT);

    private static final String NO_ORDERS_DETAIL =
            "ordersToExecute must hold at least one order; a campaign that executes none ends with finalized-failure";

    private static final Order A = order("A", ACCOUNTED, "1000", "50");
    private static final Order B = order("B", ACCOUNTED, "2000", "100");
    private static final Order C = order("C", ACCOUNTED, "500", "25");
    private static final Order W = order("W", WAITING, "300", "15");
    private static final Order F = order("F", FAILED, "400", "20");

    // --- finalized-success: every refusal, in the order the rules are looked at ---

    static Stream<Arguments> refusals() {
        return Stream.of(
                // the campaign's status
                refusal(
                        "refuses to finalize a campaign that is still OPEN",
                        facts().status(CampaignStatus.OPEN),
                        plan(List.of("A", "B"), List.of("C")),
                        ILLEGAL_TRANSITION,
                        "Campaign CMP1 cannot move from OPEN to FINALIZED_SUCCESS"),
                refusal(
                        "refuses to finalize as a success a campaign that failed",
                        facts().status(CampaignStatus.FINALIZED_FAIL),
                        plan(List.of("A", "B"), List.of("C")),
                        ILLEGAL_TRANSITION,
                        "Campaign CMP1 cannot move from FINALIZED_FAIL to FINALIZED_SUCCESS"),
                refusal(
                        "refuses to finalize a cancelled campaign",
                        facts().status(CampaignStatus.CANCELLED),
                        plan(List.of(), List.of()),
                        ILLEGAL_TRANSITION,
                        "Campaign CMP1 cannot move from CANCELLED to FINALIZED_SUCCESS"),
                refusal(
                        "looks at the campaign's status before its lists",
                        facts().status(CampaignStatus.OPEN),
                        plan(List.of("Z"), List.of()),
                        ILLEGAL_TRANSITION,
                        "Campaign CMP1 cannot move from OPEN to FINALIZED_SUCCESS"),
                // every ACCOUNTED order exactly once
                refusal(
                        "refuses lists that leave an accounted order out",
                        facts(),
                        plan(List.of("A", "B"), List.of()),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once. Not listed: [C]."),
                refusal(
                        "refuses lists made before a credit accounted another order",
                        facts().orders(A, B, C, order("D", ACCOUNTED, "100", "5"), W, F),
                        plan(List.of("A", "B"), List.of("C")),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once. Not listed: [D]."),
                refusal(
                        "refuses an order listed twice to execute",
                        facts(),
                        plan(List.of("A", "B", "A"), List.of("C")),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once. Listed more than once: [A]."),
                refusal(
                        "refuses an order both executed and undone",
                        facts(),
                        plan(List.of("A", "B"), List.of("C", "A")),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once. Listed more than once: [A]."),
                refusal(
                        "refuses an order both executed and split",
                        facts(),
                        plan(List.of("A", "B"), List.of("C"), split("B", "1000", "1000", "50", "50")),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once. Listed more than once: [B]."),
                refusal(
                        "refuses an order both undone and split",
                        facts(),
                        plan(List.of("A", "B"), List.of("C"), split("C", "250", "250", "25", "0")),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once. Listed more than once: [C]."),
                refusal(
                        "refuses an order the campaign does not have",
                        facts(),
                        plan(List.of("A", "B", "Z"), List.of("C")),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once."
                                + " Not ACCOUNTED (or not of this campaign): [Z]."),
                refusal(
                        "refuses to undo an order that is still waiting for its payment",
                        facts(),
                        plan(List.of("A", "B"), List.of("C", "W")),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once."
                                + " Not ACCOUNTED (or not of this campaign): [W]."),
                refusal(
                        "refuses to split an order already executed",
                        facts().orders(A, B, C, order("S", SPLITTED, "100", "5")),
                        plan(List.of("A", "B"), List.of("C"), split("S", "50", "50", "5", "0")),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once."
                                + " Not ACCOUNTED (or not of this campaign): [S]."),
                refusal(
                        "names every fault of the lists at once, each sorted by id",
                        facts(),
                        plan(List.of("Z", "B", "Y", "B"), List.of()),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once. Not listed: [A, C]."
                                + " Not ACCOUNTED (or not of this campaign): [Y, Z]. Listed more than once: [B]."),
                // ordersToExecute holds at least one order (Fabrick v4)
                refusal(
                        "refuses empty lists when the campaign has accounted orders",
                        facts(),
                        plan(List.of(), List.of()),
                        NO_ORDERS_TO_EXECUTE,
                        NO_ORDERS_DETAIL),
                refusal(
                        "refuses a plan that only undoes orders",
                        facts(),
                        plan(List.of(), List.of("A", "B", "C")),
                        NO_ORDERS_TO_EXECUTE,
                        NO_ORDERS_DETAIL),
                refusal(
                        "refuses a plan that only splits: ordersToExecute itself must hold an order",
                        facts(),
                        plan(List.of(), List.of("B", "C"), split("A", "1000", "0", "50", "0")),
                        NO_ORDERS_TO_EXECUTE,
                        NO_ORDERS_DETAIL),
                refusal(
                        "looks at ordersToExecute before the lists",
                        facts(),
                        plan(List.of(), List.of("Z")),
                        NO_ORDERS_TO_EXECUTE,
                        NO_ORDERS_DETAIL),
                refusal(
                        "looks at the campaign's status before ordersToExecute",
                        facts().status(CampaignStatus.OPEN),
                        plan(List.of(), List.of("A", "B", "C")),
                        ILLEGAL_TRANSITION,
                        "Campaign CMP1 cannot move from OPEN to FINALIZED_SUCCESS"),
                // no moneyout held by a chargeback
                refusal(
                        "refuses to execute an order whose moneyouts a chargeback holds",
                        facts().held("A"),
                        plan(List.of("A", "B"), List.of("C")),
                        MONEYOUTS_HELD,
                        "Orders [A] have moneyouts held by a chargeback; resolve the chargebacks first"),
                refusal(
                        "refuses to undo an order whose moneyouts a chargeback holds",
                        facts().held("C"),
                        plan(List.of("A", "B"), List.of("C")),
                        MONEYOUTS_HELD,
                        "Orders [C] have moneyouts held by a chargeback; resolve the chargebacks first"),
                refusal(
                        "names every order with held moneyouts, by id",
                        facts().held("C", "A"),
                        plan(List.of("A", "B"), List.of("C")),
                        MONEYOUTS_HELD,
                        "Orders [A, C] have moneyouts held by a chargeback; resolve the chargebacks first"),
                refusal(
                        "looks at the lists before the moneyouts",
                        facts().held("A"),
                        plan(List.of("A", "B"), List.of()),
                        ACCOUNTED_ORDERS_CHANGED,
                        "The lists must name every ACCOUNTED order exactly once. Not listed: [C]."),
                // the split adds up
                refusal(
                        "refuses a split whose company parts fall short of the orderAmount",
                        facts(),
                        plan(List.of("A", "B"), List.of(), split("C", "400", "99.99", "25", "0")),
                        SPLIT_MISMATCH,
                        "Order C has orderAmount 500.00 and feeAmount 25.00; the split parts must add up to them"),
                refusal(
                        "refuses a split whose company parts exceed the orderAmount",
                        facts(),
                        plan(List.of("A", "B"), List.of(), split("C", "500", "0.01", "25", "0")),
                        SPLIT_MISMATCH,
                        "Order C has orderAmount 500.00 and feeAmount 25.00; the split parts must add up to them"),
                refusal(
                        "refuses a split whose fee parts do not add up to the feeAmount",
                        facts(),
                        plan(List.of("A", "B"), List.of(), split("C", "250", "250", "20", "0")),
                        SPLIT_MISMATCH,
                        "Order C has orderAmount 500.00 and feeAmount 25.00; the split parts must add up to them"),
                refusal(
                        "looks at held moneyouts before the split",
                        facts().held("C"),
                        plan(List.of("A", "B"), List.of(), split("C", "1", "1", "1", "1")),
                        MONEYOUTS_HELD,
                        "Orders [C] have moneyouts held by a chargeback; resolve the chargebacks first"),
                // the targets
                refusal(
                        "refuses an executed company amount below targetAmountMin",
                        facts(),
                        plan(List.of("C"), List.of("A", "B")),
                        TARGET_NOT_MET,
                        "Executed company amount 500.00 is below targetAmountMin 1000.00"),
                refusal(
                        "refuses an executed company amount one cent below targetAmountMin",
                        facts(),
                        plan(List.of("C"), List.of("B"), split("A", "499.99", "500.01", "50", "0")),
                        TARGET_NOT_MET,
                        "Executed company amount 999.99 is below targetAmountMin 1000.00"),
                refusal(
                        "counts neither the fees nor the undone orders toward the target",
                        facts().targets("1100", "5000"),
                        plan(List.of("A"), List.of("B", "C")),
                        TARGET_NOT_MET,
                        "Executed company amount 1000.00 is below targetAmountMin 1100.00"),
                refusal(
                        "looks at the split before the targets",
                        facts().targets("5000", "9000"),
                        plan(List.of("A"), List.of("B"), split("C", "1", "1", "25", "0")),
                        SPLIT_MISMATCH,
                        "Order C has orderAmount 500.00 and feeAmount 25.00; the split parts must add up to them"),
                refusal(
                        "refuses an empty campaign: it has no order to execute",
                        facts().withoutOrders(),
                        plan(List.of(), List.of()),
                        NO_ORDERS_TO_EXECUTE,
                        NO_ORDERS_DETAIL),
                refusal(
                        "refuses a campaign whose orders all failed or wait",
                        facts().orders(W, F),
                        plan(List.of(), List.of()),
                        NO_ORDERS_TO_EXECUTE,
                        NO_ORDERS_DETAIL),
                // the success fee
                refusal(
                        "refuses a success fee larger than the executed company amount",
                        facts().successFee("1200", "0"),
                        plan(List.of("A"), List.of("B", "C")),
                        SUCCESS_FEE_EXCEEDS_CASHOUT,
                        "The success fee 1200.00 exceeds the executed company amount 1000.00"),
                refusal(
                        "refuses a fixed plus variable success fee one cent over the executed company amount",
                        facts().successFee("980.01", "2"),
                        plan(List.of("A"), List.of("B", "C")),
                        SUCCESS_FEE_EXCEEDS_CASHOUT,
                        "The success fee 1000.01 exceeds the executed company amount 1000.00"),
                refusal(
                        "looks at the targets before the success fee",
                        facts().successFee("5000", "0"),
                        plan(List.of("C"), List.of("A", "B")),
                        TARGET_NOT_MET,
                        "Executed company amount 500.00 is below targetAmountMin 1000.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesASuccessByTheRulesOfTheSpecInTheirOrder(
            String behaviour, Facts facts, FinalizationPlan plan, ErrorCode code, String detail) {
        assertThat(facts.succeed(plan)).isEqualTo(new Refused(code, detail));
    }

    // --- finalized-success: what is executed and paid out ---

    static Stream<Arguments> amounts() {
        return Stream.of(
                amounts(
                        "executes the orders listed to execute, company and fee amounts alike",
                        facts(),
                        plan(List.of("A", "B"), List.of("C")),
                        "3000.00 150.00 0.00 3000.00 150.00"),
                amounts(
                        "accepts an executed company amount of exactly targetAmountMin",
                        facts(),
                        plan(List.of("A"), List.of("B", "C")),
                        "1000.00 50.00 0.00 1000.00 50.00"),
                amounts(
                        "executes an amount above targetAmountMax: it limits nothing",
                        facts().targets("1000", "2500"),
                        plan(List.of("A", "B"), List.of("C")),
                        "3000.00 150.00 0.00 3000.00 150.00"),
                amounts(
                        "counts the executed part of a split and still executes above targetAmountMax",
                        facts().targets("1000", "2500"),
                        plan(List.of("B"), List.of("C"), split("A", "500.01", "499.99", "50", "0")),
                        "2500.01 150.00 0.00 2500.01 150.00"),
                amounts(
                        "accepts an executed company amount of exactly targetAmountMax",
                        facts().targets("1000", "3000"),
                        plan(List.of("A", "B"), List.of("C")),
                        "3000.00 150.00 0.00 3000.00 150.00"),
                amounts(
                        "adds the executed parts of the split",
                        facts(),
                        plan(List.of("A"), List.of("C"), split("B", "1200", "800", "60", "40")),
                        "2200.00 110.00 0.00 2200.00 110.00"),
                amounts(
                        "adds split parts by value whatever their scale",
                        facts(),
                        plan(List.of("A"), List.of("C"), split("B", "1999.990", "0.01", "100.0", "0")),
                        "2999.99 150.00 0.00 2999.99 150.00"),
                amounts(
                        "executes nothing of a split whose executed parts are 0",
                        facts(),
                        plan(List.of("A"), List.of("C"), split("B", "0", "2000", "0", "100")),
                        "1000.00 50.00 0.00 1000.00 50.00"),
                amounts(
                        "takes a fixed success fee from the cashout and pays it to the portal",
                        facts().successFee("100", "0"),
                        plan(List.of("A", "B"), List.of("C")),
                        "3000.00 150.00 100.00 2900.00 250.00"),
                amounts(
                        "takes a variable success fee in percent points",
                        facts().successFee("0", "2.5"),
                        plan(List.of("A", "B"), List.of("C")),
                        "3000.00 150.00 75.00 2925.00 225.00"),
                amounts(
                        "rounds a variable success fee half up to the cent",
                        facts().successFee("0", "0.15"),
                        plan(List.of("C"), List.of("A"), split("B", "530", "1470", "100", "0")),
                        "1030.00 125.00 1.55 1028.45 126.55"),
                amounts(
                        "adds the fixed and the variable success fee",
                        facts().successFee("10", "2"),
                        plan(List.of("A", "B"), List.of("C")),
                        "3000.00 150.00 70.00 2930.00 220.00"),
                amounts(
                        "leaves a cashout of 0 when the success fee takes the whole executed amount",
                        facts().successFee("1000", "0"),
                        plan(List.of("A"), List.of("B", "C")),
                        "1000.00 50.00 1000.00 0.00 1050.00"));
    }

    /** {@code expected}: executed company, executed fee, success fee, cashout and fee payout amounts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("amounts")
    void computesTheExecutedAmountsTheSuccessFeeAndThePayouts(
            String behaviour, Facts facts, FinalizationPlan plan, String expected) {
        Success success = facts.succeeds(plan);

        List<BigDecimal> amounts = List.of(
                success.executedCompanyAmount(),
                success.executedFeeAmount(),
                success.successFee(),
                success.toCompany().amount(),
                success.toPortal().amount());
        assertThat(amounts)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(
                        Arrays.stream(expected.split(" ")).map(BigDecimal::new).toList());
    }

    static Stream<Arguments> overfunding() {
        return Stream.of(
                Arguments.of("below targetAmountMax", "1000", "5000", plan(List.of("A", "B"), List.of("C")), false),
                Arguments.of("exactly targetAmountMax", "1000", "3000", plan(List.of("A", "B"), List.of("C")), false),
                Arguments.of("above targetAmountMax", "1000", "2999.99", plan(List.of("A", "B"), List.of("C")), true),
                Arguments.of(
                        "a split's executed part a cent above",
                        "1000",
                        "2500",
                        plan(List.of("B"), List.of("C"), split("A", "500.01", "499.99", "50", "0")),
                        true),
                Arguments.of(
                        "the undone orders do not count",
                        "1000",
                        "1000",
                        plan(List.of("A"), List.of("B", "C")),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overfunding")
    void reportsAnExecutedCompanyAmountAboveTargetAmountMaxAsOverfundedInsteadOfRefusingIt(
            String behaviour, String min, String max, FinalizationPlan plan, boolean overfunded) {
        assertThat(facts().targets(min, max).succeeds(plan).overfunded()).isEqualTo(overfunded);
    }

    @Test
    void writesTheExecutedAmountsAndPayoutsInTheCurrencysMinorDigits() {
        Success success = facts().succeeds(plan(List.of("C"), List.of("A"), split("B", "1200", "800", "60", "40")));

        assertThat(Stream.of(
                                success.executedCompanyAmount(),
                                success.executedFeeAmount(),
                                success.successFee(),
                                success.toCompany().amount(),
                                success.toPortal().amount())
                        .map(BigDecimal::toPlainString))
                .containsExactly("1700.00", "85.00", "0.00", "1700.00", "85.00");
    }

    @Test
    void carriesOutTheStepsInTheOrderOfTheSpec() {
        Order created = order("N", CREATED, "100", "5");
        Order incorrect = order("I", INCORRECT_AMOUNT, "100", "5");
        Order d = order("D", ACCOUNTED, "600", "30");
        Facts facts = facts().orders(W, A, d, B, F, C, created, incorrect, order("X", CANCELLED, "100", "5"));

        Success success = facts.succeeds(plan(List.of("B", "A"), List.of("C"), split("D", "400", "200", "30", "0")));

        assertThat(success.steps())
                .as("executions in the plan's order, the undone orders, the split, the payable orders expired")
                .containsExactly(
                        new ExecuteInFull(B, facts.moneyouts().get(id("B")), REASON_SUCCESS),
                        new ExecuteInFull(A, facts.moneyouts().get(id("A")), REASON_SUCCESS),
                        new Refund(C, REASON_UNDONE),
                        new ExecuteInPart(
                                d,
                                facts.moneyouts().get(id("D")),
                                new Settlement.Split(
                                        new BigDecimal("400"),
                                        new BigDecimal("200"),
                                        new BigDecimal("30"),
                                        new BigDecimal("0")),
                                REASON_SUCCESS),
                        new Expire(W, REASON_SUCCESS),
                        new Expire(created, REASON_SUCCESS),
                        new Expire(incorrect, REASON_SUCCESS));
        assertThat(success.campaignMove()).isEqualTo(CampaignTrigger.FINALIZE_SUCCESS);
    }

    @ParameterizedTest(name = "an order {0} at a success: expired {1}")
    @CsvSource({
        "CREATED, true",
        "WAITING, true",
        "INCORRECT_AMOUNT, true",
        "SPLITTED, false",
        "REFUNDED, false",
        "FAILED, false",
        "CANCELLED, false",
        "EXPIRED, false"
    })
    void expiresEveryPayableOrderAtASuccessAndLeavesTheOthersAlone(OrderStatus status, boolean expired) {
        Order other = order("O", status, "100", "5");

        Success success = facts().orders(A, B, C, other).succeeds(plan(List.of("A", "B"), List.of("C")));

        assertThat(success.steps().stream().filter(step -> step.order().equals(other)))
                .containsExactlyElementsOf(expired ? List.of(new Expire(other, REASON_SUCCESS)) : List.of());
    }

    @Test
    void paysTheCashoutToTheCompanysIbanAndTheFeesToThePortalsFeeAccount() {
        Success success = facts().successFee("100", "0").succeeds(plan(List.of("A", "B"), List.of("C")));

        assertThat(success.toCompany())
                .isEqualTo(new Payout(
                        InstructionType.CASHOUT,
                        new BigDecimal("2900.00"),
                        "IT60X0542811101000000123456",
                        "Acme S.r.l.",
                        "Cashout of campaign CMP1"));
        assertThat(success.toPortal())
                .isEqualTo(new Payout(
                        InstructionType.FEE_PAYOUT,
                        new BigDecimal("250.00"),
                        "DE89370400440532013000",
                        "Crowd Portal",
                        "Fees of campaign CMP1"));
    }

    @Test
    void recordsTheCashoutWithItsAmountsAndItsTwoInstructions() {
        Success success = facts().successFee("100", "0").succeeds(plan(List.of("A", "B"), List.of("C")));

        assertThat(success.cashout(new CashoutId("CSH1"), new InstructionId("PI1"), new InstructionId("PI2"), AT))
                .isEqualTo(new Cashout(
                        new CashoutId("CSH1"),
                        CampaignId.of(CAMPAIGN),
                        PortalId.of("PRT1"),
                        CompanyId.of("CO1"),
                        new BigDecimal("3000.00"),
                        new BigDecimal("150.00"),
                        new BigDecimal("100.00"),
                        new BigDecimal("2900.00"),
                        new BigDecimal("250.00"),
                        "EUR",
                        "IT60X0542811101000000123456",
                        new InstructionId("PI1"),
                        new InstructionId("PI2"),
                        AT));
    }

    @Test
    void answersACampaignAlreadyFinalizedAsASuccessAsTheFirstTimeWhateverTheLists() {
        assertThat(facts().status(CampaignStatus.FINALIZED_SUCCESS).succeed(plan(List.of("Z"), List.of())))
                .isEqualTo(new AlreadyFinalized());
    }

    // --- finalized-failure ---

    @Test
    void refundsEveryAccountedOrderAndExpiresEveryPayableOneInTheOrderOfTheOrders() {
        Order created = order("N", CREATED, "100", "5");
        Order incorrect = order("I", INCORRECT_AMOUNT, "100", "5");
        Facts facts = facts().orders(A, W, B, F, created, C, incorrect, order("R", REFUNDED, "100", "5"));

        assertThat(facts.fail())
                .isEqualTo(new Failure(List.of(
                        new Refund(A, REASON_FAILURE),
                        new Expire(W, REASON_FAILURE),
                        new Refund(B, REASON_FAILURE),
                        new Expire(created, REASON_FAILURE),
                        new Refund(C, REASON_FAILURE),
                        new Expire(incorrect, REASON_FAILURE))));
        assertThat(((Failure) facts.fail()).campaignMove()).isEqualTo(CampaignTrigger.FINALIZE_FAILURE);
    }

    @ParameterizedTest(name = "an order {0} at a failure: {1}")
    @CsvSource({
        "CREATED, EXPIRE",
        "WAITING, EXPIRE",
        "INCORRECT_AMOUNT, EXPIRE",
        "ACCOUNTED, REFUND",
        "SPLITTED, NONE",
        "REFUNDED, NONE",
        "FAILED, NONE",
        "CANCELLED, NONE",
        "EXPIRED, NONE"
    })
    void refundsOrExpiresEachOrderAtAFailureByItsStatus(OrderStatus status, String expected) {
        Order order = order("O", status, "100", "5");

        FinalizationDecision decision = facts().orders(order).fail();

        List<Step> steps = new ArrayList<>();
        if (expected.equals("REFUND")) {
            steps.add(new Refund(order, REASON_FAILURE));
        } else if (expected.equals("EXPIRE")) {
            steps.add(new Expire(order, REASON_FAILURE));
        }
        assertThat(decision).isEqualTo(new Failure(steps));
    }

    @Test
    void failsAnEmptyCampaignWithNothingToDo() {
        assertThat(facts().withoutOrders().fail()).isEqualTo(new Failure(List.of()));
    }

    @Test
    void refusesAFailureWhileAChargebackHoldsAnAccountedOrdersMoneyoutsNamingTheFirst() {
        assertThat(facts().held("C", "B").fail())
                .isEqualTo(new Refused(
                        MONEYOUTS_HELD, "Order B has moneyouts held by a chargeback; resolve the chargeback first"));
    }

    @ParameterizedTest(name = "refuses to fail a campaign {0}")
    @EnumSource(
            value = CampaignStatus.class,
            names = {"CREATED", "OPEN", "CANCELLED", "FINALIZED_SUCCESS"})
    void refusesToFailACampaignThatIsNotClosed(CampaignStatus status) {
        assertThat(facts().status(status).held("A").fail())
                .isEqualTo(new Refused(
                        ILLEGAL_TRANSITION, "Campaign CMP1 cannot move from " + status + " to FINALIZED_FAIL"));
    }

    @Test
    void answersACampaignAlreadyFailedAsTheFirstTime() {
        assertThat(facts().status(CampaignStatus.FINALIZED_FAIL).fail()).isEqualTo(new AlreadyFinalized());
    }

    // --- what the caller loads ---

    @Test
    void looksAtTheMoneyoutsOfTheAccountedOrdersOnlyInTheOrderOfTheirIds() {
        assertThat(Finalization.accounted(List.of(W, C, F, A, B))).containsExactly(A, B, C);
    }

    @Test
    void decidesInPlainJavaOverDomainTypes() {
        classes()
                .that()
                .haveNameMatching(".*\\.finalization\\.Finalization(Decision)?(\\$.*)?")
                .should()
                .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..")
                        .or(JavaClass.Predicates.resideInAnyPackage("io.crowdrecon.recon..")
                                .and(JavaClass.Predicates.resideOutsideOfPackages(
                                        "..config..", "..persistence..", "..web..", "..kafka.."))))
                .check(new ClassFileImporter()
                        .withImportOption(location -> !location.contains("/test-classes/"))
                        .importPackages("io.crowdrecon.recon.finalization"));
    }

    // --- test data ---

    private static Arguments refusal(
            String behaviour, Facts facts, FinalizationPlan plan, ErrorCode code, String detail) {
        return Arguments.of(behaviour, facts, plan, code, detail);
    }

    private static Arguments amounts(String behaviour, Facts facts, FinalizationPlan plan, String expected) {
        return Arguments.of(behaviour, facts, plan, expected);
    }

    private static FinalizationPlan plan(List<String> toExecute, List<String> toUndo) {
        return plan(toExecute, toUndo, null);
    }

    /** The plan a portal sends naming the test's orders ({@code "A"}...) by their ids. */
    private static FinalizationPlan plan(List<String> toExecute, List<String> toUndo, OrderSplit split) {
        return new FinalizationPlan(ids(toExecute), ids(toUndo), split);
    }

    private static List<String> ids(List<String> names) {
        return names.stream().map(name -> id(name).value()).toList();
    }

    /** The id of the test's order {@code name}. */
    private static OrderId id(String name) {
        return Domain.orderId(name);
    }

    /** {@code decision} with the ids its detail names written as the test's names, as the tables read. */
    private static FinalizationDecision named(FinalizationDecision decision) {
        if (!(decision instanceof Refused refused)) {
            return decision;
        }
        return new Refused(
                refused.code(), ORDER_ID.matcher(refused.detail()).replaceAll(id -> Domain.orderName(id.group())));
    }

    private static OrderSplit split(
            String orderId, String companyToExecute, String companyToUndo, String feeToExecute, String feeToUndo) {
        return new OrderSplit(
                id(orderId).value(),
                new BigDecimal(companyToExecute),
                new BigDecimal(companyToUndo),
                new BigDecimal(feeToExecute),
                new BigDecimal(feeToUndo));
    }

    private static Facts facts() {
        return new Facts(CampaignStatus.CLOSED, "1000", "5000", SuccessFee.NONE, List.of(A, B, C, W, F), Set.of());
    }

    private static Order order(String name, OrderStatus status, String orderAmount, String feeAmount) {
        return new Order(
                id(name),
                PortalId.of("PRT1"),
                CampaignId.of(CAMPAIGN),
                CompanyId.of("CO1"),
                InvestorId.of("INV1"),
                null,
                new BigDecimal(orderAmount).add(new BigDecimal(feeAmount)),
                new BigDecimal(orderAmount),
                new BigDecimal(feeAmount),
                "EUR",
                OrderChannel.MONEY_TRANSFER,
                null,
                status,
                null,
                AT,
                AT);
    }

    /** The campaign and its orders as locked; every ACCOUNTED order has a COMPANY and a FEE moneyout. */
    record Facts(
            CampaignStatus status,
            String targetMin,
            String targetMax,
            SuccessFee successFee,
            List<Order> orders,
            Set<String> held) {

        Facts status(CampaignStatus newStatus) {
            return new Facts(newStatus, targetMin, targetMax, successFee, orders, held);
        }

        Facts targets(String min, String max) {
            return new Facts(status, min, max, successFee, orders, held);
        }

        Facts successFee(String fixed, String percentage) {
            return new Facts(
                    status,
                    targetMin,
                    targetMax,
                    new SuccessFee(new BigDecimal(fixed), new BigDecimal(percentage)),
                    orders,
                    held);
        }

        Facts orders(Order... newOrders) {
            return new Facts(status, targetMin, targetMax, successFee, List.of(newOrders), held);
        }

        Facts withoutOrders() {
            return orders(new Order[0]);
        }

        /** A chargeback holds the moneyouts of these orders. */
        Facts held(String... orderIds) {
            return new Facts(status, targetMin, targetMax, successFee, orders, Set.of(orderIds));
        }

        Campaign campaign() {
            CampaignTerms terms = new CampaignTerms(
                    "Solar roofs",
                    "",
                    new BigDecimal(targetMin),
                    new BigDecimal(targetMax),
                    "EUR",
                    LocalDate.parse("2026-11-30"),
                    successFee);
            return new Campaign(
                    CampaignId.of(CAMPAIGN), PortalId.of("PRT1"), CompanyId.of("CO1"), terms, status, AT, AT);
        }

        Map<OrderId, List<Moneyout>> moneyouts() {
            Map<OrderId, List<Moneyout>> byOrder = new LinkedHashMap<>();
            for (Order order : Finalization.accounted(orders)) {
                MoneyoutStatus moneyoutStatus =
                        held.contains(Domain.orderName(order.orderId().value()))
                                ? MoneyoutStatus.HELD
                                : MoneyoutStatus.AVAILABLE;
                byOrder.put(
                        order.orderId(),
                        List.of(
                                moneyout(order, MoneyoutType.COMPANY, order.orderAmount(), moneyoutStatus),
                                moneyout(order, MoneyoutType.FEE, order.feeAmount(), moneyoutStatus)));
            }
            return byOrder;
        }

        FinalizationDecision succeed(FinalizationPlan plan) {
            return named(Finalization.succeed(campaign(), orders, moneyouts(), plan, COMPANY, PORTAL));
        }

        /** The decision, which must be a success. */
        Success succeeds(FinalizationPlan plan) {
            FinalizationDecision decision = succeed(plan);
            assertThat(decision).isInstanceOf(Success.class);
            return (Success) decision;
        }

        FinalizationDecision fail() {
            return named(Finalization.fail(campaign(), orders, moneyouts()));
        }

        private static Moneyout moneyout(Order order, MoneyoutType type, BigDecimal amount, MoneyoutStatus status) {
            return new Moneyout(
                    new MoneyoutId("MO-" + order.orderId() + "-" + type),
                    order.orderId(),
                    new MoneyinId("MI-" + order.orderId()),
                    order.portalId(),
                    order.campaignId(),
                    order.companyId(),
                    type,
                    status,
                    amount,
                    order.currency(),
                    null,
                    AT,
                    null);
        }

        @Override
        public String toString() {
            return "campaign " + status + " "
                    + orders.stream().map(Order::orderId).toList() + " held " + held;
        }
    }
}
