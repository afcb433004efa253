package io.crowdrecon.recon.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.DebitMessages.Debit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import io.crowdrecon.recon.testing.WireAmounts;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md sections 4 and 6: cancelling orders (a paid one is refunded to whoever paid it, in the request), and the
 * bank's DEBITs answering our instructions, through the API and {@code recon.bank-notifications}.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class RefundsAndDebitsIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    String investorIban = Ibans.randomGerman();
    String payerIban = Ibans.randomGerman();

    // --- cancelling a paid order

    @Test
    void cancellingAnAccountedOrderRefundsItsWholeTotalToThePayerOfTheCreditWithinTheRequest() {
        String orderId = flows.newOrder(investorIban);
        flows.pay(orderId, payerIban);
        long beforeCancelling = System.currentTimeMillis();

        JsonNode cancelled = ApiClient.body(cancel(orderId).expectStatus().isOk());

        assertThat(cancelled.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode last = lastTransition(cancelled);
        assertThat(last.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(last.get("previousStatus").asString()).isEqualTo("ACCOUNTED");
        assertThat(flows.moneyouts(orderId))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("REVERSED"));
        String moneyoutsAsWritten = ApiClient.text(flows.portal()
                .get("/orders/" + orderId + "/payment/moneyouts")
                .expectStatus()
                .isOk());
        assertThat(WireAmounts.of(moneyoutsAsWritten, "amount")).containsExactlyInAnyOrder("1000.00", "100.00");
        assertThat(WireAmounts.of(moneyoutsAsWritten, "cashoutAvailableAmount")).containsExactly("0.00", "0.00");
        JsonNode refund = flows.refund(orderId);
        assertThat(refund.get("refundId").asString()).startsWith("MB");
        assertThat(refund.get("orderId").asString()).isEqualTo(orderId);
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(refund.get("currency").asString()).isEqualTo("EUR");
        assertThat(refund.get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        assertThat(refund.get("iban").asString()).isEqualTo(payerIban).isNotEqualTo(investorIban);
        assertThat(refund.get("status").asString()).isEqualTo("CREATED");
        assertThat(refund.get("instructionId").asString()).startsWith("PI");
        assertThat(refund.get("executedDatetime").isNull()).isTrue();
        JsonNode payment = flows.payment(orderId);
        assertThat(payment.get("refund").get("refundId").asString())
                .isEqualTo(refund.get("refundId").asString());
        assertThat(payment.get("moneyin").get("status").asString()).isEqualTo("RECEIVED");
        assertThat(payment.get("moneyin").get("channel").asString()).isEqualTo("MONEY_TRANSFER");

        String instructionId = refund.get("instructionId").asString();
        JsonNode requested = flows.awaitRequestedInstruction(beforeCancelling, orderId, instructionId);
        assertThat(requested.get("type").asString()).isEqualTo("REFUND");
        assertThat(requested.get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        assertThat(requested.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(requested.get("currency").asString()).isEqualTo("EUR");
        assertThat(requested.get("creditorIban").asString()).isEqualTo(payerIban);
        assertThat(requested.get("orderId").asString()).isEqualTo(orderId);
        assertThat(requested.get("portalId").asString())
                .isEqualTo(flows.portal().portalId());
        JsonNode instruction = flows.instruction(instructionId);
        assertThat(instruction.get("type").asString()).isEqualTo("REFUND");
        assertThat(instruction.get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        assertThat(instruction.get("status").asString()).isEqualTo("CREATED");
        assertThat(instruction.get("creditorIban").asString()).isEqualTo(payerIban);
        JsonNode announced = flows.awaitEvent(
                "recon.order-events",
                "crowdrecon.order.status-changed.v1",
                beforeCancelling,
                orderId,
                data -> "REFUNDED".equals(data.get("status").asString()));
        assertThat(announced.get("previousStatus").asString()).isEqualTo("ACCOUNTED");
        assertThat(
                        flows
                                .events(
                                        "recon.moneyouts",
                                        "crowdrecon.moneyout.status-changed.v1",
                                        beforeCancelling,
                                        orderId)
                                .stream()
                                .map(data -> data.get("status").asString()))
                .containsExactly("REVERSED", "REVERSED");
    }

    @Test
    void cancellingARefundedOrderAgainAnswers200AndChangesNothing() {
        String orderId = flows.newOrder(investorIban);
        flows.pay(orderId, payerIban);
        long beforeCancelling = System.currentTimeMillis();
        JsonNode first = ApiClient.body(cancel(orderId).expectStatus().isOk());
        JsonNode refund = flows.refund(orderId);

        JsonNode again = ApiClient.body(cancel(orderId).expectStatus().isOk());

        assertThat(again.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(again.get("statusHistory").size())
                .isEqualTo(first.get("statusHistory").size());
        assertThat(flows.refund(orderId).get("refundId").asString())
                .isEqualTo(refund.get("refundId").asString());
        assertThat(flows.moneyouts(orderId)).hasSize(2);
        flows.awaitRequestedInstruction(
                beforeCancelling, orderId, refund.get("instructionId").asString());
        assertThat(flows.requestedInstructions(beforeCancelling, orderId))
                .as("instructions requested for the order")
                .singleElement()
                .satisfies(data -> assertThat(data.get("instructionId").asString())
                        .isEqualTo(refund.get("instructionId").asString()));
    }

    @Test
    void theBanksExecutionOfTheRefundMakesItExecutedAndALaterContradictoryFailureChangesNothing() {
        String orderId = flows.newOrder(investorIban);
        flows.pay(orderId, payerIban);
        cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();

        flows.publish(DebitMessages.answer(instructionId, "EXECUTED", "1100.00"));

        JsonNode executed = flows.awaitRefundStatus(orderId, "EXECUTED");
        assertThat(executed.get("executedDatetime").isNull()).isFalse();
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("EXECUTED");

        Debit contradiction =
                DebitMessages.answer(instructionId, "FAILED", "1100").reason("ACCOUNT_CLOSED");
        flows.publish(contradiction);

        JsonNode unexpected = flows.awaitReview("UNEXPECTED_DEBIT", contradiction.notificationId());
        assertThat(unexpected.get("status").asString()).isEqualTo("OPEN");
        assertThat(unexpected.get("orderId").asString()).isEqualTo(orderId);
        JsonNode instruction = flows.instruction(instructionId);
        assertThat(instruction.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(instruction.get("failureReason").isNull()).isTrue();
        assertThat(flows.refund(orderId).get("status").asString()).isEqualTo("EXECUTED");
        assertThat(flows.ops().reviewItemsAbout("INSTRUCTION_FAILED", instructionId))
                .isEmpty();
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("REFUNDED");
    }

    // --- cancelling an order not paid yet

    @Test
    void cancellingAnOrderNotPaidYetCancelsItWithoutARefund() {
        String created = flows.newOrder(investorIban);
        String waiting = flows.newOrder(investorIban);
        flows.portal().put("/orders/" + waiting + "/waiting").expectStatus().isOk();
        String incorrect = flows.newOrder(investorIban);
        flows.publish(flows.creditFor(incorrect, payerIban).amount("1000.00"));
        flows.awaitStatus(incorrect, "INCORRECT_AMOUNT");

        for (String orderId : List.of(created, waiting, incorrect)) {
            String before = flows.order(orderId).get("status").asString();
            JsonNode cancelled = ApiClient.body(cancel(orderId).expectStatus().isOk());

            assertThat(cancelled.get("status").asString())
                    .as("order %s", orderId)
                    .isEqualTo("CANCELLED");
            JsonNode last = lastTransition(cancelled);
            assertThat(last.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(last.get("previousStatus").asString()).isEqualTo(before);
            flows.portal()
                    .get("/orders/" + orderId + "/payment/refund")
                    .expectStatus()
                    .isNotFound();
            assertThat(flows.moneyouts(orderId)).isEmpty();
        }
    }

    @Test
    void aCreditForACancelledOrderIsNotPayableAndIsReturnedToItsPayer() {
        String orderId = flows.newOrder(investorIban);
        cancel(orderId).expectStatus().isOk();
        long beforePaying = System.currentTimeMillis();

        flows.publish(flows.creditFor(orderId, payerIban));

        JsonNode transfer = await().atMost(PaymentFlows.DECIDED)
                .pollInterval(PaymentFlows.POLL)
                .until(() -> flows.unidentified("candidateOrderId=" + orderId), items -> !items.isEmpty())
                .get(0);
        assertThat(transfer.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(transfer.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(transfer.get("amount").decimalValue()).isEqualByComparingTo("1100");
        String transferId = transfer.get("unidentifiedTransferId").asString();
        JsonNode returned = flows.awaitRequestedInstruction(beforePaying, transferId, null);
        assertThat(returned.get("type").asString()).isEqualTo("TRANSFER_RETURN");
        assertThat(returned.get("creditorIban").asString()).isEqualTo(payerIban);
        assertThat(returned.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(flows.payment(orderId).get("moneyin").isNull()).isTrue();
    }

    @Test
    void aCancelledOrderCannotMoveAnyFurther() {
        String orderId = flows.newOrder(investorIban);
        cancel(orderId).expectStatus().isOk();

        for (String move : List.of("waiting", "failed")) {
            flows.portal()
                    .put("/orders/" + orderId + "/" + move)
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("ILLEGAL_TRANSITION");
        }
        cancel(orderId).expectStatus().isOk();
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("CANCELLED");
    }

    // --- a refund with nowhere to go

    @Test
    void aRefundWhosePayerGaveNoValidIbanWaitsOnHoldUntilOpsGiveOne() {
        String withoutIban = flows.newOrder(investorIban);
        flows.pay(withoutIban, null);
        String withBadIban = flows.newOrder(investorIban);
        flows.pay(withBadIban, "DE00 1234 5678 9012");

        for (String orderId : List.of(withoutIban, withBadIban)) {
            assertThat(ApiClient.body(cancel(orderId).expectStatus().isOk())
                            .get("status")
                            .asString())
                    .isEqualTo("REFUNDED");
            JsonNode refund = flows.refund(orderId);
            assertThat(refund.get("status").asString()).isEqualTo("ON_HOLD");
            assertThat(refund.get("iban").isNull()).isTrue();
            assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("1100");
            String instructionId = refund.get("instructionId").asString();
            assertThat(flows.instruction(instructionId).get("status").asString())
                    .isEqualTo("ON_HOLD");
            JsonNode impossible = flows.awaitReview("RETURN_IMPOSSIBLE", instructionId);
            assertThat(impossible.get("status").asString()).isEqualTo("OPEN");
            assertThat(impossible.get("orderId").asString()).isEqualTo(orderId);
            assertThat(flows.moneyouts(orderId))
                    .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("REVERSED"));

            flows.reissue(instructionId, null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED");
            flows.reissue(instructionId, "DE00 0000").expectStatus().isBadRequest();
            api.put(
                            ApiClient.OPS_KEY,
                            "/api/v1/ops/instructions/" + instructionId + "/reissued",
                            Map.of("iban", Ibans.randomGerman(), "bic", "BANKDEFF"))
                    .expectStatus()
                    .isBadRequest();
            flows.portal()
                    .api()
                    .put(
                            flows.portal().apiKey(),
                            "/api/v1/ops/instructions/" + instructionId + "/reissued",
                            Map.of("iban", Ibans.randomGerman()))
                    .expectStatus()
                    .isForbidden();
            assertThat(flows.instruction(instructionId).get("status").asString())
                    .isEqualTo("ON_HOLD");

            String given = Ibans.randomGerman();
            long beforeReleasing = System.currentTimeMillis();
            JsonNode released = ApiClient.body(flows.reissue(instructionId, Ibans.asTyped(given))
                    .expectStatus()
                    .isOk());

            assertThat(released.get("instructionId").asString()).isEqualTo(instructionId);
            assertThat(released.get("status").asString()).isEqualTo("CREATED");
            assertThat(released.get("creditorIban").asString()).isEqualTo(given);
            JsonNode releasedRefund = flows.refund(orderId);
            assertThat(releasedRefund.get("status").asString()).isEqualTo("CREATED");
            assertThat(releasedRefund.get("iban").asString()).isEqualTo(given);
            assertThat(flows.ops().reviewItemsAbout("RETURN_IMPOSSIBLE", instructionId))
                    .singleElement()
                    .satisfies(item -> assertThat(item.get("status").asString()).isEqualTo("RESOLVED"));
            JsonNode requested = flows.awaitRequestedInstruction(beforeReleasing, orderId, instructionId);
            assertThat(requested.get("type").asString()).isEqualTo("REFUND");
            assertThat(requested.get("creditorIban").asString()).isEqualTo(given);
        }
    }

    @Test
    void aRefundTheBankFailedIsReissuedToAnotherIbanAndTheRefundFollowsItsNewInstruction() {
        String orderId = flows.newOrder(investorIban);
        flows.pay(orderId, payerIban);
        cancel(orderId).expectStatus().isOk();
        String failedId = flows.refund(orderId).get("instructionId").asString();
        flows.publish(DebitMessages.answer(failedId, "FAILED", "1100").reason("ACCOUNT_CLOSED"));
        JsonNode failedRefund = flows.awaitRefundStatus(orderId, "FAILED");
        assertThat(failedRefund.get("instructionId").asString()).isEqualTo(failedId);
        flows.awaitReview("INSTRUCTION_FAILED", failedId);
        String newIban = Ibans.randomGerman();

        JsonNode reissued =
                ApiClient.body(flows.reissue(failedId, newIban).expectStatus().isOk());

        String reissuedId = reissued.get("instructionId").asString();
        assertThat(reissued.get("type").asString()).isEqualTo("REFUND");
        assertThat(reissued.get("reissueOf").asString()).isEqualTo(failedId);
        assertThat(reissued.get("orderId").asString()).isEqualTo(orderId);
        JsonNode refund = flows.refund(orderId);
        assertThat(refund.get("refundId").asString())
                .isEqualTo(failedRefund.get("refundId").asString());
        assertThat(refund.get("instructionId").asString()).isEqualTo(reissuedId);
        assertThat(refund.get("status").asString()).isEqualTo("CREATED");
        assertThat(refund.get("iban").asString()).isEqualTo(newIban);
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("1100");

        flows.publish(DebitMessages.answer(reissuedId, "EXECUTED", "1100"));

        flows.awaitRefundStatus(orderId, "EXECUTED");
        assertThat(flows.instruction(failedId).get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void aRefundComingBackFromTheBankFailsTheRefundAndPaysNothing() {
        String orderId = flows.newOrder(investorIban);
        flows.pay(orderId, payerIban);
        cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();
        flows.publish(DebitMessages.answer(instructionId, "EXECUTED", "1100"));
        flows.awaitRefundStatus(orderId, "EXECUTED");
        String description = "Refund of order " + orderId;

        flows.publish(Credits.to(flows.portal().collectionIban())
                .description(description)
                .payerIban(payerIban)
                .with("returnOfInstructionId", instructionId));

        JsonNode failed = flows.awaitRefundStatus(orderId, "FAILED");
        assertThat(failed.get("instructionId").asString()).isEqualTo(instructionId);
        assertThat(flows.instruction(instructionId).get("failureReason").asString())
                .isEqualTo("RETURNED_BY_BANK");
        assertThat(flows.awaitReview("INSTRUCTION_FAILED", instructionId)
                        .get("orderId")
                        .asString())
                .isEqualTo(orderId);
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(flows.unidentified("candidateOrderId=" + orderId)).isEmpty();
        assertThat(flows.unidentifiedDescribedAs(description)).isEmpty();
    }

    // --- DEBITs the books do not expect

    @Test
    void aDebitForAnInstructionThatIsNotOursChangesNothingAndIsFlagged() {
        Debit debit = DebitMessages.answer("PI0000000000000000", "EXECUTED", "1100");

        flows.publish(debit);

        JsonNode unexpected = flows.awaitReview("UNEXPECTED_DEBIT", debit.notificationId());
        assertThat(unexpected.get("status").asString()).isEqualTo("OPEN");
        assertThat(unexpected.get("detail").asString()).contains("PI0000000000000000");
    }

    @Test
    void aDebitOfAnotherAmountThanItsInstructionChangesNothingAndIsFlagged() {
        String orderId = flows.newOrder(investorIban);
        flows.pay(orderId, payerIban);
        cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();
        Debit wrongAmount = DebitMessages.answer(instructionId, "EXECUTED", "1000.00");

        flows.publish(wrongAmount);

        JsonNode unexpected = flows.awaitReview("UNEXPECTED_DEBIT", wrongAmount.notificationId());
        assertThat(unexpected.get("orderId").asString()).isEqualTo(orderId);
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("CREATED");
        assertThat(flows.refund(orderId).get("status").asString()).isEqualTo("CREATED");

        flows.publish(DebitMessages.answer(instructionId, "EXECUTED", "1100"));

        flows.awaitRefundStatus(orderId, "EXECUTED");
    }

    @Test
    void anInvalidDebitGoesToTheDeadLetterTopicWithItsReasonAndIsNotTrackedAsACredit() {
        long notDecided = flows.ops().countInAllCurrencies("creditsNotDecided");
        long before = System.currentTimeMillis();
        Debit withoutStatus =
                DebitMessages.answer("PI0000000000000001", "EXECUTED", "1100").without("status");

        flows.publish(withoutStatus);

        ConsumerRecord<String, String> dead = await().atMost(PaymentFlows.DECIDED)
                .pollInterval(PaymentFlows.POLL)
                .until(
                        () -> kafka.readSince(Credits.DLQ, before).stream()
                                .filter(r -> withoutStatus.notificationId().equals(r.key()))
                                .toList(),
                        records -> !records.isEmpty())
                .get(0);
        assertThat(PaymentFlows.header(dead, "x-dlq-reason")).contains("status");
        assertThat(PaymentFlows.header(dead, "x-dlq-original-topic")).isEqualTo(Credits.TOPIC);
        assertThat(dead.value()).isEqualTo(withoutStatus.json());
        flows.awaitDebitsBefore(withoutStatus.notificationId());
        assertThat(flows.ops().reviewItemsAbout("DLQ_CREDIT", withoutStatus.notificationId()))
                .isEmpty();
        assertThat(flows.ops().countInAllCurrencies("creditsNotDecided")).isEqualTo(notDecided);
    }

    // --- the sandbox

    @Test
    void theSandboxAnswersThePortalsOwnInstructionsAsTheBankWould() {
        String executedOrder = flows.newOrder(investorIban);
        flows.pay(executedOrder, payerIban);
        cancel(executedOrder).expectStatus().isOk();
        String executed = flows.refund(executedOrder).get("instructionId").asString();
        String failedOrder = flows.newOrder(investorIban);
        flows.pay(failedOrder, payerIban);
        cancel(failedOrder).expectStatus().isOk();
        String failed = flows.refund(failedOrder).get("instructionId").asString();

        JsonNode published = ApiClient.body(flows.portal()
                .post("/sandbox/executions/" + executed, Map.of())
                .expectStatus()
                .isAccepted());
        flows.portal()
                .post("/sandbox/executions/" + failed, Map.of("status", "FAILED", "reason", "ACCOUNT_CLOSED"))
                .expectStatus()
                .isAccepted();

        assertThat(published.get("topic").asString()).isEqualTo(Credits.TOPIC);
        assertThat(published.get("message").get("direction").asString()).isEqualTo("DEBIT");
        assertThat(published.get("message").get("instructionId").asString()).isEqualTo(executed);
        flows.awaitInstructionStatus(executed, "EXECUTED");
        assertThat(flows.refund(executedOrder).get("status").asString()).isEqualTo("EXECUTED");
        JsonNode failure = flows.awaitInstructionStatus(failed, "FAILED");
        assertThat(failure.get("failureReason").asString()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(flows.refund(failedOrder).get("status").asString()).isEqualTo("FAILED");
        JsonNode review = flows.awaitReview("INSTRUCTION_FAILED", failed);
        assertThat(review.get("orderId").asString()).isEqualTo(failedOrder);
    }

    @Test
    void theSandboxDoesNotAnswerAnotherPortalsInstruction() {
        String orderId = flows.newOrder(investorIban);
        flows.pay(orderId, payerIban);
        cancel(orderId).expectStatus().isOk();
        String instructionId = flows.refund(orderId).get("instructionId").asString();
        PaymentFlows other = new PaymentFlows(api, kafka);

        other.portal()
                .post("/sandbox/executions/" + instructionId, Map.of())
                .expectStatus()
                .isNotFound();
        other.portal()
                .post("/sandbox/executions/PI0000000000000000", Map.of())
                .expectStatus()
                .isNotFound();

        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("CREATED");
    }

    private WebTestClient.ResponseSpec cancel(String orderId) {
        return flows.portal().put("/orders/" + orderId + "/cancelled");
    }

    private static JsonNode lastTransition(JsonNode order) {
        JsonNode history = order.get("statusHistory");
        return history.get(history.size() - 1);
    }
}
