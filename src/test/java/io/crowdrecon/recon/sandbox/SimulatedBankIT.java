package io.crowdrecon.recon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.OwnInstance;
import io.crowdrecon.recon.testing.OwnServers;
import io.crowdrecon.recon.testing.TestPortal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md section 7: the simulated bank of the embedded default reads {@code recon.payment-instructions} as a bank
 * adapter would and confirms each instruction on its channel: a {@code MONEY_TRANSFER} one with a bank DEBIT, a
 * {@code CREDIT_CARD} one with the gateway's REFUND notification. Runs on servers of its own, since the simulated bank
 * would confirm every other test's instructions too.
 */
class SimulatedBankIT {

    private static final Duration CONFIRMED = Duration.ofSeconds(60);

    private OwnServers servers;
    private OwnInstance service;

    @BeforeEach
    void startAServiceWhoseBankConfirmsEverything() {
        servers = OwnServers.start();
        Map<String, Object> properties = new HashMap<>(servers.springProperties());
        properties.put("recon.sandbox.auto-confirm", true);
        properties.put("recon.sandbox.auto-confirm-delay", "100ms");
        service = OwnInstance.start(properties);
    }

    @AfterEach
    void stopThemInReverse() {
        try {
            if (service != null) {
                service.close();
            }
        } finally {
            if (servers != null) {
                servers.close();
            }
        }
    }

    @Test
    void confirmsABankRefundWithADebitAndACardRefundWithTheGatewaysRefundNotification() {
        ApiClient api = service.api();
        await().atMost(CONFIRMED).until(service::consumersAssigned);
        TestPortal portal = api.newPortal();
        String campaign = portal.openCampaign();
        String investor = portal.investor();

        String transferOrder = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
        portal.post(
                        "/sandbox/bank-transfers",
                        Map.of(
                                "amount",
                                1100,
                                "description",
                                "Subscription " + transferOrder,
                                "payerIban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isAccepted();
        awaitStatus(portal, transferOrder, "ACCOUNTED");
        portal.put("/orders/" + transferOrder + "/cancelled").expectStatus().isOk();

        Map<String, Object> cardBody = portal.orderBody(campaign, investor, null);
        cardBody.remove("investorAccount");
        cardBody.put("channel", "CREDIT_CARD");
        String cardOrder = ApiClient.body(
                        portal.post("/orders", cardBody).expectStatus().isCreated())
                .get("orderId")
                .asString();
        portal.post("/sandbox/card-notifications", Map.of("eventCode", "CAPTURE", "orderId", cardOrder, "amount", 1100))
                .expectStatus()
                .isAccepted();
        awaitStatus(portal, cardOrder, "ACCOUNTED");
        portal.put("/orders/" + cardOrder + "/cancelled").expectStatus().isOk();

        assertThat(awaitRefundExecuted(portal, transferOrder).get("channel").asString())
                .isEqualTo("MONEY_TRANSFER");
        assertThat(awaitRefundExecuted(portal, cardOrder).get("channel").asString())
                .isEqualTo("CREDIT_CARD");
        assertThat(new OpsView(api)
                        .reviewItems("kind=UNEXPECTED_DEBIT")
                        .get("total")
                        .asLong())
                .as("debits the service did not expect")
                .isZero();
    }

    private static void awaitStatus(TestPortal portal, String orderId, String status) {
        await().atMost(CONFIRMED).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(ApiClient.body(
                                portal.get("/orders/" + orderId).expectStatus().isOk())
                        .get("status")
                        .asString())
                .isEqualTo(status));
    }

    private static JsonNode awaitRefundExecuted(TestPortal portal, String orderId) {
        await().atMost(CONFIRMED).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                        refund(portal, orderId).get("status").asString())
                .as("refund of %s", orderId)
                .isEqualTo("EXECUTED"));
        return refund(portal, orderId);
    }

    private static JsonNode refund(TestPortal portal, String orderId) {
        return ApiClient.body(portal.get("/orders/" + orderId + "/payment/refund")
                .expectStatus()
                .isOk());
    }
}
