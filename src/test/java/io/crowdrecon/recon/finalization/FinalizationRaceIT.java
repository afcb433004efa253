package io.crowdrecon.recon.finalization;

import static io.crowdrecon.recon.testing.CampaignFlows.plan;
import static io.crowdrecon.recon.testing.CampaignFlows.problemCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.CampaignFlows;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md sections 5 and 7: a credit for a payable order and the campaign's finalization race for the order; exactly
 * one wins. A credit that lands first makes the portal's lists stale (422 {@code ACCOUNTED_ORDERS_CHANGED}, nothing
 * changed); a credit that lands after finds its order EXPIRED and is returned.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class FinalizationRaceIT {

    @Fixture
    CampaignFlows flows;

    @Test
    void aCreditLandingAfterThePortalReadItsOrdersMakesItsListsStaleAndARetryListingTheOrderSucceeds() {
        String campaign = flows.openCampaign();
        String paid = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String late = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(paid, "1100", Ibans.randomGerman());
        flows.close(campaign);
        List<String> accounted = flows.accountedOrders(campaign);
        assertThat(accounted).containsExactly(paid);
        String latePayer = Ibans.randomGerman();
        flows.pay(late, "1100", latePayer); // payments for payable orders are still matched while CLOSED
        long beforeFinalizing = System.currentTimeMillis();

        assertThat(problemCode(flows.finalizeSuccess(campaign, plan(accounted, List.of())), 422))
                .isEqualTo("ACCOUNTED_ORDERS_CHANGED");

        assertThat(flows.campaignStatus(campaign)).isEqualTo("CLOSED");
        for (String orderId : List.of(paid, late)) {
            assertThat(flows.status(orderId)).as("order %s", orderId).isEqualTo("ACCOUNTED");
            assertThat(flows.moneyouts(orderId))
                    .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("AVAILABLE"));
        }
        assertThat(flows.payments().requestedInstructions(beforeFinalizing, campaign))
                .isEmpty();
        List<String> fresh = flows.accountedOrders(campaign);
        assertThat(fresh).containsExactlyInAnyOrder(paid, late);

        JsonNode finalized = flows.succeed(campaign, plan(List.of(paid), List.of(late)));

        assertThat(finalized.get("status").asString()).isEqualTo("FINALIZED_SUCCESS");
        assertThat(finalized.get("cashout").get("executedCompanyAmount").decimalValue())
                .isEqualByComparingTo("1000");
        assertThat(flows.status(paid)).isEqualTo("SPLITTED");
        assertThat(flows.status(late)).isEqualTo("REFUNDED");
        JsonNode refund = flows.payments().refund(late);
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(refund.get("iban").asString()).isEqualTo(latePayer);
    }

    @Test
    void aCreditArrivingAfterFinalizationFindsItsOrderExpiredAndIsReturnedToThePayer() {
        String campaign = flows.openCampaign();
        String paid = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String late = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String paidPayer = Ibans.randomGerman();
        flows.pay(paid, "1100", paidPayer);
        flows.close(campaign);
        long beforeFinalizing = System.currentTimeMillis();
        flows.succeed(campaign, plan(List.of(paid), List.of()));
        assertThat(flows.status(late)).isEqualTo("EXPIRED");
        int historyAfterFinalizing = flows.order(late).get("statusHistory").size();
        String latePayer = Ibans.randomGerman();

        JsonNode returned = flows.publishUnidentified(flows.creditFor(late, "1100", latePayer));

        assertThat(returned.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(returned.get("candidateOrderId").asString()).isEqualTo(late);
        assertThat(returned.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(returned.get("payerIban").asString()).isEqualTo(latePayer);
        assertThat(returned.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        JsonNode transferReturn = flows.payments()
                .awaitRequestedInstruction(
                        beforeFinalizing, returned.get("unidentifiedTransferId").asString(), null);
        assertThat(transferReturn.get("type").asString()).isEqualTo("TRANSFER_RETURN");
        assertThat(transferReturn.get("creditorIban").asString()).isEqualTo(latePayer);
        assertThat(transferReturn.get("amount").decimalValue()).isEqualByComparingTo("1100");
        JsonNode order = flows.order(late);
        assertThat(order.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(order.get("statusHistory").size()).isEqualTo(historyAfterFinalizing);
        flows.portal().get("/orders/" + late + "/payment/refund").expectStatus().isNotFound();
        // the executed order's second payment is ALREADY_PAID, returned as well
        JsonNode again = flows.publishUnidentified(flows.creditFor(paid, "1100", paidPayer));
        assertThat(again.get("reason").asString()).isEqualTo("ALREADY_PAID");
        assertThat(flows.status(paid)).isEqualTo("SPLITTED");
    }

    @Test
    void aCreditPublishedWhileTheCampaignIsFinalizedEitherLandsBeforeItOrFindsItsOrderExpired() {
        for (int round = 0; round < 3; round++) {
            String campaign = flows.openCampaign();
            String paid = flows.order(campaign, "1000", "100", Ibans.randomGerman());
            String racing = flows.order(campaign, "1000", "100", Ibans.randomGerman());
            flows.pay(paid, "1100", Ibans.randomGerman());
            flows.close(campaign);
            Credit credit = flows.creditFor(racing, "1100", Ibans.randomGerman());

            flows.payments().publish(credit);
            EntityExchangeResult<JsonNode> result = flows.finalizeSuccess(campaign, plan(List.of(paid), List.of()))
                    .expectBody(JsonNode.class)
                    .returnResult();

            int status = result.getStatus().value();
            assertThat(status).as("round %d", round).isIn(200, 422);
            if (status == 422) {
                // the credit committed first: the lists were stale, nothing changed, a retry listing it succeeds
                assertThat(result.getResponseBody().get("code").asString()).isEqualTo("ACCOUNTED_ORDERS_CHANGED");
                assertThat(flows.campaignStatus(campaign)).isEqualTo("CLOSED");
                assertThat(flows.status(racing)).isEqualTo("ACCOUNTED");
                assertThat(flows.status(paid)).isEqualTo("ACCOUNTED");
                flows.succeed(campaign, plan(List.of(paid, racing), List.of()));
                assertThat(flows.status(racing)).isEqualTo("SPLITTED");
            } else {
                // the finalization committed first: the order expired, the credit is returned
                assertThat(result.getResponseBody().get("status").asString()).isEqualTo("FINALIZED_SUCCESS");
                JsonNode returned = flows.payments().awaitUnidentifiedDescribedAs(CampaignFlows.descriptionOf(credit));
                assertThat(returned.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
                assertThat(returned.get("candidateOrderId").asString()).isEqualTo(racing);
                assertThat(flows.status(racing)).isEqualTo("EXPIRED");
            }
            assertThat(flows.campaignStatus(campaign)).isEqualTo("FINALIZED_SUCCESS");
            flows.ops().assertNoBreach();
        }
    }

    @Test
    void aSuccessAndAFailureRequestedTogetherEndTheCampaignOnceAndTheOtherIsRefused() {
        String campaign = flows.openCampaign();
        String paid = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String payable = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(paid, "1100", Ibans.randomGerman());
        flows.close(campaign);
        long beforeFinalizing = System.currentTimeMillis();

        CompletableFuture<EntityExchangeResult<JsonNode>> success =
                CompletableFuture.supplyAsync(() -> flows.finalizeSuccess(campaign, plan(List.of(paid), List.of()))
                        .expectBody(JsonNode.class)
                        .returnResult());
        CompletableFuture<EntityExchangeResult<JsonNode>> failure = CompletableFuture.supplyAsync(
                () -> flows.finalizeFailure(campaign).expectBody(JsonNode.class).returnResult());

        int successStatus = success.join().getStatus().value();
        int failureStatus = failure.join().getStatus().value();
        assertThat(List.of(successStatus, failureStatus)).containsExactlyInAnyOrder(200, 409);
        JsonNode refused = (successStatus == 409 ? success : failure).join().getResponseBody();
        assertThat(refused.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(flows.status(payable)).isEqualTo("EXPIRED");
        if (successStatus == 200) {
            assertThat(flows.campaignStatus(campaign)).isEqualTo("FINALIZED_SUCCESS");
            assertThat(flows.status(paid)).isEqualTo("SPLITTED");
            flows.portal()
                    .get("/orders/" + paid + "/payment/refund")
                    .expectStatus()
                    .isNotFound();
        } else {
            assertThat(flows.campaignStatus(campaign)).isEqualTo("FINALIZED_FAIL");
            assertThat(flows.status(paid)).isEqualTo("REFUNDED");
            assertThat(flows.amount(campaign).get("executedAmount").decimalValue())
                    .isEqualByComparingTo("0");
            assertThat(flows.payments().requestedInstructions(beforeFinalizing, campaign))
                    .isEmpty();
        }
    }

    @Test
    void twoSuccessRequestsTogetherCreateOneCashoutAndOneFeePayout() {
        String campaign = flows.openCampaign("1000", "5000", "5", "1");
        String paid = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(paid, "1100", Ibans.randomGerman());
        flows.close(campaign);
        long beforeFinalizing = System.currentTimeMillis();

        List<CompletableFuture<JsonNode>> requests = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> flows.succeed(campaign, plan(List.of(paid), List.of()))))
                .toList();

        List<String> cashoutIds = requests.stream()
                .map(CompletableFuture::join)
                .map(body -> body.get("cashoutId").asString())
                .distinct()
                .toList();
        assertThat(cashoutIds).hasSize(1);
        JsonNode cashout = flows.cashout(campaign, cashoutIds.get(0));
        assertThat(cashout.get("successFee").decimalValue()).isEqualByComparingTo("15");
        assertThat(cashout.get("amount").decimalValue()).isEqualByComparingTo("985");
        flows.payments().approve(cashout.get("instructionId").asString());
        flows.awaitRequestedInstructions(beforeFinalizing, campaign, 2);
        assertThat(flows.payments().requestedInstructions(beforeFinalizing, campaign))
                .extracting(i -> i.get("type").asString() + " "
                        + i.get("amount").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("CASHOUT 985", "FEE_PAYOUT 115");
        assertThat(flows.moneyouts(paid))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("EXECUTED"));
    }

    @Test
    void aCreditPublishedWhileTheCampaignIsCancelledEitherPaysTheOrderFirstOrIsReturned() {
        for (int round = 0; round < 3; round++) {
            String campaign = flows.openCampaign();
            String racing = flows.order(campaign, "1000", "100", Ibans.randomGerman());
            Credit credit = flows.creditFor(racing, "1100", Ibans.randomGerman());

            flows.payments().publish(credit);
            EntityExchangeResult<JsonNode> result =
                    flows.cancel(campaign).expectBody(JsonNode.class).returnResult();

            int status = result.getStatus().value();
            assertThat(status).as("round %d", round).isIn(200, 409);
            if (status == 409) {
                // the credit committed first: a campaign with an accounted order ends only by finalization
                assertThat(result.getResponseBody().get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
                assertThat(flows.campaignStatus(campaign)).isEqualTo("OPEN");
                assertThat(flows.status(racing)).isEqualTo("ACCOUNTED");
                flows.close(campaign);
                flows.finalizeFailure(campaign).expectStatus().isOk();
                assertThat(flows.status(racing)).isEqualTo("REFUNDED");
            } else {
                assertThat(result.getResponseBody().get("status").asString()).isEqualTo("CANCELLED");
                JsonNode returned = flows.payments().awaitUnidentifiedDescribedAs(CampaignFlows.descriptionOf(credit));
                assertThat(returned.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
                assertThat(flows.status(racing)).isEqualTo("EXPIRED");
            }
            flows.ops().assertNoBreach();
        }
    }
}
