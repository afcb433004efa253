package io.crowdrecon.recon.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import io.crowdrecon.recon.testing.WireAmounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC.md sections 4, 5 and 6: the return of an unidentified transfer as the bank answers it (executed, failed,
 * re-issued by ops) or sends it back to us as a CREDIT naming our instruction.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class TransferReturnsIT {

    @Autowired
    WebTestClient web;

    @Fixture
    PaymentFlows flows;

    String payerIban = Ibans.randomGerman();

    @Test
    void theBanksExecutionOfAReturnMarksTheTransferReturned() {
        long since = System.currentTimeMillis();
        JsonNode transfer = flows.unidentifiedTransfer("250.00", payerIban);
        String transferId = transfer.get("unidentifiedTransferId").asString();
        assertThat(transfer.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(transfer.get("returnedDatetime").isNull()).isTrue();
        // Fabrick v4's shape: a type, the seed's status until the return executed, refundedDatetime
        assertThat(transfer.get("type").asString()).isEqualTo("UNIDENTIFIED");
        assertThat(transfer.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(transfer.get("refundedDatetime").isNull()).isTrue();
        assertThat(listed("status=RECEIVED", transferId)).isTrue();
        assertThat(listed("status=RETURN_REQUESTED", transferId))
                .as("the detail as status")
                .isTrue();
        assertThat(listed("returnStatus=RETURN_REQUESTED", transferId)).isTrue();
        assertThat(listed("status=RETURNED", transferId)).isFalse();
        assertThat(listed("returnStatus=RECEIVED", transferId))
                .as("RECEIVED detail: on hold")
                .isFalse();
        JsonNode announced = JsonMapper.builder()
                .build()
                .readTree(flows.rawEvents(
                                "recon.unidentified-transfers",
                                "crowdrecon.unidentified-transfer.received.v1",
                                since,
                                transferId)
                        .get(0));
        assertThat(announced.get("type").asString()).isEqualTo("UNIDENTIFIED");
        assertThat(announced.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(announced.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(announced.get("refundedDatetime").isNull()).isTrue();
        String instructionId = flows.returnInstructionOf(since, transferId);
        JsonNode instruction = flows.instruction(instructionId);
        assertThat(instruction.get("type").asString()).isEqualTo("TRANSFER_RETURN");
        assertThat(instruction.get("creditorIban").asString()).isEqualTo(payerIban);
        assertThat(instruction.get("amount").decimalValue()).isEqualByComparingTo("250");

        flows.publish(DebitMessages.answer(instructionId, "EXECUTED", "250"));

        JsonNode returned = flows.awaitTransferStatus(transferId, "RETURNED");
        assertThat(returned.get("returnedDatetime").isNull()).isFalse();
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("refundedDatetime").asString())
                .isEqualTo(returned.get("returnedDatetime").asString());
        assertThat(listed("status=RETURNED", transferId)).isTrue();
        assertThat(listed("returnStatus=RETURNED", transferId)).isTrue();
        assertThat(listed("status=RECEIVED", transferId)).isFalse();
        JsonNode executed = flows.instruction(instructionId);
        assertThat(executed.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(executed.get("executedDatetime").isNull()).isFalse();
        assertThat(flows.ops().reviewItemsAbout("INSTRUCTION_FAILED", instructionId))
                .isEmpty();
        // the bank's answer is announced (Kafka, SSE, webhooks) with the transfer's key, on a topic of its own: a feed
        // adapter executing recon.payment-instructions must never see it as a new request
        assertThat(flows.rawEvents(
                        PaymentFlows.INSTRUCTIONS_TOPIC,
                        "crowdrecon.payment-instruction.status-changed.v1",
                        since,
                        transferId))
                .isEmpty();
        List<String> answered = flows.rawEvents(
                "recon.payment-instruction-outcomes",
                "crowdrecon.payment-instruction.status-changed.v1",
                since,
                transferId);
        assertThat(answered).hasSize(1);
        JsonNode outcome = JsonMapper.builder().build().readTree(answered.get(0));
        assertThat(outcome.get("instructionId").asString()).isEqualTo(instructionId);
        assertThat(outcome.get("type").asString()).isEqualTo("TRANSFER_RETURN");
        assertThat(outcome.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(outcome.get("previousStatus").asString()).isEqualTo("CREATED");
        assertThat(outcome.get("unidentifiedTransferId").asString()).isEqualTo(transferId);
        assertThat(outcome.get("amount").decimalValue()).isEqualByComparingTo("250");
    }

    @ParameterizedTest(name = "{1} {0} is written {2}")
    @CsvSource({"EUR, 75.5, 75.50", "EUR, 1100, 1100.00", "JPY, 1000.0, 1000", "KWD, 1.5, 1.500"})
    void writesACreditsAmountInItsOwnCurrencysMinorDigitsInTheApiAndOnKafka(
            String currency, String sent, String written) {
        long since = System.currentTimeMillis();
        String description = "No reference " + UUID.randomUUID();
        flows.publish(Credits.to(flows.portal().collectionIban())
                .currency(currency)
                .amount(sent)
                .description(description)
                .payerIban(payerIban));
        String transferId = flows.awaitUnidentifiedDescribedAs(description)
                .get("unidentifiedTransferId")
                .asString();
        String instructionId = flows.returnInstructionOf(since, transferId);

        String listed = ApiClient.text(flows.portal()
                .get("/unidentified-transfers?size=500")
                .expectStatus()
                .isOk());
        String instruction = ApiClient.text(new ApiClient(web)
                .get(ApiClient.OPS_KEY, "/api/v1/ops/instructions/" + instructionId)
                .expectStatus()
                .isOk());
        String announced = flows.rawEvents(
                        "recon.unidentified-transfers",
                        "crowdrecon.unidentified-transfer.received.v1",
                        since,
                        transferId)
                .get(0);
        String requested = flows.rawEvents(
                        PaymentFlows.INSTRUCTIONS_TOPIC, PaymentFlows.INSTRUCTION_REQUESTED, since, transferId)
                .get(0);

        assertThat(WireAmounts.of(listed, "amount"))
                .as("GET /unidentified-transfers")
                .containsExactly(written);
        assertThat(WireAmounts.of(instruction, "amount"))
                .as("GET /ops/instructions")
                .containsExactly(written);
        assertThat(WireAmounts.of(announced, "amount"))
                .as("recon.unidentified-transfers")
                .containsExactly(written);
        assertThat(WireAmounts.of(requested, "amount"))
                .as("recon.payment-instructions")
                .containsExactly(written);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(requested)
                        .get("currency")
                        .asString())
                .isEqualTo(currency);
    }

    @Test
    void aReturnTheBankFailedIsReissuedByOpsToAnotherIbanAsANewLinkedInstruction() {
        long since = System.currentTimeMillis();
        String transferId = flows.unidentifiedTransfer("250.00", payerIban)
                .get("unidentifiedTransferId")
                .asString();
        String failedId = flows.returnInstructionOf(since, transferId);

        flows.publish(DebitMessages.answer(failedId, "FAILED", "250").reason("ACCOUNT_CLOSED"));

        JsonNode returnFailed = flows.awaitTransferStatus(transferId, "RETURN_FAILED");
        assertThat(returnFailed.get("returnedDatetime").isNull()).isTrue();
        assertThat(returnFailed.get("status").asString())
                .as("not returned: still RECEIVED")
                .isEqualTo("RECEIVED");
        assertThat(returnFailed.get("refundedDatetime").isNull()).isTrue();
        assertThat(listed("status=RETURN_FAILED", transferId)).isTrue();
        assertThat(listed("status=RECEIVED&returnStatus=RETURN_FAILED", transferId))
                .isTrue();
        assertThat(listed("status=RETURNED&returnStatus=RETURN_FAILED", transferId))
                .isFalse();
        JsonNode failed = flows.instruction(failedId);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(flows.awaitReview("INSTRUCTION_FAILED", failedId)
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");

        String newIban = Ibans.randomGerman();
        long beforeReissuing = System.currentTimeMillis();
        JsonNode reissued =
                ApiClient.body(flows.reissue(failedId, newIban).expectStatus().isOk());

        String reissuedId = reissued.get("instructionId").asString();
        assertThat(reissuedId).startsWith("PI").isNotEqualTo(failedId);
        assertThat(reissued.get("reissueOf").asString()).isEqualTo(failedId);
        assertThat(reissued.get("status").asString()).isEqualTo("CREATED");
        assertThat(reissued.get("type").asString()).isEqualTo("TRANSFER_RETURN");
        assertThat(reissued.get("creditorIban").asString()).isEqualTo(newIban);
        assertThat(reissued.get("amount").decimalValue()).isEqualByComparingTo("250");
        assertThat(reissued.get("unidentifiedTransferId").asString()).isEqualTo(transferId);
        JsonNode old = flows.instruction(failedId);
        assertThat(old.get("status").asString()).isEqualTo("FAILED");
        assertThat(old.get("reissuedAs").asString()).isEqualTo(reissuedId);
        assertThat(flows.transfer(transferId).get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(flows.ops().reviewItemsAbout("INSTRUCTION_FAILED", failedId))
                .singleElement()
                .satisfies(item -> assertThat(item.get("status").asString()).isEqualTo("RESOLVED"));
        JsonNode requested = flows.awaitRequestedInstruction(beforeReissuing, transferId, reissuedId);
        assertThat(requested.get("creditorIban").asString()).isEqualTo(newIban);
        assertThat(requested.get("type").asString()).isEqualTo("TRANSFER_RETURN");

        flows.reissue(failedId, Ibans.randomGerman())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ILLEGAL_TRANSITION");
        flows.reissue(reissuedId, null)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ILLEGAL_TRANSITION");
        assertThat(flows.instruction(failedId).get("reissuedAs").asString()).isEqualTo(reissuedId);

        flows.publish(DebitMessages.answer(reissuedId, "EXECUTED", "250"));

        assertThat(flows.awaitTransferStatus(transferId, "RETURNED")
                        .get("returnedDatetime")
                        .isNull())
                .isFalse();
    }

    @Test
    void aFailedReturnReissuedWithoutAnIbanGoesToTheSameAccountAgain() {
        long since = System.currentTimeMillis();
        String transferId = flows.unidentifiedTransfer("12.34", payerIban)
                .get("unidentifiedTransferId")
                .asString();
        String failedId = flows.returnInstructionOf(since, transferId);
        flows.publish(DebitMessages.answer(failedId, "FAILED", "12.34"));
        flows.awaitTransferStatus(transferId, "RETURN_FAILED");
        assertThat(flows.instruction(failedId).get("failureReason").isNull()).isFalse();

        JsonNode reissued =
                ApiClient.body(flows.reissue(failedId, null).expectStatus().isOk());

        assertThat(reissued.get("status").asString()).isEqualTo("CREATED");
        assertThat(reissued.get("creditorIban").asString()).isEqualTo(payerIban);
        assertThat(reissued.get("reissueOf").asString()).isEqualTo(failedId);
        assertThat(reissued.get("amount").decimalValue()).isEqualByComparingTo("12.34");
        assertThat(flows.transfer(transferId).get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
    }

    @Test
    void aReturnHeldForWantOfAPayerIbanIsRequestedOnceOpsGiveOne() {
        String description = "No reference and no IBAN " + UUID.randomUUID();
        flows.publish(
                Credits.to(flows.portal().collectionIban()).amount("75.50").description(description));
        JsonNode held = flows.awaitUnidentifiedDescribedAs(description);
        String transferId = held.get("unidentifiedTransferId").asString();
        assertThat(held.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(flows.awaitReview("RETURN_IMPOSSIBLE", transferId)
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        long beforeReleasing = System.currentTimeMillis();

        JsonNode released = ApiClient.body(new ApiClient(web)
                .put(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/unidentified-transfers/" + transferId + "/return-iban",
                        Map.of("iban", payerIban))
                .expectStatus()
                .isOk());

        assertThat(released.get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        JsonNode requested = flows.awaitRequestedInstruction(beforeReleasing, transferId, null);
        assertThat(requested.get("type").asString()).isEqualTo("TRANSFER_RETURN");
        assertThat(requested.get("creditorIban").asString()).isEqualTo(payerIban);
        assertThat(requested.get("amount").decimalValue()).isEqualByComparingTo("75.50");
        assertThat(flows.ops().reviewItemsAbout("RETURN_IMPOSSIBLE", transferId))
                .singleElement()
                .satisfies(item -> assertThat(item.get("status").asString()).isEqualTo("RESOLVED"));

        flows.publish(DebitMessages.answer(requested.get("instructionId").asString(), "EXECUTED", "75.5"));

        flows.awaitTransferStatus(transferId, "RETURNED");
    }

    @Test
    void ourReturnComingBackFromTheBankIsNeitherMatchedNorReturnedAndFailsTheReturn() {
        String payableOrder = flows.newOrder(payerIban);
        long since = System.currentTimeMillis();
        String transferId = flows.unidentifiedTransfer("1100.00", payerIban)
                .get("unidentifiedTransferId")
                .asString();
        String instructionId = flows.returnInstructionOf(since, transferId);
        flows.publish(DebitMessages.answer(instructionId, "EXECUTED", "1100"));
        flows.awaitTransferStatus(transferId, "RETURNED");
        long returnedInstructions = flows.ops().count("returnedInstructions", "EUR");
        long unidentified = flows.ops().count("unidentified", "EUR");
        String description = "Subscription " + payableOrder + " " + UUID.randomUUID();
        // The bounce names a payable order of its amount: only returnOfInstructionId keeps it from paying it.
        Credit bounce = Credits.to(flows.portal().collectionIban())
                .amount("1100.00")
                .description(description)
                .payerIban(payerIban)
                .with("returnOfInstructionId", instructionId);

        flows.publish(bounce);

        JsonNode instruction = flows.awaitInstructionStatus(instructionId, "FAILED");
        assertThat(instruction.get("failureReason").asString()).isEqualTo("RETURNED_BY_BANK");
        JsonNode review = flows.awaitReview("INSTRUCTION_FAILED", instructionId);
        assertThat(review.get("status").asString()).isEqualTo("OPEN");
        assertThat(flows.transfer(transferId).get("returnStatus").asString()).isEqualTo("RETURN_FAILED");
        assertThat(flows.unidentifiedDescribedAs(description)).isEmpty();
        assertThat(flows.unidentified("candidateOrderId=" + payableOrder)).isEmpty();
        assertThat(flows.order(payableOrder).get("status").asString()).isEqualTo("CREATED");
        assertThat(flows.ops().count("returnedInstructions", "EUR")).isEqualTo(returnedInstructions + 1);
        assertThat(flows.ops().count("unidentified", "EUR")).isEqualTo(unidentified);

        JsonNode reissued = ApiClient.body(flows.reissue(instructionId, Ibans.randomGerman())
                .expectStatus()
                .isOk());

        assertThat(reissued.get("reissueOf").asString()).isEqualTo(instructionId);
        assertThat(flows.transfer(transferId).get("returnStatus").asString()).isEqualTo("RETURN_REQUESTED");
        assertThat(flows.ops().reviewItemsAbout("INSTRUCTION_FAILED", instructionId))
                .singleElement()
                .satisfies(item -> assertThat(item.get("status").asString()).isEqualTo("RESOLVED"));
    }

    /** Whether {@code GET /unidentified-transfers?query} lists the transfer. */
    private boolean listed(String query, String transferId) {
        return flows.unidentified(query).stream()
                .anyMatch(t -> transferId.equals(t.get("unidentifiedTransferId").asString()));
    }
}
