package io.crowdrecon.recon.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CardFlows;
import io.crowdrecon.recon.testing.CardGateway;
import io.crowdrecon.recon.testing.CardGateway.Delivery;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md section 7, {@code POST /sandbox/card-notifications}: a portal in test mode publishes what its card gateway
 * would, through the same path as production, and only about its own orders.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class CardSandboxIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    CardGateway gateway;

    @Fixture
    CardFlows flows;

    @Test
    void theSandboxPublishesWhatTheGatewayWouldAndPaysThePortalsOrder() {
        String orderId = flows.newCardOrder();

        JsonNode authorised = ApiClient.body(flows.portal()
                .post(
                        "/sandbox/card-notifications",
                        Map.of("eventCode", "AUTHORISATION", "orderId", orderId, "amount", 1100))
                .expectStatus()
                .isAccepted());

        assertThat(authorised.get("topic").asString()).isEqualTo(CardMessages.TOPIC);
        JsonNode message = authorised.get("message");
        assertThat(message.get("eventCode").asString()).isEqualTo("AUTHORISATION");
        assertThat(message.get("success").asBoolean()).isTrue();
        assertThat(message.get("orderId").asString()).isEqualTo(orderId);
        assertThat(message.get("currency").asString()).isEqualTo("EUR");
        assertThat(message.get("notificationId").asString()).isNotBlank();
        assertThat(message.get("pspReference").asString()).isNotBlank();
        flows.awaitStatus(orderId, "WAITING");

        JsonNode captured = ApiClient.body(flows.portal()
                .post("/sandbox/card-notifications", Map.of("eventCode", "CAPTURE", "orderId", orderId, "amount", 1100))
                .expectStatus()
                .isAccepted());

        flows.awaitStatus(orderId, "ACCOUNTED");
        JsonNode moneyin = flows.payment(orderId).get("moneyin");
        assertThat(moneyin.get("channel").asString()).isEqualTo("CREDIT_CARD");
        assertThat(moneyin.get("pspReference").asString())
                .isEqualTo(captured.get("message").get("pspReference").asString());
    }

    @Test
    void theSandboxCannotPayFailOrChargeBackAnotherPortalsOrder() {
        CardFlows victim = new CardFlows(api, gateway, kafka);
        String created = victim.newCardOrder();
        String paid = victim.newCardOrder();
        CardNotification capture = victim.pay(Delivery.WEBHOOK, paid);

        for (Map<String, Object> notification : List.<Map<String, Object>>of(
                Map.of("eventCode", "AUTHORISATION", "success", false, "orderId", created, "amount", 1100),
                Map.of("eventCode", "CAPTURE", "orderId", created, "amount", 1100),
                Map.of(
                        "eventCode",
                        "CHARGEBACK",
                        "orderId",
                        paid,
                        "amount",
                        1100,
                        "pspReference",
                        capture.pspReference()))) {
            flows.portal()
                    .post("/sandbox/card-notifications", notification)
                    .expectStatus()
                    .value(status -> assertThat(status).as("sandbox answer").isIn(202, 404));
        }
        victim.awaitNotificationsBefore(Delivery.WEBHOOK, created);
        victim.awaitNotificationsBefore(Delivery.WEBHOOK, paid);

        assertSoftly(softly -> {
            softly.assertThat(victim.status(created))
                    .as("the other portal's unpaid order")
                    .isEqualTo("CREATED");
            softly.assertThat(victim.payment(created).get("moneyin").isNull())
                    .as("no moneyin on the other portal's unpaid order")
                    .isTrue();
            softly.assertThat(victim.status(paid))
                    .as("the other portal's paid order")
                    .isEqualTo("ACCOUNTED");
            softly.assertThat(victim.moneyoutStatuses(paid))
                    .as("moneyouts of the other portal's paid order")
                    .hasSize(2)
                    .containsOnly("AVAILABLE");
            softly.assertThat(victim.reviewsOfOrder("CHARGEBACK", paid))
                    .as("chargebacks opened on the other portal's paid order")
                    .isEmpty();
        });
    }
}
