package io.crowdrecon.recon.finalization;

import static io.crowdrecon.recon.testing.CampaignFlows.plan;
import static io.crowdrecon.recon.testing.CampaignFlows.problemCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CampaignFlows;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23, items 1 and 4: a finalization asked before the funds clear either refuses ({@code FUNDS_NOT_CLEARED}) or
 * waits ({@code executeWhenCleared}: 202, FINALIZING) until the clearing job finds them cleared and builds the cashout;
 * a recall meanwhile cancels it back to CLOSED with a review item; an order in its reflection period is not executed.
 * The portal's clearing settings are set per test; "the funds clear" is the portal's clearing period set back to 0,
 * which the job reads at its next run. The job is run here by hand ({@link FinalizeCampaign#finalizeCleared()}).
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class FinalizationWhenClearedIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    CampaignFlows flows;

    @Autowired
    FinalizeCampaign finalize;

    @Test
    void aFinalizationBeforeTheFundsClearRefusesOrWaitsAsAskedAndTheJobBuildsTheCashoutOnceTheyClear() {
        settings("PT0S", 2);
        String campaign = flows.openCampaign("1000", "5000", "0", "0");
        String first = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String second = flows.order(campaign, flows.otherInvestor(), "500", "50", Ibans.randomGerman());
        flows.pay(first, "1100.00", Ibans.randomGerman());
        flows.pay(second, "550.00", Ibans.randomGerman());
        flows.close(campaign);
        JsonNode amount = flows.amount(campaign);
        assertThat(amount.get("collected").decimalValue()).isEqualByComparingTo("1500");
        assertThat(amount.get("collectedTotal").decimalValue()).isEqualByComparingTo("1650");
        assertThat(amount.get("cleared").decimalValue()).isEqualByComparingTo("0");
        assertThat(amount.get("refundable").decimalValue()).isEqualByComparingTo("1650");
        assertThat(amount.get("minimumReached").asBoolean()).isTrue();

        JsonNode refused = ApiClient.body(flows.finalizeSuccess(campaign, plan(List.of(first, second), List.of()))
                .expectStatus()
                .isEqualTo(422));
        assertThat(refused.get("code").asString()).isEqualTo("FUNDS_NOT_CLEARED");
        assertThat(refused.get("orders").valueStream().map(o -> o.get("orderId").asString()))
                .containsExactly(first, second);
        Instant clearsAt = Instant.parse(refused.get("clearsAt").asString());
        assertThat(clearsAt).isAfter(Instant.now());
        assertThat(refused.get("orders").get(0).get("clearsAt").asString()).isNotBlank();
        assertThat(flows.campaignStatus(campaign)).isEqualTo("CLOSED");

        Map<String, Object> waiting = waiting(plan(List.of(first, second), List.of()));
        JsonNode accepted = ApiClient.body(
                flows.finalizeSuccess(campaign, waiting).expectStatus().isAccepted());
        assertThat(accepted.get("status").asString()).isEqualTo("FINALIZING");
        assertThat(accepted.get("cashout").isNull()).isTrue();
        assertThat(Instant.parse(accepted.get("clearsAt").asString())).isEqualTo(clearsAt);
        // asked again: the same answer, nothing changes
        assertThat(ApiClient.body(flows.finalizeSuccess(campaign, waiting)
                                .expectStatus()
                                .isAccepted())
                        .get("status")
                        .asString())
                .isEqualTo("FINALIZING");
        // the job leaves it waiting while the money has not cleared
        finalize.finalizeCleared().block();
        assertThat(flows.campaignStatus(campaign)).isEqualTo("FINALIZING");
        assertThat(flows.status(first)).isEqualTo("ACCOUNTED");

        settings("PT0S", 0);
        finalize.finalizeCleared().block();

        assertThat(flows.campaignStatus(campaign)).isEqualTo("FINALIZED_SUCCESS");
        assertThat(flows.status(first)).isEqualTo("SPLITTED");
        assertThat(flows.status(second)).isEqualTo("SPLITTED");
        JsonNode done = flows.amount(campaign);
        assertThat(done.get("executedAmount").decimalValue()).isEqualByComparingTo("1500");
        assertThat(done.get("cleared").decimalValue()).isEqualByComparingTo("1500");
        assertThat(done.get("refundable").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aRecallWhileTheFinalizationWaitsCancelsItBackToClosedWithAReviewItem() {
        settings("PT0S", 2);
        String campaign = flows.openCampaign("1000", "5000", "0", "0");
        String kept = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String recalled = flows.order(campaign, flows.otherInvestor(), "500", "50", Ibans.randomGerman());
        flows.pay(kept, "1100.00", Ibans.randomGerman());
        Credit credit = flows.pay(recalled, "550.00", Ibans.randomGerman());
        flows.close(campaign);
        flows.finalizeSuccess(campaign, waiting(plan(List.of(kept, recalled), List.of())))
                .expectStatus()
                .isAccepted();

        flows.payments().publish(DebitMessages.recall(credit.notificationId(), "550.00"));
        flows.awaitStatus(recalled, "WAITING");
        settings("PT0S", 0);
        finalize.finalizeCleared().block();

        assertThat(flows.campaignStatus(campaign)).isEqualTo("CLOSED");
        assertThat(flows.status(kept)).isEqualTo("ACCOUNTED");
        assertThat(flows.ops().reviewItemsAbout("FINALIZATION_CANCELLED", campaign))
                .singleElement()
                .satisfies(item -> assertThat(item.get("detail").asString()).contains("recalled"));
        // the portal finalizes anew, with what is accounted now
        JsonNode finalized = flows.succeed(campaign, plan(List.of(kept), List.of()));
        assertThat(finalized.get("status").asString()).isEqualTo("FINALIZED_SUCCESS");
    }

    @Test
    void anOrderInItsReflectionPeriodIsNotExecutedAndTheAnswerSaysWhenItEnds() {
        settings("P4D", 0);
        String campaign = flows.openCampaign("1000", "5000", "0", "0");
        String order = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(order, "1100.00", Ibans.randomGerman());
        flows.close(campaign);
        JsonNode amount = flows.amount(campaign);
        assertThat(amount.get("inReflectionPeriod").decimalValue()).isEqualByComparingTo("1000");
        assertThat(amount.get("cleared").decimalValue()).isEqualByComparingTo("1000");

        JsonNode refused = ApiClient.body(flows.finalizeSuccess(campaign, waiting(plan(List.of(order), List.of())))
                .expectStatus()
                .isEqualTo(422));

        assertThat(refused.get("code").asString()).isEqualTo("REFLECTION_PERIOD_OPEN");
        JsonNode listed = refused.get("orders").get(0);
        assertThat(listed.get("orderId").asString()).isEqualTo(order);
        assertThat(listed.get("reflectionPeriodEndsAt").asString())
                .isEqualTo(flows.order(order).get("reflectionPeriodEndsAt").asString());
        assertThat(flows.campaignStatus(campaign)).isEqualTo("CLOSED");
        // undoing it is not refused for its reflection period (only because a success must execute an order)
        assertThat(problemCode(flows.finalizeSuccess(campaign, plan(List.of(), List.of(order))), 422))
                .isEqualTo("NO_ORDERS_TO_EXECUTE");
        assertThat(ApiClient.body(flows.finalizeFailure(campaign).expectStatus().isOk())
                        .get("status")
                        .asString())
                .isEqualTo("FINALIZED_FAIL");
        assertThat(flows.status(order)).isEqualTo("REFUNDED");
    }

    @Test
    void aWaitingFinalizationMayBeGivenUpWithAFailure() {
        settings("PT0S", 2);
        String campaign = flows.openCampaign("1000", "5000", "0", "0");
        String order = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        flows.pay(order, "1100.00", Ibans.randomGerman());
        flows.close(campaign);
        flows.finalizeSuccess(campaign, waiting(plan(List.of(order), List.of())))
                .expectStatus()
                .isAccepted();

        JsonNode failed =
                ApiClient.body(flows.finalizeFailure(campaign).expectStatus().isOk());

        assertThat(failed.get("status").asString()).isEqualTo("FINALIZED_FAIL");
        assertThat(flows.status(order)).isEqualTo("REFUNDED");
        settings("PT0S", 0);
        finalize.finalizeCleared().block();
        assertThat(flows.campaignStatus(campaign)).isEqualTo("FINALIZED_FAIL");
    }

    private static Map<String, Object> waiting(Map<String, Object> plan) {
        Map<String, Object> body = new LinkedHashMap<>(plan);
        body.put("executeWhenCleared", true);
        return body;
    }

    private void settings(String reflectionPeriod, int clearingBusinessDays) {
        api.put(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals/" + flows.portal().portalId() + "/settings",
                        Map.of(
                                "reflectionPeriod",
                                reflectionPeriod,
                                "clearingBusinessDays",
                                clearingBusinessDays,
                                "cardClearingPeriod",
                                "PT0S"))
                .expectStatus()
                .isOk();
    }
}
