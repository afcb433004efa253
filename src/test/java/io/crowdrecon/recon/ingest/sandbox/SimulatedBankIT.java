package io.crowdrecon.recon.ingest.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFeed;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.OwnInstance;
import io.crowdrecon.recon.testing.OwnServers;
import io.crowdrecon.recon.testing.TestPortal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC.md section 7: the simulated bank of the embedded default reads {@code recon.payment-instructions} as a bank
 * adapter would and confirms each instruction on its channel: a {@code MONEY_TRANSFER} one with a bank DEBIT, a
 * {@code CREDIT_CARD} one with the gateway's REFUND notification. Runs on servers of its own, since the simulated bank
 * would confirm every other test's instructions too.
 */
class SimulatedBankIT {

    private static final Duration CONFIRMED = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

        JsonNode transferRefund = awaitRefundExecuted(portal, transferOrder);
        JsonNode cardRefund = awaitRefundExecuted(portal, cardOrder);
        assertThat(transferRefund.get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        assertThat(cardRefund.get("channel").asString()).isEqualTo("CREDIT_CARD");
        try (BankFeed kafka = new BankFeed(servers.bootstrapServers())) {
            assertThat(instructionsAnswered(kafka, "recon.bank-notifications"))
                    .as("instructions the bank answered with a DEBIT")
                    .contains(transferRefund.get("instructionId").asString())
                    .doesNotContain(cardRefund.get("instructionId").asString());
            assertThat(instructionsAnswered(kafka, "recon.card-notifications"))
                    .as("instructions the gateway answered with a REFUND notification")
                    .containsExactly(cardRefund.get("instructionId").asString());
        }
        assertThat(new OpsView(api)
                        .reviewItems("kind=UNEXPECTED_DEBIT")
                        .get("total")
                        .asLong())
                .as("debits the service did not expect")
                .isZero();
    }

    /** The instructionId of every notification on {@code topic} that names one. */
    private static List<String> instructionsAnswered(BankFeed kafka, String topic) {
        return kafka.readAll(topic).stream()
                .map(record -> JSON.readTree(record.value()).path("instructionId"))
                .filter(JsonNode::isString)
                .map(JsonNode::asString)
                .toList();
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
