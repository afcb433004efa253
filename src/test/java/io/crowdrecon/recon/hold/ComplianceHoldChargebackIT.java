package io.crowdrecon.recon.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.HoldId;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CardFlows;
import io.crowdrecon.recon.testing.CardGateway.Delivery;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23 item 3 with the other holds on money: a chargeback and a compliance hold each keep an order's moneyouts
 * HELD until both let go; a refusal waits for the chargeback; a portal's cancellation refunds a compliance-held order;
 * and {@link ActiveHolds} answers the holds on each order, on it or on its investor.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class ComplianceHoldChargebackIT {

    private static final String HOLDS = "/api/v1/ops/holds";

    @Fixture
    ApiClient api;

    @Fixture
    CardFlows flows;

    @Autowired
    ActiveHolds activeHolds;

    @Test
    void aChargebackAndAComplianceHoldEachKeepTheMoneyHeldUntilBothLetGo() {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(Delivery.WEBHOOK, orderId);
        flows.deliver(Delivery.WEBHOOK, CardMessages.chargeback(orderId, capture.pspReference()));
        flows.awaitMoneyouts(orderId, "HELD");
        String chargeback = flows.awaitReviewsOfOrder("CHARGEBACK", orderId, 1)
                .get(0)
                .get("reviewItemId")
                .asString();
        String holdId = place(Map.of("orderId", orderId, "reason", "AML review"));

        // The chargeback may not have left the money here: a refusal would refund what is gone.
        JsonNode refused = ApiClient.body(api.put(ApiClient.OPS_KEY, HOLDS + "/" + holdId + "/refused", null)
                .expectStatus()
                .isEqualTo(409));
        assertThat(refused.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(refused.get("orders").valueStream().map(o -> o.get("orderId").asString()))
                .containsExactly(orderId);
        assertThat(hold(holdId).get("status").asString()).isEqualTo("ACTIVE");

        flows.resolve(chargeback, Map.of("note", "Dispute won", "action", "RELEASE"))
                .expectStatus()
                .isOk();
        assertThat(flows.moneyoutStatuses(orderId)).as("the hold keeps it").containsOnly("HELD");

        api.put(ApiClient.OPS_KEY, HOLDS + "/" + holdId + "/released", null)
                .expectStatus()
                .isOk();
        assertThat(flows.moneyoutStatuses(orderId)).hasSize(2).containsOnly("AVAILABLE");
        assertThat(flows.status(orderId)).isEqualTo("ACCOUNTED");
    }

    @Test
    void releasingAHoldLeavesTheMoneyOfAnOpenChargebackHeld() {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(Delivery.KAFKA, orderId);
        String holdId = place(Map.of("orderId", orderId, "reason", "AML review"));
        assertThat(flows.moneyoutStatuses(orderId)).containsOnly("HELD");
        flows.deliver(Delivery.KAFKA, CardMessages.chargeback(orderId, capture.pspReference()));
        String chargeback = flows.awaitReviewsOfOrder("CHARGEBACK", orderId, 1)
                .get(0)
                .get("reviewItemId")
                .asString();

        api.put(ApiClient.OPS_KEY, HOLDS + "/" + holdId + "/released", null)
                .expectStatus()
                .isOk();

        assertThat(flows.moneyoutStatuses(orderId))
                .as("the chargeback keeps it")
                .containsOnly("HELD");
        flows.resolve(chargeback, Map.of("note", "Dispute won", "action", "RELEASE"))
                .expectStatus()
                .isOk();
        assertThat(flows.moneyoutStatuses(orderId)).containsOnly("AVAILABLE");
    }

    @Test
    void aPortalCancellingACompliancHeldOrderRefundsItInFull() {
        String orderId = flows.newCardOrder();
        flows.pay(Delivery.WEBHOOK, orderId);
        place(Map.of("investorId", flows.order(orderId).get("investorId").asString(), "reason", "AML review"));
        assertThat(flows.moneyoutStatuses(orderId)).containsOnly("HELD");

        flows.cancel(orderId).expectStatus().isOk();

        assertThat(flows.status(orderId)).isEqualTo("REFUNDED");
        assertThat(flows.moneyoutStatuses(orderId)).hasSize(2).containsOnly("REVERSED");
        assertThat(flows.refund(orderId).get("amount").decimalValue()).isEqualByComparingTo("1100");
    }

    @Test
    void activeHoldsAnswersTheHoldsOnEachOrderOrItsInvestorAndForgetsAnEndedOne() {
        String held = flows.newCardOrder();
        String sibling = flows.newCardOrder();
        String investorId = flows.order(held).get("investorId").asString();
        TheOther other = new TheOther(api.newPortal());
        String onOrder = place(Map.of("orderId", held, "reason", "AML review"));
        String onInvestor = place(Map.of("investorId", investorId, "reason", "Sanctions list hit"));

        Map<OrderId, List<HoldId>> answered = activeHolds
                .onOrders(List.of(OrderId.of(held), OrderId.of(sibling), OrderId.of(other.orderId())))
                .block(Duration.ofSeconds(10));

        assertThat(answered)
                .containsOnlyKeys(OrderId.of(held), OrderId.of(sibling))
                .containsEntry(OrderId.of(sibling), List.of(HoldId.of(onInvestor)));
        assertThat(answered.get(OrderId.of(held))).containsExactlyInAnyOrder(HoldId.of(onOrder), HoldId.of(onInvestor));

        api.put(ApiClient.OPS_KEY, HOLDS + "/" + onInvestor + "/released", null)
                .expectStatus()
                .isOk();

        assertThat(activeHolds
                        .onOrders(List.of(OrderId.of(held), OrderId.of(sibling)))
                        .block(Duration.ofSeconds(10)))
                .containsOnlyKeys(OrderId.of(held));
        assertThat(activeHolds.onOrders(List.of()).block(Duration.ofSeconds(10)))
                .isEmpty();
    }

    /** Another portal's order, which no hold of this test reaches. */
    private record TheOther(String orderId) {
        TheOther(io.crowdrecon.recon.testing.TestPortal portal) {
            this(portal.order(
                            portal.openCampaign(), portal.investor(), io.crowdrecon.recon.testing.Ibans.randomGerman())
                    .get("orderId")
                    .asString());
        }
    }

    private String place(Map<String, String> body) {
        return ApiClient.body(
                        api.post(ApiClient.OPS_KEY, HOLDS, body).expectStatus().isCreated())
                .get("holdId")
                .asString();
    }

    private JsonNode hold(String holdId) {
        return ApiClient.body(
                api.get(ApiClient.OPS_KEY, HOLDS + "/" + holdId).expectStatus().isOk());
    }
}
