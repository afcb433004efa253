package io.crowdrecon.recon.finalization;

import static io.crowdrecon.recon.testing.CampaignFlows.plan;
import static io.crowdrecon.recon.testing.CampaignFlows.problemCode;
import static io.crowdrecon.recon.testing.CampaignFlows.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CampaignFlows;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import io.crowdrecon.recon.testing.WireAmounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md sections 3, 4 and 7: {@code PUT /campaigns/{id}/finalized-success} executes, undoes and splits the
 * ACCOUNTED orders exactly as listed, charges the success fee, and instructs one CASHOUT and one FEE_PAYOUT, all within
 * the request; every plan that breaks a rule is refused with its code and changes nothing.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class CampaignFinalizationIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    CampaignFlows flows;

    // --- success

    @Test
    void successExecutesUndoesAndSplitsTheOrdersAndPaysTheCashoutAndTheFeesWithinTheRequest() {
        // 10 + 1.5 % of the executed 2099 = 10 + round_half_up(31.485) = 41.49 (half-even or a double would give 31.48)
        String campaign = flows.openCampaign("2000", "5000", "10", "1.5");
        String executedPayer = Ibans.randomGerman();
        String splitPayer = Ibans.randomGerman();
        String undonePayer = Ibans.randomGerman();
        String executed = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String splitOrder = flows.order(campaign, flows.otherInvestor(), "1200", "60", Ibans.randomGerman());
        String undone = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String created = flows.order(campaign, "500", "0", Ibans.randomGerman());
        String waiting = flows.order(campaign, "300", "30", Ibans.randomGerman());
        flows.portal().put("/orders/" + waiting + "/waiting").expectStatus().isOk();
        String incorrect = flows.order(campaign, "200", "20", Ibans.randomGerman());
        String cancelled = flows.order(campaign, "100", "10", Ibans.randomGerman());
        flows.portal().put("/orders/" + cancelled + "/cancelled").expectStatus().isOk();
        flows.pay(executed, "1100.00", executedPayer);
        flows.pay(splitOrder, "1260.00", splitPayer);
        flows.pay(undone, "1100.00", undonePayer);
        flows.payWrongAmount(incorrect, "219.99", Ibans.randomGerman());
        flows.close(campaign);
        JsonNode collected = flows.amount(campaign);
        assertThat(collected.get("collectedAmount").decimalValue()).isEqualByComparingTo("3200");
        assertThat(collected.get("waitingAmount").decimalValue()).isEqualByComparingTo("300");
        assertThat(collected.get("executedAmount").decimalValue()).isEqualByComparingTo("0");
        JsonNode statsBefore = flows.stats();
        assertThat(statsBefore.get("countAccounted").asLong()).isEqualTo(3);
        assertThat(statsBefore.get("sumAccounted").decimalValue()).isEqualByComparingTo("3200");
        long beforeFinalizing = System.currentTimeMillis();

        JsonNode finalized = flows.succeed(
                campaign, plan(List.of(executed), List.of(undone), split(splitOrder, "1099", "101", "55", "5")));

        assertThat(finalized.get("campaignId").asString()).isEqualTo(campaign);
        assertThat(finalized.get("status").asString()).isEqualTo("FINALIZED_SUCCESS");
        assertThat(finalized.get("overfunded").asBoolean()).isFalse();
        String cashoutId = finalized.get("cashoutId").asString();
        assertThat(cashoutId).startsWith("CO");
        JsonNode cashout = finalized.get("cashout");
        assertThat(cashout.get("cashoutId").asString()).isEqualTo(cashoutId);
        assertThat(cashout.get("campaignId").asString()).isEqualTo(campaign);
        assertThat(cashout.get("executedCompanyAmount").decimalValue()).isEqualByComparingTo("2099");
        assertThat(cashout.get("executedFeeAmount").decimalValue()).isEqualByComparingTo("155");
        assertThat(cashout.get("successFee").decimalValue()).isEqualByComparingTo("41.49");
        assertThat(cashout.get("amount").decimalValue()).isEqualByComparingTo("2057.51");
        assertThat(cashout.get("currency").asString()).isEqualTo("EUR");
        assertThat(cashout.get("iban").asString()).isEqualTo(flows.companyIban());
        // every cashout waits for an approver (four eyes)
        assertThat(cashout.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(cashout.get("instructionId").asString()).startsWith("PI");
        assertThat(cashout.get("createdDatetime").isNull()).isFalse();
        assertThat(cashout.get("executedDatetime").isNull()).isTrue();
        assertThat(flows.campaignStatus(campaign)).isEqualTo("FINALIZED_SUCCESS");

        // every order has its final status, in the request
        assertThat(flows.status(executed)).isEqualTo("SPLITTED");
        assertThat(flows.status(splitOrder)).isEqualTo("SPLITTED");
        assertThat(flows.status(undone)).isEqualTo("REFUNDED");
        assertThat(flows.lastTransition(undone).get("previousStatus").asString())
                .isEqualTo("ACCOUNTED");
        assertThat(flows.lastTransition(undone).get("reason").asString()).isNotBlank();
        Map<String, String> expiredFrom = Map.of(created, "CREATED", waiting, "WAITING", incorrect, "INCORRECT_AMOUNT");
        expiredFrom.forEach((orderId, previous) -> {
            JsonNode last = flows.lastTransition(orderId);
            assertThat(last.get("status").asString()).as("order %s", orderId).isEqualTo("EXPIRED");
            assertThat(last.get("previousStatus").asString())
                    .as("order %s", orderId)
                    .isEqualTo(previous);
            assertThat(last.get("reason").asString()).as("order %s", orderId).isEqualTo(Finalization.REASON_SUCCESS);
        });
        assertThat(flows.status(cancelled)).isEqualTo("CANCELLED");

        // executed in full: both moneyouts EXECUTED
        assertThat(flows.moneyouts(executed))
                .extracting(m -> m.get("type").asString() + " "
                        + m.get("status").asString() + " "
                        + m.get("amount").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("COMPANY EXECUTED 1000", "FEE EXECUTED 100");
        assertThat(flows.moneyouts(executed))
                .allSatisfy(m -> assertThat(m.get("executedDatetime").isNull()).isFalse());
        flows.portal()
                .get("/orders/" + executed + "/payment/refund")
                .expectStatus()
                .isNotFound();

        // split: each moneyout replaced by an executed and a reversed part adding up to it, the rest refunded
        List<JsonNode> parts = flows.moneyouts(splitOrder);
        String partsAsWritten = ApiClient.text(flows.portal()
                .get("/orders/" + splitOrder + "/payment/moneyouts")
                .expectStatus()
                .isOk());
        assertThat(WireAmounts.of(partsAsWritten, "amount"))
                .containsExactlyInAnyOrder("1099.00", "101.00", "55.00", "5.00");
        assertThat(WireAmounts.of(partsAsWritten, "cashoutAvailableAmount"))
                .containsExactly("0.00", "0.00", "0.00", "0.00");
        assertThat(parts)
                .extracting(m -> m.get("type").asString() + " "
                        + m.get("status").asString() + " "
                        + m.get("amount").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(
                        "COMPANY EXECUTED 1099", "COMPANY REVERSED 101", "FEE EXECUTED 55", "FEE REVERSED 5");
        Map<String, java.math.BigDecimal> byType = parts.stream()
                .collect(Collectors.groupingBy(
                        m -> m.get("type").asString(),
                        Collectors.reducing(
                                java.math.BigDecimal.ZERO,
                                m -> m.get("amount").decimalValue(),
                                java.math.BigDecimal::add)));
        assertThat(byType.get("COMPANY")).isEqualByComparingTo("1200");
        assertThat(byType.get("FEE")).isEqualByComparingTo("60");
        JsonNode splitRefund = flows.payments().refund(splitOrder);
        assertThat(splitRefund.get("amount").decimalValue()).isEqualByComparingTo("106");
        assertThat(splitRefund.get("iban").asString()).isEqualTo(splitPayer);
        assertThat(splitRefund.get("status").asString()).isEqualTo("CREATED");

        // undone: reversed and refunded in full to whoever paid
        assertThat(flows.moneyouts(undone))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("REVERSED"));
        JsonNode undoneRefund = flows.payments().refund(undone);
        assertThat(undoneRefund.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(undoneRefund.get("iban").asString()).isEqualTo(undonePayer);

        // the FEE_PAYOUT (below the approval threshold) leaves at once; the CASHOUT only once approved
        assertThat(flows.awaitRequestedInstructions(beforeFinalizing, campaign, 1))
                .extracting(i -> i.get("type").asString())
                .containsExactly("FEE_PAYOUT");
        flows.payments().approve(cashout.get("instructionId").asString());
        // one CASHOUT to the company and one FEE_PAYOUT to the portal's fee account, keyed by the campaign
        List<JsonNode> payouts = flows.awaitRequestedInstructions(beforeFinalizing, campaign, 2);
        Map<String, List<JsonNode>> byKind = payouts.stream()
                .collect(Collectors.groupingBy(i -> i.get("type").asString()));
        assertThat(byKind.keySet()).containsExactlyInAnyOrder("CASHOUT", "FEE_PAYOUT");
        assertThat(byKind.get("CASHOUT")).singleElement().satisfies(i -> {
            assertThat(i.get("instructionId").asString())
                    .isEqualTo(cashout.get("instructionId").asString());
            assertThat(i.get("creditorIban").asString()).isEqualTo(flows.companyIban());
            assertThat(i.get("amount").decimalValue()).isEqualByComparingTo("2057.51");
            assertThat(i.get("currency").asString()).isEqualTo("EUR");
            assertThat(i.get("campaignId").asString()).isEqualTo(campaign);
            assertThat(i.get("portalId").asString()).isEqualTo(flows.portal().portalId());
        });
        assertThat(byKind.get("FEE_PAYOUT")).singleElement().satisfies(i -> {
            assertThat(i.get("creditorIban").asString()).isEqualTo(flows.feeAccountIban());
            assertThat(i.get("amount").decimalValue()).isEqualByComparingTo("196.49");
            assertThat(i.get("campaignId").asString()).isEqualTo(campaign);
        });
        JsonNode splitRefundRequested = flows.payments()
                .awaitRequestedInstruction(
                        beforeFinalizing,
                        splitOrder,
                        splitRefund.get("instructionId").asString());
        assertThat(splitRefundRequested.get("type").asString()).isEqualTo("REFUND");
        assertThat(splitRefundRequested.get("amount").decimalValue()).isEqualByComparingTo("106");
        assertThat(splitRefundRequested.get("creditorIban").asString()).isEqualTo(splitPayer);
        JsonNode undoneRefundRequested = flows.payments()
                .awaitRequestedInstruction(
                        beforeFinalizing,
                        undone,
                        undoneRefund.get("instructionId").asString());
        assertThat(undoneRefundRequested.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(undoneRefundRequested.get("creditorIban").asString()).isEqualTo(undonePayer);

        // the transitions and the split parts announced on Kafka
        JsonNode splitted = flows.payments()
                .awaitEvent(
                        "recon.order-events",
                        "crowdrecon.order.status-changed.v1",
                        beforeFinalizing,
                        splitOrder,
                        data -> "SPLITTED".equals(data.get("status").asString()));
        assertThat(splitted.get("previousStatus").asString()).isEqualTo("ACCOUNTED");
        assertThat(splitted.get("campaignId").asString()).isEqualTo(campaign);
        JsonNode expiredEvent = flows.payments()
                .awaitEvent(
                        "recon.order-events",
                        "crowdrecon.order.status-changed.v1",
                        beforeFinalizing,
                        waiting,
                        data -> "EXPIRED".equals(data.get("status").asString()));
        assertThat(expiredEvent.get("previousStatus").asString()).isEqualTo("WAITING");
        await().atMost(PaymentFlows.DECIDED)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(flows.payments()
                                .events(
                                        "recon.moneyouts",
                                        "crowdrecon.moneyout.created.v1",
                                        beforeFinalizing,
                                        splitOrder))
                        .extracting(m -> m.get("status").asString())
                        .containsExactlyInAnyOrder("EXECUTED", "REVERSED", "EXECUTED", "REVERSED"));
        assertThat(flows
                        .payments()
                        .rawEvents("recon.moneyouts", "crowdrecon.moneyout.created.v1", beforeFinalizing, splitOrder)
                        .stream()
                        .flatMap(data -> WireAmounts.of(data, "amount").stream()))
                .as("split parts on recon.moneyouts")
                .containsExactlyInAnyOrder("1099.00", "101.00", "55.00", "5.00");

        // what the portal reads afterwards
        JsonNode read = flows.cashout(campaign, cashoutId);
        WireAmounts.assertWrittenWith(
                ApiClient.text(flows.portal()
                        .get("/campaigns/" + campaign + "/cashouts/" + cashoutId)
                        .expectStatus()
                        .isOk()),
                2,
                "executedCompanyAmount",
                "executedFeeAmount",
                "successFee",
                "amount");
        for (String field : List.of("cashoutId", "campaignId", "currency", "iban", "instructionId")) {
            assertThat(read.get(field).asString())
                    .as(field)
                    .isEqualTo(cashout.get(field).asString());
        }
        // approved since it was answered: the cashout shows its instruction's status
        assertThat(read.get("status").asString()).isEqualTo("CREATED");
        for (String field : List.of("executedCompanyAmount", "executedFeeAmount", "successFee", "amount")) {
            assertThat(read.get(field).decimalValue())
                    .as(field)
                    .isEqualByComparingTo(cashout.get(field).decimalValue());
        }
        JsonNode amount = flows.amount(campaign);
        assertThat(amount.get("currency").asString()).isEqualTo("EUR");
        assertThat(amount.get("executedAmount").decimalValue()).isEqualByComparingTo("2099");
        assertThat(amount.get("collectedAmount").decimalValue()).isEqualByComparingTo("2099");
        assertThat(amount.get("refundedAmount").decimalValue()).isEqualByComparingTo("1101");
        assertThat(amount.get("waitingAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(amount.get("targetAmountMin").decimalValue()).isEqualByComparingTo("2000");
        assertThat(amount.get("targetAmountMax").decimalValue()).isEqualByComparingTo("5000");
        assertThat(amount.get("targetAmountMinReached").asBoolean()).isTrue();
        JsonNode stats = flows.stats();
        assertThat(stats.get("currency").asString()).isEqualTo("EUR");
        assertThat(stats.get("countAccounted").asLong()).isZero();
        assertThat(stats.get("sumAccounted").decimalValue()).isEqualByComparingTo("0");
        assertThat(stats.get("countSplitted").asLong()).isEqualTo(2);
        assertThat(stats.get("sumSplitted").decimalValue()).isEqualByComparingTo("2200");
        assertThat(stats.get("countInvestorsWithAccountedOrSplitted").asLong()).isEqualTo(2);
        assertThat(stats.get("countCampaignsFinalizedSuccess").asLong()).isEqualTo(1);
        assertThat(stats.get("countCampaignsFinalizedFail").asLong()).isZero();
        flows.ops().assertNoBreach();

        // the bank executes the cashout: the cashout carries its instruction's status
        flows.payments()
                .publish(DebitMessages.answer(cashout.get("instructionId").asString(), "EXECUTED", "2057.51"));
        flows.payments().awaitInstructionStatus(cashout.get("instructionId").asString(), "EXECUTED");
        JsonNode paid = flows.cashout(campaign, cashoutId);
        assertThat(paid.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(paid.get("executedDatetime").isNull()).isFalse();
    }

    @Test
    void aSuccessFeeEqualToTheExecutedAmountLeavesACashoutOfZeroWithoutACashoutInstruction() {
        String campaign = flows.openCampaign("1000", "5000", "1000", "0");
        String orderId = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(orderId, "1100", Ibans.randomGerman());
        flows.close(campaign);
        long beforeFinalizing = System.currentTimeMillis();

        JsonNode cashout =
                flows.succeed(campaign, plan(List.of(orderId), List.of())).get("cashout");

        assertThat(cashout.get("successFee").decimalValue()).isEqualByComparingTo("1000");
        assertThat(cashout.get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(cashout.get("executedFeeAmount").decimalValue()).isEqualByComparingTo("100");
        assertThat(cashout.get("instructionId").isNull()).isTrue();
        JsonNode feePayout =
                flows.awaitRequestedInstructions(beforeFinalizing, campaign, 1).get(0);
        assertThat(feePayout.get("type").asString()).isEqualTo("FEE_PAYOUT");
        assertThat(feePayout.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(feePayout.get("creditorIban").asString()).isEqualTo(flows.feeAccountIban());
        assertThat(flows.payments().requestedInstructions(beforeFinalizing, campaign))
                .as("instructions of the campaign")
                .extracting(i -> i.get("type").asString())
                .containsExactly("FEE_PAYOUT");
    }

    @Test
    void finalizingAgainAfterSuccessAnswersTheSameCashoutAndInstructsNothingMore() {
        String campaign = flows.openCampaign();
        String orderId = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(orderId, "1100", Ibans.randomGerman());
        flows.close(campaign);
        long beforeFinalizing = System.currentTimeMillis();
        JsonNode first = flows.succeed(campaign, plan(List.of(orderId), List.of()));
        flows.payments().approve(first.get("cashout").get("instructionId").asString());
        List<JsonNode> instructed = flows.awaitRequestedInstructions(beforeFinalizing, campaign, 2);

        JsonNode again = flows.succeed(campaign, plan(List.of(orderId), List.of()));
        JsonNode withOtherLists = flows.succeed(campaign, plan(List.of(), List.of()));

        for (JsonNode repeat : List.of(again, withOtherLists)) {
            assertThat(repeat.get("status").asString()).isEqualTo("FINALIZED_SUCCESS");
            assertThat(repeat.get("cashoutId").asString())
                    .isEqualTo(first.get("cashoutId").asString());
            assertThat(repeat.get("cashout").get("instructionId").asString())
                    .isEqualTo(first.get("cashout").get("instructionId").asString());
            assertThat(repeat.get("cashout").get("amount").decimalValue())
                    .isEqualByComparingTo(first.get("cashout").get("amount").decimalValue());
        }
        assertThat(flows.status(orderId)).isEqualTo("SPLITTED");
        assertThat(problemCode(flows.finalizeFailure(campaign), 409)).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problemCode(flows.cancel(campaign), 409)).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(flows.campaignStatus(campaign)).isEqualTo("FINALIZED_SUCCESS");
        assertThat(flows.payments().requestedInstructions(beforeFinalizing, campaign))
                .hasSameSizeAs(instructed)
                .hasSize(2);
    }

    @Test
    void finalizingACampaignThatIsNotClosedIsAnIllegalTransitionAndChangesNothing() {
        String created = ApiClient.body(flows.portal()
                        .post("/campaigns", flows.portal().campaignBody())
                        .expectStatus()
                        .isCreated())
                .get("campaignId")
                .asString();
        String open = flows.openCampaign();
        String accounted = flows.order(open, "1000", "100", Ibans.randomGerman());
        String payable = flows.order(open, "1000", "100", Ibans.randomGerman());
        flows.pay(accounted, "1100", Ibans.randomGerman());

        assertThat(problemCode(flows.finalizeSuccess(created, plan(List.of(), List.of())), 409))
                .isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problemCode(flows.finalizeFailure(created), 409)).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problemCode(flows.finalizeSuccess(open, plan(List.of(accounted), List.of())), 409))
                .isEqualTo("ILLEGAL_TRANSITION");
        assertThat(problemCode(flows.finalizeFailure(open), 409)).isEqualTo("ILLEGAL_TRANSITION");

        assertThat(flows.campaignStatus(created)).isEqualTo("CREATED");
        assertThat(flows.campaignStatus(open)).isEqualTo("OPEN");
        assertThat(flows.status(accounted)).isEqualTo("ACCOUNTED");
        assertThat(flows.status(payable)).isEqualTo("CREATED");
        assertThat(flows.moneyouts(accounted))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("AVAILABLE"));
    }

    @Test
    void anotherPortalNeitherSeesTheCashoutNorFinalizesTheCampaign() {
        String campaign = flows.openCampaign();
        String orderId = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(orderId, "1100", Ibans.randomGerman());
        flows.close(campaign);
        String cashoutId = flows.succeed(campaign, plan(List.of(orderId), List.of()))
                .get("cashoutId")
                .asString();
        CampaignFlows other = new CampaignFlows(api, kafka);
        String otherCampaign = other.openCampaign();
        other.close(otherCampaign);

        assertThat(problemCode(other.portal().get("/campaigns/" + campaign + "/cashouts/" + cashoutId), 404))
                .isEqualTo("NOT_FOUND");
        assertThat(problemCode(other.portal().get("/campaigns/" + otherCampaign + "/cashouts/" + cashoutId), 404))
                .isEqualTo("NOT_FOUND");
        assertThat(problemCode(other.finalizeSuccess(campaign, plan(List.of(orderId), List.of())), 404))
                .isEqualTo("NOT_FOUND");
        assertThat(problemCode(other.finalizeFailure(otherCampaign + "X"), 404)).isEqualTo("NOT_FOUND");
        assertThat(problemCode(flows.portal().get("/campaigns/" + campaign + "/cashouts/CO0000000000"), 404))
                .isEqualTo("NOT_FOUND");
        assertThat(flows.cashout(campaign, cashoutId).get("cashoutId").asString())
                .isEqualTo(cashoutId);
    }

    // --- refusals

    @Test
    void listsThatDoNotNameEveryAccountedOrderExactlyOnceAreRefusedAndChangeNothing() {
        String campaign = flows.openCampaign("1500", "2500", "0", "0");
        String a = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String b = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String c = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String payable = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String elsewhere = flows.order(flows.openCampaign(), "1000", "100", Ibans.randomGerman());
        for (String orderId : List.of(a, b, c, elsewhere)) {
            flows.pay(orderId, "1100", Ibans.randomGerman());
        }
        flows.close(campaign);
        long beforeFinalizing = System.currentTimeMillis();

        Map<String, Map<String, Object>> refused = Map.of(
                "an accounted order missing", plan(List.of(a, b), List.of()),
                "an order executed and undone", plan(List.of(a, b), List.of(c, a)),
                "an order listed twice in one list", plan(List.of(a, a, b), List.of(c)),
                "the split order also executed", plan(List.of(a, b, c), List.of(), split(c, "500", "500", "50", "50")),
                "a payable order listed", plan(List.of(a, b), List.of(c, payable)),
                "another campaign's order listed", plan(List.of(a, b, elsewhere), List.of(c)),
                "an unknown order listed", plan(List.of(a, b), List.of(c, "TRX0000000000000098")));
        refused.forEach((what, plan) -> assertThat(problemCode(flows.finalizeSuccess(campaign, plan), 422))
                .as(what)
                .isEqualTo("ACCOUNTED_ORDERS_CHANGED"));
        // ordersToExecute holds at least one order (Fabrick v4), empty or absent alike, even beside a split
        Map<String, Object> noOrdersToExecute = plan(List.of(), List.of(a, b, c));
        noOrdersToExecute.remove("ordersToExecute");
        Map.of(
                        "nothing listed", plan(List.of(), List.of()),
                        "only undone orders", plan(List.of(), List.of(a, b, c)),
                        "only a split", plan(List.of(), List.of(b, c), split(a, "1000", "0", "100", "0")),
                        "ordersToExecute absent", noOrdersToExecute)
                .forEach((what, plan) -> assertThat(problemCode(flows.finalizeSuccess(campaign, plan), 422))
                        .as(what)
                        .isEqualTo("NO_ORDERS_TO_EXECUTE"));

        assertNothingChanged(campaign, List.of(a, b, c), beforeFinalizing);
        assertThat(flows.status(payable)).isEqualTo("CREATED");
        assertThat(flows.status(elsewhere)).isEqualTo("ACCOUNTED");
        // the same campaign still finalizes with lists that name each accounted order once
        JsonNode finalized = flows.succeed(campaign, plan(List.of(a), List.of(b), split(c, "500", "500", "50", "50")));
        assertThat(finalized.get("cashout").get("executedCompanyAmount").decimalValue())
                .isEqualByComparingTo("1500");
        assertThat(flows.status(payable)).isEqualTo("EXPIRED");
        assertThat(flows.status(elsewhere)).isEqualTo("ACCOUNTED");
    }

    @Test
    void splitPartsThatDoNotAddUpAndAnAmountBelowTargetAmountMinAreRefusedAndAboveTargetAmountMaxIsOverfunded() {
        String campaign = flows.openCampaign("1500", "2500", "0", "0");
        String a = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String b = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String c = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        for (String orderId : List.of(a, b, c)) {
            flows.pay(orderId, "1100", Ibans.randomGerman());
        }
        flows.close(campaign);
        long beforeFinalizing = System.currentTimeMillis();

        Map<String, Map<String, Object>> splitMismatches = Map.of(
                "company parts below the orderAmount",
                plan(List.of(a), List.of(b), split(c, "600", "300", "50", "50")),
                "company parts above the orderAmount",
                plan(List.of(a), List.of(b), split(c, "600", "400.01", "50", "50")),
                "fee parts above the feeAmount",
                plan(List.of(a), List.of(b), split(c, "600", "400", "60", "60")),
                "fee parts below the feeAmount",
                plan(List.of(a), List.of(b), split(c, "600", "400", "0", "0")));
        splitMismatches.forEach((what, plan) -> assertThat(problemCode(flows.finalizeSuccess(campaign, plan), 422))
                .as(what)
                .isEqualTo("SPLIT_MISMATCH"));
        assertThat(problemCode(
                        flows.finalizeSuccess(
                                campaign, plan(List.of(a), List.of(b), split(c, "-100", "1100", "50", "50"))),
                        400))
                .as("a negative part")
                .isEqualTo("VALIDATION_FAILED");
        assertThat(problemCode(
                        flows.finalizeSuccess(
                                campaign, plan(List.of(a), List.of(b), split(c, "600.001", "399.999", "50", "50"))),
                        400))
                .as("parts with more than 2 decimals")
                .isEqualTo("VALIDATION_FAILED");
        Map<String, Object> unknownField = plan(List.of(a), List.of(b), split(c, "500", "500", "50", "50"));
        unknownField.put("ordersToPostpone", List.of());
        assertThat(problemCode(flows.finalizeSuccess(campaign, unknownField), 400))
                .as("an unknown field")
                .isNotBlank();
        assertThat(problemCode(flows.finalizeSuccess(campaign, plan(List.of(a), List.of(b, c))), 422))
                .isEqualTo("TARGET_NOT_MET");
        assertThat(problemCode(
                        flows.finalizeSuccess(
                                campaign, plan(List.of(a), List.of(b), split(c, "499.99", "500.01", "50", "50"))),
                        422))
                .as("a cent below targetAmountMin")
                .isEqualTo("TARGET_NOT_MET");

        assertNothingChanged(campaign, List.of(a, b, c), beforeFinalizing);
        // targetAmountMax limits nothing (Fabrick v4): a cent above it finalizes and says overfunded
        JsonNode finalized =
                flows.succeed(campaign, plan(List.of(a, b), List.of(), split(c, "500.01", "499.99", "100", "0")));
        assertThat(finalized.get("status").asString()).isEqualTo("FINALIZED_SUCCESS");
        assertThat(finalized.get("overfunded").asBoolean()).isTrue();
        assertThat(finalized.get("cashout").get("executedCompanyAmount").decimalValue())
                .isEqualByComparingTo("2500.01");
        assertThat(finalized.get("cashout").get("executedFeeAmount").decimalValue())
                .isEqualByComparingTo("300");
        assertThat(flows.payments().refund(c).get("amount").decimalValue()).isEqualByComparingTo("499.99");
        JsonNode amount = flows.amount(campaign);
        assertThat(amount.get("executedAmount").decimalValue()).isEqualByComparingTo("2500.01");
        assertThat(amount.get("overfunded").asBoolean()).isTrue();
    }

    @Test
    void aSuccessFeeLargerThanTheExecutedAmountIsRefusedAndTheCampaignCanStillFail() {
        String campaign = flows.openCampaign("1000", "5000", "1000.01", "0");
        String orderId = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(orderId, "1100", Ibans.randomGerman());
        flows.close(campaign);
        long beforeFinalizing = System.currentTimeMillis();

        assertThat(problemCode(flows.finalizeSuccess(campaign, plan(List.of(orderId), List.of())), 422))
                .isEqualTo("SUCCESS_FEE_EXCEEDS_CASHOUT");

        assertNothingChanged(campaign, List.of(orderId), beforeFinalizing);
        JsonNode failed =
                ApiClient.body(flows.finalizeFailure(campaign).expectStatus().isOk());
        assertThat(failed.get("status").asString()).isEqualTo("FINALIZED_FAIL");
        assertThat(flows.status(orderId)).isEqualTo("REFUNDED");
    }

    /** A refused finalization: campaign CLOSED, orders ACCOUNTED with their moneyouts AVAILABLE, nothing paid out. */
    private void assertNothingChanged(String campaign, List<String> accounted, long since) {
        assertThat(flows.campaignStatus(campaign)).isEqualTo("CLOSED");
        for (String orderId : accounted) {
            assertThat(flows.status(orderId)).as("order %s", orderId).isEqualTo("ACCOUNTED");
            assertThat(flows.moneyouts(orderId))
                    .as("moneyouts of %s", orderId)
                    .hasSize(2)
                    .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("AVAILABLE"));
            flows.portal()
                    .get("/orders/" + orderId + "/payment/refund")
                    .expectStatus()
                    .isNotFound();
        }
        JsonNode amount = flows.amount(campaign);
        assertThat(amount.get("executedAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(amount.get("refundedAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(flows.payments().requestedInstructions(since, campaign)).isEmpty();
        Map<String, Long> instructedPerOrder = accounted.stream().collect(Collectors.toMap(Function.identity(), id ->
                (long) flows.payments().requestedInstructions(since, id).size()));
        assertThat(instructedPerOrder)
                .allSatisfy((id, count) -> assertThat(count).isZero());
    }
}
