package io.crowdrecon.recon.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.CardFlows;
import io.crowdrecon.recon.testing.CardGateway.Delivery;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md sections 4 to 6: a card order authorised, captured and accounted by the gateway's notifications, delivered
 * on {@code recon.card-notifications} and through the portal's signed webhook, in order and out of order.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class CardPaymentsIT {

    @Fixture
    CardFlows flows;

    // --- in order

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void anAuthorisationMakesTheOrderWaitingAndItsCaptureAccountsItWithACardMoneyin(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification authorisation = CardMessages.authorisation(orderId);

        flows.deliver(delivery, authorisation);

        JsonNode waiting = flows.awaitStatus(orderId, "WAITING");
        assertThat(lastTransition(waiting).get("previousStatus").asString()).isEqualTo("CREATED");
        assertThat(flows.payment(orderId).get("moneyin").isNull()).isTrue();

        CardNotification capture = CardMessages.capture(orderId).pspReference(authorisation.pspReference());
        flows.deliver(delivery, capture);

        JsonNode accounted = flows.awaitStatus(orderId, "ACCOUNTED");
        assertThat(lastTransition(accounted).get("previousStatus").asString()).isEqualTo("WAITING");
        JsonNode moneyin = flows.payment(orderId).get("moneyin");
        assertThat(moneyin.get("moneyinId").asString()).startsWith("MI");
        assertThat(moneyin.get("channel").asString()).isEqualTo("CREDIT_CARD");
        assertThat(moneyin.get("pspReference").asString()).isEqualTo(capture.pspReference());
        assertThat(moneyin.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(moneyin.get("currency").asString()).isEqualTo("EUR");
        assertThat(moneyin.get("status").asString()).isEqualTo("RECEIVED");
        List<JsonNode> moneyouts = flows.moneyouts(orderId);
        assertThat(moneyouts)
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("AVAILABLE"));
        assertThat(amountOf(moneyouts, "COMPANY")).isEqualByComparingTo("1000");
        assertThat(amountOf(moneyouts, "FEE")).isEqualByComparingTo("100");
        assertThat(flows.unidentified("candidateOrderId=" + orderId)).isEmpty();
        assertThat(flows.reviewsOfOrder("CHANNEL_MISMATCH", orderId)).isEmpty();
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aFailedAuthorisationFailsTheOrderAndALaterCaptureIsReturnedOnItsPspReference(Delivery delivery) {
        String orderId = flows.newCardOrder();

        flows.deliver(
                delivery, CardMessages.authorisation(orderId).success(false).reason("REFUSED"));

        JsonNode failed = flows.awaitStatus(orderId, "FAILED");
        assertThat(lastTransition(failed).get("previousStatus").asString()).isEqualTo("CREATED");
        long beforeCapturing = System.currentTimeMillis();
        CardNotification capture = CardMessages.capture(orderId);

        flows.deliver(delivery, capture);

        JsonNode transfer = flows.awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(transfer.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(transfer.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(transfer.get("currency").asString()).isEqualTo("EUR");
        String transferId = transfer.get("unidentifiedTransferId").asString();
        JsonNode returned = flows.awaitRequestedInstruction(beforeCapturing, transferId, data -> true);
        assertThat(returned.get("type").asString()).isEqualTo("CARD_REFUND");
        assertThat(returned.get("channel").asString()).isEqualTo("CREDIT_CARD");
        assertThat(returned.get("pspReference").asString()).isEqualTo(capture.pspReference());
        assertThat(returned.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(returned.get("currency").asString()).isEqualTo("EUR");
        assertThat(returned.get("creditorIban").isNull()).isTrue();
        assertThat(returned.get("unidentifiedTransferId").asString()).isEqualTo(transferId);
        assertThat(flows.status(orderId)).isEqualTo("FAILED");
        assertThat(flows.payment(orderId).get("moneyin").isNull()).isTrue();
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aFailedAuthorisationOfAWaitingOrderFailsIt(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification authorised = CardMessages.authorisation(orderId);
        flows.deliver(delivery, authorised);
        flows.awaitStatus(orderId, "WAITING");

        flows.deliver(
                delivery,
                CardMessages.authorisation(orderId)
                        .pspReference(authorised.pspReference())
                        .success(false)
                        .reason("CANCELLED_BY_ISSUER"));

        JsonNode failed = flows.awaitStatus(orderId, "FAILED");
        assertThat(lastTransition(failed).get("previousStatus").asString()).isEqualTo("WAITING");
        assertThat(lastTransition(failed).get("reason").asString()).isNotBlank();
    }

    // --- out of order, repeated, failed

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aCaptureArrivingBeforeItsAuthorisationAccountsTheOrderAndTheLateAuthorisationChangesNothing(
            Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = CardMessages.capture(orderId);
        CardNotification authorisation = CardMessages.authorisation(orderId).pspReference(capture.pspReference());

        flows.deliver(delivery, capture);
        flows.deliver(delivery, authorisation);
        flows.awaitNotificationsBefore(delivery, orderId);

        assertThat(flows.status(orderId)).isEqualTo("ACCOUNTED");
        assertThat(flows.transitionsTo(orderId, "WAITING")).isEmpty();
        assertThat(flows.transitionsTo(orderId, "ACCOUNTED"))
                .singleElement()
                .satisfies(t -> assertThat(t.get("previousStatus").asString()).isEqualTo("CREATED"));
        assertThat(flows.moneyoutStatuses(orderId)).containsExactlyInAnyOrder("AVAILABLE", "AVAILABLE");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aFailedAuthorisationArrivingAfterTheCaptureLeavesTheOrderAccounted(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);

        flows.deliver(
                delivery,
                CardMessages.authorisation(orderId)
                        .pspReference(capture.pspReference())
                        .success(false)
                        .reason("REFUSED"));
        flows.awaitNotificationsBefore(delivery, orderId);

        assertThat(flows.status(orderId)).isEqualTo("ACCOUNTED");
        assertThat(flows.transitionsTo(orderId, "FAILED")).isEmpty();
        assertThat(flows.moneyoutStatuses(orderId)).containsExactlyInAnyOrder("AVAILABLE", "AVAILABLE");
        assertThat(flows.payment(orderId).get("moneyin").get("status").asString())
                .isEqualTo("RECEIVED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aNotificationDeliveredTwiceIsAppliedOnce(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification authorisation = CardMessages.authorisation(orderId);
        CardNotification capture = CardMessages.capture(orderId).pspReference(authorisation.pspReference());
        long credits = flows.ops().count("credits", "EUR");

        flows.deliver(delivery, authorisation);
        flows.deliver(delivery, authorisation);
        flows.deliver(delivery, capture);
        flows.deliver(delivery, capture);
        flows.awaitNotificationsBefore(delivery, orderId);

        assertThat(flows.status(orderId)).isEqualTo("ACCOUNTED");
        assertThat(flows.transitionsTo(orderId, "WAITING")).hasSize(1);
        assertThat(flows.transitionsTo(orderId, "ACCOUNTED")).hasSize(1);
        assertThat(flows.moneyouts(orderId)).hasSize(2);
        assertThat(flows.unidentified("candidateOrderId=" + orderId))
                .as("the repeated capture is not returned as ALREADY_PAID")
                .isEmpty();
        assertThat(flows.ops().count("credits", "EUR")).isEqualTo(credits + 1);
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aCaptureThatDidNotSucceedChangesNothing(Delivery delivery) {
        String orderId = flows.newCardOrder();
        long credits = flows.ops().count("credits", "EUR");

        flows.deliver(delivery, CardMessages.capture(orderId).success(false).reason("DECLINED"));
        flows.awaitNotificationsBefore(delivery, orderId);

        assertThat(flows.status(orderId)).isEqualTo("CREATED");
        assertThat(flows.order(orderId).get("statusHistory")).hasSize(1);
        assertThat(flows.payment(orderId).get("moneyin").isNull()).isTrue();
        assertThat(flows.moneyouts(orderId)).isEmpty();
        assertThat(flows.unidentified("candidateOrderId=" + orderId)).isEmpty();
        assertThat(flows.ops().count("credits", "EUR")).isEqualTo(credits);

        flows.pay(delivery, orderId);
    }

    private static JsonNode lastTransition(JsonNode order) {
        JsonNode history = order.get("statusHistory");
        return history.get(history.size() - 1);
    }

    private static BigDecimal amountOf(List<JsonNode> moneyouts, String type) {
        return moneyouts.stream()
                .filter(m -> type.equals(m.get("type").asString()))
                .map(m -> m.get("amount").decimalValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " moneyout in " + moneyouts));
    }
}
