package io.crowdrecon.recon.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CardFlows;
import io.crowdrecon.recon.testing.CardGateway.Delivery;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md sections 4 to 6: a card-paid order is refunded on the pspReference of its capture, and the gateway's REFUND
 * notifications answer our card instructions as a bank's DEBITs answer transfers.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class CardRefundsIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    CardFlows flows;

    @ParameterizedTest(name = "paid through {0}")
    @EnumSource(Delivery.class)
    void cancellingACardPaidOrderRefundsItsTotalOnThePspReferenceOfItsCapture(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        long beforeCancelling = System.currentTimeMillis();

        JsonNode cancelled = ApiClient.body(flows.cancel(orderId).expectStatus().isOk());

        assertThat(cancelled.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(flows.moneyoutStatuses(orderId)).containsExactly("REVERSED", "REVERSED");
        JsonNode refund = flows.refund(orderId);
        assertThat(refund.get("refundId").asString()).startsWith("MB");
        assertThat(refund.get("channel").asString()).isEqualTo("CREDIT_CARD");
        assertThat(refund.get("pspReference").asString()).isEqualTo(capture.pspReference());
        assertThat(refund.get("iban").isNull()).isTrue();
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(refund.get("currency").asString()).isEqualTo("EUR");
        assertThat(refund.get("status").asString()).isEqualTo("CREATED");
        String instructionId = refund.get("instructionId").asString();
        JsonNode instruction = flows.instruction(instructionId);
        assertThat(instruction.get("type").asString()).isEqualTo("REFUND");
        assertThat(instruction.get("channel").asString()).isEqualTo("CREDIT_CARD");
        assertThat(instruction.get("status").asString()).isEqualTo("CREATED");
        assertThat(instruction.get("pspReference").asString()).isEqualTo(capture.pspReference());
        assertThat(instruction.get("creditorIban").isNull()).isTrue();
        JsonNode requested = flows.awaitRequestedInstruction(
                beforeCancelling,
                orderId,
                data -> instructionId.equals(data.get("instructionId").asString()));
        assertThat(requested.get("type").asString()).isEqualTo("REFUND");
        assertThat(requested.get("channel").asString()).isEqualTo("CREDIT_CARD");
        assertThat(requested.get("pspReference").asString()).isEqualTo(capture.pspReference());
        assertThat(requested.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(requested.get("orderId").asString()).isEqualTo(orderId);
        assertThat(requested.get("portalId").asString())
                .isEqualTo(flows.portal().portalId());
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aSuccessfulRefundNotificationExecutesTheRefundItNamesOnce(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();
        CardNotification confirmation = CardMessages.refund(orderId, instructionId, capture.pspReference());

        flows.deliver(delivery, confirmation);
        flows.deliver(delivery, confirmation);

        JsonNode refund = flows.awaitRefundStatus(orderId, "EXECUTED");
        assertThat(refund.get("executedDatetime").isNull()).isFalse();
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("EXECUTED");
        flows.awaitNotificationsBefore(delivery, orderId);
        assertThat(flows.unexpectedDebits(confirmation.notificationId())).isEmpty();
        assertThat(flows.reviewsOfOrder("UNEXPECTED_DEBIT", orderId)).isEmpty();
        assertThat(flows.status(orderId)).isEqualTo("REFUNDED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aRefundFailureContradictingAnExecutedRefundChangesNothingAndOpensUnexpectedDebit(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();
        flows.deliver(delivery, CardMessages.refund(orderId, instructionId, capture.pspReference()));
        flows.awaitRefundStatus(orderId, "EXECUTED");
        CardNotification contradiction = CardMessages.refund(orderId, instructionId, capture.pspReference())
                .success(false)
                .reason("CARD_EXPIRED");

        flows.deliver(delivery, contradiction);

        flows.awaitUnexpectedDebit(contradiction.notificationId());
        assertThat(flows.refund(orderId).get("status").asString()).isEqualTo("EXECUTED");
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("EXECUTED");
        assertThat(flows.ops().reviewItemsAbout("INSTRUCTION_FAILED", instructionId))
                .isEmpty();
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aRefundNotificationWithoutInstructionIdConfirmsTheOpenRefundOnItsPspReference(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();

        flows.deliver(delivery, CardMessages.refund(orderId, null, capture.pspReference()));

        flows.awaitRefundStatus(orderId, "EXECUTED");
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("EXECUTED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aFailedRefundNotificationFailsTheRefundAndOpensInstructionFailed(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();

        flows.deliver(
                delivery,
                CardMessages.refund(orderId, instructionId, capture.pspReference())
                        .success(false)
                        .reason("CARD_EXPIRED"));

        JsonNode refund = flows.awaitRefundStatus(orderId, "FAILED");
        assertThat(refund.get("instructionId").asString()).isEqualTo(instructionId);
        JsonNode instruction = flows.instruction(instructionId);
        assertThat(instruction.get("status").asString()).isEqualTo("FAILED");
        assertThat(instruction.get("failureReason").asString()).isEqualTo("CARD_EXPIRED");
        JsonNode failed = flows.awaitReview("INSTRUCTION_FAILED", instructionId);
        assertThat(failed.get("status").asString()).isEqualTo("OPEN");
        assertThat(failed.get("orderId").asString()).isEqualTo(orderId);
        assertThat(flows.status(orderId)).isEqualTo("REFUNDED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aFailedCardRefundReissuedByOpsGoesBackOnThePspReferenceAndTheRefundFollowsIt(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.cancel(orderId).expectStatus().isOk();
        String failedId = flows.refund(orderId).get("instructionId").asString();
        flows.deliver(
                delivery,
                CardMessages.refund(orderId, failedId, capture.pspReference())
                        .success(false)
                        .reason("ISSUER_UNAVAILABLE"));
        flows.awaitRefundStatus(orderId, "FAILED");
        long beforeReissuing = System.currentTimeMillis();

        JsonNode reissued =
                ApiClient.body(flows.reissue(failedId, null).expectStatus().isOk());

        String reissuedId = reissued.get("instructionId").asString();
        assertThat(reissuedId).isNotEqualTo(failedId);
        assertThat(reissued.get("type").asString()).isEqualTo("REFUND");
        assertThat(reissued.get("channel").asString()).isEqualTo("CREDIT_CARD");
        assertThat(reissued.get("pspReference").asString()).isEqualTo(capture.pspReference());
        assertThat(reissued.get("reissueOf").asString()).isEqualTo(failedId);
        assertThat(reissued.get("status").asString()).isEqualTo("CREATED");
        JsonNode refund = flows.refund(orderId);
        assertThat(refund.get("instructionId").asString()).isEqualTo(reissuedId);
        assertThat(refund.get("status").asString()).isEqualTo("CREATED");
        assertThat(refund.get("pspReference").asString()).isEqualTo(capture.pspReference());
        flows.awaitRequestedInstruction(
                beforeReissuing,
                orderId,
                data -> reissuedId.equals(data.get("instructionId").asString()));

        flows.deliver(delivery, CardMessages.refund(orderId, reissuedId, capture.pspReference()));

        flows.awaitRefundStatus(orderId, "EXECUTED");
        assertThat(flows.instruction(failedId).get("status").asString()).isEqualTo("FAILED");
    }

    @ParameterizedTest(name = "paid through {0}")
    @EnumSource(Delivery.class)
    void aFailedCardRefundReissuedToAnIbanIsPaidByTransferAndTheRefundShowsIt(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.cancel(orderId).expectStatus().isOk();
        String failedId = flows.refund(orderId).get("instructionId").asString();
        flows.deliver(
                delivery,
                CardMessages.refund(orderId, failedId, capture.pspReference())
                        .success(false)
                        .reason("CARD_CLOSED"));
        flows.awaitRefundStatus(orderId, "FAILED");
        String iban = Ibans.randomGerman();

        JsonNode reissued =
                ApiClient.body(flows.reissue(failedId, iban).expectStatus().isOk());

        String reissuedId = reissued.get("instructionId").asString();
        assertThat(reissued.get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        assertThat(reissued.get("creditorIban").asString()).isEqualTo(iban);
        JsonNode refund = flows.refund(orderId);
        assertThat(refund.get("instructionId").asString()).isEqualTo(reissuedId);
        assertThat(refund.get("status").asString()).isEqualTo("CREATED");
        assertThat(refund.get("iban").asString()).isEqualTo(iban);

        kafka.send(
                Credits.TOPIC,
                "DEBIT-" + reissuedId,
                DebitMessages.answer(reissuedId, "EXECUTED", "1100").json());

        flows.awaitRefundStatus(orderId, "EXECUTED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aRefundNotificationForAnInstructionThatIsNotOursChangesNothingAndOpensUnexpectedDebit(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();
        CardNotification stranger = CardMessages.refund(orderId, "PI0000000000000000", capture.pspReference());

        flows.deliver(delivery, stranger);

        JsonNode unexpected = flows.awaitUnexpectedDebit(stranger.notificationId());
        assertThat(unexpected.get("status").asString()).isEqualTo("OPEN");
        assertThat(unexpected.get("detail").asString()).contains("PI0000000000000000");
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("CREATED");
        assertThat(flows.refund(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aRefundNotificationOfAnotherAmountChangesNothingAndOpensUnexpectedDebit(Delivery delivery) {
        String orderId = flows.newCardOrder();
        CardNotification capture = flows.pay(delivery, orderId);
        flows.cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();
        CardNotification partial = CardMessages.refund(orderId, instructionId, capture.pspReference())
                .amount("100.00");

        flows.deliver(delivery, partial);

        flows.awaitUnexpectedDebit(partial.notificationId());
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("CREATED");
        assertThat(flows.refund(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void aRefundNotificationCannotAnswerARefundSentByBankTransfer(Delivery delivery) {
        String orderId = flows.newTransferOrder(Ibans.randomGerman());
        Credit credit = Credits.to(flows.portal().collectionIban())
                .description("Subscription " + orderId)
                .payerIban(Ibans.randomGerman());
        kafka.send(Credits.TOPIC, credit.notificationId(), credit.json());
        flows.awaitStatus(orderId, "ACCOUNTED");
        flows.cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();
        assertThat(flows.instruction(instructionId).get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        CardNotification confusion = CardMessages.refund(orderId, instructionId, null);

        flows.deliver(delivery, confusion);

        flows.awaitUnexpectedDebit(confusion.notificationId());
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("CREATED");
        assertThat(flows.refund(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @ParameterizedTest(name = "through {0}")
    @EnumSource(Delivery.class)
    void theGatewayConfirmingTheCardRefundOfAnUnknownOrdersCaptureReturnsTheTransfer(Delivery delivery) {
        String unknown = CardMessages.unknownOrderId();
        CardNotification capture = CardMessages.capture(unknown);
        long beforeCapturing = System.currentTimeMillis();
        flows.deliver(delivery, capture);
        JsonNode transfer = flows.awaitUnidentifiedForOpsNaming(unknown);
        String transferId = transfer.get("unidentifiedTransferId").asString();
        String instructionId = flows.awaitRequestedInstruction(beforeCapturing, transferId, data -> true)
                .get("instructionId")
                .asString();

        flows.deliver(delivery, CardMessages.refund(unknown, instructionId, capture.pspReference()));

        flows.awaitInstructionStatus(instructionId, "EXECUTED");
        JsonNode returned =
                flows.unidentifiedForOps("candidateOrderId=" + unknown).get(0);
        assertThat(returned.get("returnStatus").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("returnedDatetime").isNull()).isFalse();
    }
}
