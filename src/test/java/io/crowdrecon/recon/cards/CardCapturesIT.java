package io.crowdrecon.recon.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.CardFlows;
import io.crowdrecon.recon.testing.CardGateway.Delivery;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md section 5 for card captures: a capture that pays no order is an unidentified transfer returned as a
 * {@code CARD_REFUND} on its pspReference; a capture paying an order of the other channel (and a transfer paying a
 * card order) still matches and opens {@code CHANNEL_MISMATCH}.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class CardCapturesIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    CardFlows flows;

    // --- captures paying no order

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aCaptureForAnUnknownOrderIsReturnedAsACardRefundOnItsPspReference(Delivery delivery) {
        String unknown = CardMessages.unknownOrderId();
        CardNotification capture = CardMessages.capture(unknown).amount("250.50");
        long beforeCapturing = System.currentTimeMillis();

        flows.deliver(delivery, capture);

        JsonNode transfer = flows.awaitUnidentifiedForOpsNaming(unknown);
        assertThat(transfer.get("unidentifiedTransferId").asString()).startsWith("UTR");
        assertThat(transfer.get("reason").asString()).isEqualTo("UNKNOWN_ORDER");
        assertThat(transfer.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(transfer.get("amount").decimalValue()).isEqualByComparingTo("250.50");
        assertThat(transfer.get("currency").asString()).isEqualTo("EUR");
        String transferId = transfer.get("unidentifiedTransferId").asString();
        JsonNode returned = flows.awaitRequestedInstruction(beforeCapturing, transferId, data -> true);
        assertThat(returned.get("instructionId").asString()).startsWith("PI");
        assertThat(returned.get("type").asString()).isEqualTo("CARD_REFUND");
        assertThat(returned.get("channel").asString()).isEqualTo("CREDIT_CARD");
        assertThat(returned.get("pspReference").asString()).isEqualTo(capture.pspReference());
        assertThat(returned.get("amount").decimalValue()).isEqualByComparingTo("250.50");
        assertThat(returned.get("currency").asString()).isEqualTo("EUR");
        assertThat(returned.get("unidentifiedTransferId").asString()).isEqualTo(transferId);
        List<JsonNode> listedForThePortal = flows.unidentified("candidateOrderId=" + unknown);
        if (delivery == Delivery.WEBHOOK) {
            assertThat(listedForThePortal)
                    .as("the portal whose webhook reported it sees it")
                    .singleElement()
                    .satisfies(t -> assertThat(t.get("unidentifiedTransferId").asString())
                            .isEqualTo(transferId));
            assertThat(returned.get("portalId").asString())
                    .isEqualTo(flows.portal().portalId());
        } else {
            assertThat(listedForThePortal)
                    .as("a gateway record naming no known order belongs to no portal")
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aCaptureNamingNoValidOrderIdIsAnUnknownOrderReturnedOnItsPspReference(Delivery delivery) {
        CardNotification capture = CardMessages.capture("ORDER-42");
        long beforeCapturing = System.currentTimeMillis();

        flows.deliver(delivery, capture);

        JsonNode returned = flows.awaitRequestedInstructionOn(beforeCapturing, capture.pspReference());
        assertThat(returned.get("type").asString()).isEqualTo("CARD_REFUND");
        assertThat(returned.get("amount").decimalValue()).isEqualByComparingTo("1100");
        String transferId = returned.get("unidentifiedTransferId").asString();
        JsonNode transfer = flows.unidentifiedForOps("reason=UNKNOWN_ORDER").stream()
                .filter(t -> transferId.equals(t.get("unidentifiedTransferId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no UNKNOWN_ORDER transfer " + transferId));
        assertThat(transfer.get("candidateOrderId").isNull()).isTrue();
        assertThat(transfer.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        if (delivery == Delivery.WEBHOOK) {
            assertThat(flows.unidentified("reason=UNKNOWN_ORDER"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.get("unidentifiedTransferId").asString())
                            .isEqualTo(transferId));
        }
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aCaptureOfTheWrongAmountIsReturnedAndTheOrderWaitsForTheRightOne(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification wrong = CardMessages.capture(orderId).amount("1000.00");
        long beforeCapturing = System.currentTimeMillis();

        flows.deliver(delivery, wrong);

        JsonNode incorrect = flows.awaitStatus(orderId, "INCORRECT_AMOUNT");
        assertThat(incorrect.get("statusHistory").get(1).get("previousStatus").asString())
                .isEqualTo("CREATED");
        JsonNode transfer = flows.awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(transfer.get("amount").decimalValue()).isEqualByComparingTo("1000");
        JsonNode returned = flows.awaitRequestedInstruction(
                beforeCapturing, transfer.get("unidentifiedTransferId").asString(), data -> true);
        assertThat(returned.get("type").asString()).isEqualTo("CARD_REFUND");
        assertThat(returned.get("pspReference").asString()).isEqualTo(wrong.pspReference());
        assertThat(returned.get("amount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(flows.payment(orderId).get("moneyin").isNull()).isTrue();

        flows.deliver(delivery, CardMessages.authorisation(orderId));
        flows.awaitStatus(orderId, "WAITING");
        CardNotification right = flows.pay(delivery, orderId);

        assertThat(flows.payment(orderId).get("moneyin").get("pspReference").asString())
                .isEqualTo(right.pspReference());
        assertThat(flows.unidentified("candidateOrderId=" + orderId)).hasSize(1);
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aCaptureInAnotherCurrencyIsReturnedInItsOwnCurrency(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification yen = CardMessages.capture(orderId).amount("1100").with("currency", "JPY");
        long beforeCapturing = System.currentTimeMillis();

        flows.deliver(delivery, yen);

        JsonNode transfer = flows.awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(transfer.get("currency").asString()).isEqualTo("JPY");
        JsonNode returned = flows.awaitRequestedInstruction(
                beforeCapturing, transfer.get("unidentifiedTransferId").asString(), data -> true);
        assertThat(returned.get("type").asString()).isEqualTo("CARD_REFUND");
        assertThat(returned.get("currency").asString()).isEqualTo("JPY");
        assertThat(returned.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(flows.status(orderId)).isEqualTo("CREATED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aSecondCaptureForAPaidOrderIsReturnedAsAlreadyPaid(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification first = flows.pay(delivery, orderId);
        CardNotification second = CardMessages.capture(orderId);
        long beforeCapturing = System.currentTimeMillis();

        flows.deliver(delivery, second);

        JsonNode transfer = flows.awaitUnidentifiedNaming(orderId);
        assertThat(transfer.get("reason").asString()).isEqualTo("ALREADY_PAID");
        JsonNode returned = flows.awaitRequestedInstruction(
                beforeCapturing, transfer.get("unidentifiedTransferId").asString(), data -> true);
        assertThat(returned.get("type").asString()).isEqualTo("CARD_REFUND");
        assertThat(returned.get("pspReference").asString()).isEqualTo(second.pspReference());
        assertThat(flows.payment(orderId).get("moneyin").get("pspReference").asString())
                .isEqualTo(first.pspReference());
        assertThat(flows.status(orderId)).isEqualTo("ACCOUNTED");
    }

    // --- the other channel

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aCaptureForAMoneyTransferOrderMatchesAndOpensChannelMismatch(Delivery delivery) {
        String orderId = flows.newTransferOrder(Ibans.randomGerman());

        CardNotification capture = flows.pay(delivery, orderId);

        JsonNode mismatch =
                flows.awaitReviewsOfOrder("CHANNEL_MISMATCH", orderId, 1).get(0);
        assertThat(mismatch.get("status").asString()).isEqualTo("OPEN");
        assertThat(mismatch.get("subjectId").asString()).isEqualTo(capture.notificationId());
        assertThat(mismatch.get("portalId").asString()).isEqualTo(flows.portal().portalId());
        assertThat(mismatch.get("detail").asString()).isEqualTo("A MONEY_TRANSFER order paid by CREDIT_CARD");
        assertThat(flows.payment(orderId).get("moneyin").get("channel").asString())
                .isEqualTo("CREDIT_CARD");
        assertThat(flows.moneyouts(orderId)).hasSize(2);
    }

    @Test
    void aBankTransferPayingACreditCardOrderMatchesAndOpensChannelMismatch() {
        String orderId = flows.newCardOrder();
        String payerIban = Ibans.randomGerman();
        Credit credit = Credits.to(flows.portal().collectionIban())
                .description("Subscription " + orderId)
                .payerIban(payerIban);

        kafka.send(Credits.TOPIC, credit.notificationId(), credit.json());

        flows.awaitStatus(orderId, "ACCOUNTED");
        JsonNode mismatch =
                flows.awaitReviewsOfOrder("CHANNEL_MISMATCH", orderId, 1).get(0);
        assertThat(mismatch.get("subjectId").asString()).isEqualTo(credit.notificationId());
        assertThat(mismatch.get("detail").asString()).isEqualTo("A CREDIT_CARD order paid by MONEY_TRANSFER");
        JsonNode moneyin = flows.payment(orderId).get("moneyin");
        assertThat(moneyin.get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        assertThat(moneyin.get("payerIban").asString()).isEqualTo(payerIban);
        assertThat(flows.reviewsOfOrder("PAYER_MISMATCH", orderId))
                .as("a card order names no investor account to compare the payer with")
                .isEmpty();
    }
}
