package io.crowdrecon.recon.finalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CampaignFlows;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.SecondInstance;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md sections 4 and 5: an order can be paid during its payment window (restarting at WAITING); once it has passed
 * the expiry job makes the order EXPIRED ({@code PAYMENT_WINDOW_PASSED}), and a credit received after the window ends
 * is {@code ORDER_NOT_PAYABLE} whether or not the job has run.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class PaymentWindowExpiryIT {

    @Fixture
    private static TestKafka kafka;

    @Autowired
    WebTestClient web;

    CampaignFlows flows;

    @Test
    void theExpiryJobExpiresOrdersWhoseWindowPassedAndLeavesTheOthersPayable() {
        try (SecondInstance shortWindows =
                SecondInstance.start(Map.of("recon.payment-window", "2s", "recon.expiry-period", "1s"))) {
            flows = new CampaignFlows(new ApiClient(shortWindows.web()), kafka);
            String campaign = flows.openCampaign();
            JsonNode created = orderThrough(flows.portal().api(), campaign);
            JsonNode waiting = orderThrough(flows.portal().api(), campaign);
            JsonNode waited = ApiClient.body(flows.portal()
                    .put("/orders/" + waiting.get("orderId").asString() + "/waiting")
                    .expectStatus()
                    .isOk());
            // an order placed through an instance with the default window of 10 days
            JsonNode longWindow = orderThrough(new ApiClient(web), campaign);

            assertThat(instant(created, "paymentWindowEndsDatetime"))
                    .isEqualTo(instant(created, "createdDatetime").plusSeconds(2));
            JsonNode waitingStep = flows.payments()
                    .transitionsTo(waiting.get("orderId").asString(), "WAITING")
                    .get(0);
            assertThat(instant(waited, "paymentWindowEndsDatetime"))
                    .as("the window restarts at WAITING")
                    .isEqualTo(Instant.parse(waitingStep.get("at").asString()).plusSeconds(2));
            assertThat(instant(longWindow, "paymentWindowEndsDatetime"))
                    .isAfter(Instant.now().plus(Duration.ofDays(9)));

            for (JsonNode order : List.of(created, waiting)) {
                String orderId = order.get("orderId").asString();
                await().atMost(PaymentFlows.DECIDED)
                        .pollInterval(PaymentFlows.POLL)
                        .untilAsserted(() -> assertThat(flows.status(orderId))
                                .as("status of %s", orderId)
                                .isEqualTo("EXPIRED"));
                JsonNode last = flows.lastTransition(orderId);
                assertThat(last.get("reason").asString()).isEqualTo(OrderReasons.PAYMENT_WINDOW_PASSED);
                assertThat(Instant.parse(last.get("at").asString()))
                        .isAfter(instant(flows.order(orderId), "paymentWindowEndsDatetime"));
            }
            assertThat(flows.lastTransition(waiting.get("orderId").asString())
                            .get("previousStatus")
                            .asString())
                    .isEqualTo("WAITING");
            String longWindowId = longWindow.get("orderId").asString();
            assertThat(flows.status(longWindowId))
                    .as("an order within its window")
                    .isEqualTo("CREATED");

            String latePayer = Ibans.randomGerman();
            JsonNode late = flows.publishUnidentified(
                    flows.creditFor(created.get("orderId").asString(), "1100", latePayer));
            assertThat(late.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
            assertThat(late.get("candidateOrderId").asString())
                    .isEqualTo(created.get("orderId").asString());
            assertThat(late.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
            assertThat(flows.status(created.get("orderId").asString())).isEqualTo("EXPIRED");
            flows.pay(longWindowId, "1100", Ibans.randomGerman());
            assertThat(flows.status(longWindowId)).isEqualTo("ACCOUNTED");
        }
    }

    @Test
    void aCreditReceivedAfterTheWindowEndedIsNotPayableEvenBeforeTheJobExpiresTheOrder() {
        flows = new CampaignFlows(new ApiClient(web), kafka);
        String campaign = flows.openCampaign();
        JsonNode order = orderThrough(flows.portal().api(), campaign);
        String orderId = order.get("orderId").asString();
        Instant windowEnds = instant(order, "paymentWindowEndsDatetime");
        assertThat(windowEnds).isAfter(Instant.now().plus(Duration.ofDays(9)));
        String payer = Ibans.randomGerman();

        JsonNode tooLate = flows.publishUnidentified(flows.creditFor(orderId, "1100", payer)
                .with("receivedDatetime", windowEnds.plusSeconds(1).toString()));

        assertThat(tooLate.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(tooLate.get("candidateOrderId").asString()).isEqualTo(orderId);
        assertThat(tooLate.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(tooLate.get("payerIban").asString()).isEqualTo(payer);
        JsonNode unchanged = flows.order(orderId);
        assertThat(unchanged.get("status").asString())
                .as("the order never changes")
                .isEqualTo("CREATED");
        assertThat(unchanged.get("statusHistory").size()).isEqualTo(1);
        // the same payment received within the window pays the order
        flows.pay(orderId, "1100", payer);
        assertThat(flows.payments().payment(orderId).get("moneyin").isNull()).isFalse();
    }

    /** A 1000 + 100 order placed through the instance {@code api} talks to, with the flows' portal key. */
    private JsonNode orderThrough(ApiClient api, String campaign) {
        return ApiClient.body(api.post(
                        flows.portal().apiKey(),
                        "/api/v1/orders",
                        flows.orderBody(campaign, flows.investor(), "1000", "100", Ibans.randomGerman()))
                .expectStatus()
                .isCreated());
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asString());
    }
}
