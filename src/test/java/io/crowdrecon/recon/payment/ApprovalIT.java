package io.crowdrecon.recon.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.operator.OperatorRole;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Four-eyes approval of payment instructions (issue 22, items 2 and 5), on the real servers: an instruction above
 * {@code RECON_APPROVAL_THRESHOLD} (15,000.00 here) waits AWAITING_APPROVAL, unannounced, until an approver other than
 * the operator who caused it approves it; a rejection fails it with a review item, and a re-issue follows the same rule.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class ApprovalIT {

    private static final String ABOVE = "20000.00";

    @Autowired
    WebTestClient web;

    @Fixture
    PaymentFlows flows;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(web);
    }

    @Test
    void aReturnAboveTheThresholdLeavesOnlyOnceAnApproverApprovesItAndThenExactlyOnce() {
        Operator viewer = newOperator(OperatorRole.VIEWER);
        Operator operator = newOperator(OperatorRole.OPERATOR);
        Operator approver = newOperator(OperatorRole.APPROVER);
        long since = System.currentTimeMillis();
        String transferId = flows.unidentifiedTransfer(ABOVE, Ibans.randomGerman())
                .get("unidentifiedTransferId")
                .asString();

        String instructionId = awaitingReturnOf(transferId);
        JsonNode waiting = flows.instruction(instructionId);
        assertThat(waiting.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(waiting.get("causedBy").isNull()).as("caused by no operator").isTrue();
        forbidden(flows.approve(viewer.key(), instructionId), "FORBIDDEN");
        forbidden(flows.approve(operator.key(), instructionId), "FORBIDDEN");
        forbidden(flows.reject(operator.key(), instructionId, "no"), "FORBIDDEN");
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(flows.requestedInstructions(since, transferId))
                .as("nothing leaves unapproved")
                .isEmpty();

        JsonNode approved = ApiClient.body(api.put(
                        approver.key(),
                        "/api/v1/ops/instructions/" + instructionId + "/approved",
                        Map.of("note", "Payer confirmed by phone"))
                .expectStatus()
                .isOk());

        assertThat(approved.get("status").asString()).isEqualTo("CREATED");
        assertThat(approved.get("approvedBy").asString()).isEqualTo(approver.id());
        assertThat(approved.get("approvedDatetime").isNull()).isFalse();
        assertThat(approved.get("approvalNote").asString()).isEqualTo("Payer confirmed by phone");
        JsonNode requested = flows.awaitRequestedInstruction(since, transferId, instructionId);
        assertThat(requested.get("amount").decimalValue()).isEqualByComparingTo(ABOVE);
        // approving again: it is no longer awaiting approval, and nothing is paid twice
        flows.approve(approver.key(), instructionId)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ILLEGAL_TRANSITION");
        assertThat(flows.requestedInstructions(since, transferId)).hasSize(1);
        assertThat(logOf(approver))
                .anySatisfy(line -> {
                    assertThat(line.get("action").asString()).isEqualTo("approveInstruction");
                    assertThat(line.get("objectId").asString()).isEqualTo(instructionId);
                    assertThat(line.get("operatorName").asString()).isEqualTo(approver.name());
                    assertThat(line.get("outcome").asString()).isEqualTo("OK");
                })
                .anySatisfy(line -> {
                    assertThat(line.get("action").asString()).isEqualTo("approveInstruction");
                    assertThat(line.get("outcome").asString()).isEqualTo("ILLEGAL_TRANSITION");
                });
    }

    @Test
    void anOperatorsReissueMustBeApprovedBySomeoneElse() {
        Operator reissuer = newOperator(OperatorRole.APPROVER);
        Operator other = newOperator(OperatorRole.APPROVER);
        long since = System.currentTimeMillis();
        String transferId = flows.unidentifiedTransfer(ABOVE, Ibans.randomGerman())
                .get("unidentifiedTransferId")
                .asString();
        String failedId = awaitingReturnOf(transferId);
        flows.approve(failedId);
        flows.awaitRequestedInstruction(since, transferId, failedId);
        flows.publish(DebitMessages.answer(failedId, "FAILED", ABOVE).reason("ACCOUNT_CLOSED"));
        flows.awaitTransferStatus(transferId, "RETURN_FAILED");

        JsonNode reissued = ApiClient.body(api.put(
                        reissuer.key(),
                        "/api/v1/ops/instructions/" + failedId + "/reissued",
                        Map.of("iban", Ibans.randomGerman()))
                .expectStatus()
                .isOk());
        String reissuedId = reissued.get("instructionId").asString();

        assertThat(reissued.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(reissued.get("causedBy").asString()).isEqualTo(reissuer.id());
        forbidden(flows.approve(reissuer.key(), reissuedId), "FOUR_EYES");
        forbidden(flows.reject(reissuer.key(), reissuedId, "mine"), "FOUR_EYES");
        assertThat(flows.instruction(reissuedId).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(flows.requestedInstructions(since, transferId))
                .extracting(i -> i.get("instructionId").asString())
                .containsExactly(failedId);

        JsonNode approved = ApiClient.body(
                flows.approve(other.key(), reissuedId).expectStatus().isOk());

        assertThat(approved.get("status").asString()).isEqualTo("CREATED");
        assertThat(approved.get("approvedBy").asString()).isEqualTo(other.id());
        flows.awaitRequestedInstruction(since, transferId, reissuedId);
        assertThat(flows.requestedInstructions(since, transferId))
                .extracting(i -> i.get("instructionId").asString())
                .containsExactlyInAnyOrder(failedId, reissuedId);
        assertThat(logOf(reissuer)).anySatisfy(line -> {
            assertThat(line.get("action").asString()).isEqualTo("approveInstruction");
            assertThat(line.get("objectId").asString()).isEqualTo(reissuedId);
            assertThat(line.get("outcome").asString()).isEqualTo("FOUR_EYES");
        });
    }

    @Test
    void aRejectionNeedsANoteFailsTheInstructionWithAReviewItemAndOffersItsReissue() {
        Operator approver = newOperator(OperatorRole.APPROVER);
        long since = System.currentTimeMillis();
        String transferId = flows.unidentifiedTransfer(ABOVE, Ibans.randomGerman())
                .get("unidentifiedTransferId")
                .asString();
        String instructionId = awaitingReturnOf(transferId);

        flows.reject(approver.key(), instructionId, null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
        flows.reject(approver.key(), instructionId, "x".repeat(4097))
                .expectStatus()
                .isBadRequest();
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("AWAITING_APPROVAL");

        String note = "IBAN belongs to someone else " + UUID.randomUUID();
        JsonNode rejected = ApiClient.body(
                flows.reject(approver.key(), instructionId, note).expectStatus().isOk());

        assertThat(rejected.get("status").asString()).isEqualTo("FAILED");
        assertThat(rejected.get("failureReason").asString()).isEqualTo("APPROVAL_REJECTED");
        assertThat(rejected.get("rejectedBy").asString()).isEqualTo(approver.id());
        assertThat(rejected.get("approvalNote").asString()).isEqualTo(note);
        JsonNode item = flows.awaitReview("APPROVAL_REJECTED", instructionId);
        assertThat(item.get("status").asString()).isEqualTo("OPEN");
        assertThat(item.get("detail").asString()).contains(note);
        assertThat(flows.awaitTransferStatus(transferId, "RETURN_FAILED")).isNotNull();
        assertThat(flows.requestedInstructions(since, transferId)).isEmpty();
        flows.approve(approver.key(), instructionId).expectStatus().isEqualTo(409);
        assertThat(logOf(approver)).anySatisfy(line -> {
            assertThat(line.get("action").asString()).isEqualTo("rejectInstruction");
            assertThat(line.get("objectId").asString()).isEqualTo(instructionId);
            assertThat(line.get("note").asString()).isEqualTo(note);
        });

        JsonNode reissued = ApiClient.body(flows.reissue(instructionId, Ibans.randomGerman())
                .expectStatus()
                .isOk());

        assertThat(reissued.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(reissued.get("reissueOf").asString()).isEqualTo(instructionId);
        assertThat(flows.awaitTransferStatus(transferId, "RETURN_REQUESTED")).isNotNull();
        assertThat(flows.ops().reviewItemsAbout("APPROVAL_REJECTED", instructionId))
                .singleElement()
                .satisfies(resolved ->
                        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED"));
    }

    @Test
    void aReturnAtTheThresholdLeavesAtOnce() {
        long since = System.currentTimeMillis();
        String transferId = flows.unidentifiedTransfer("15000.00", Ibans.randomGerman())
                .get("unidentifiedTransferId")
                .asString();

        String instructionId = flows.returnInstructionOf(since, transferId);

        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("CREATED");
        flows.approve(ApiClient.OPS_KEY, instructionId).expectStatus().isEqualTo(409);
    }

    // --- helpers

    private record Operator(String id, String name, String key) {}

    private Operator newOperator(OperatorRole role) {
        String name = role + " " + UUID.randomUUID();
        JsonNode created =
                ApiClient.body(api.post(ApiClient.OPS_KEY, "/api/v1/ops/operators", Map.of("name", name, "role", role))
                        .expectStatus()
                        .isCreated());
        return new Operator(
                created.get("operatorId").asString(),
                name,
                created.get("apiKey").asString());
    }

    private String awaitingReturnOf(String transferId) {
        return flows.returnAwaitingApprovalOf(transferId);
    }

    private List<JsonNode> logOf(Operator operator) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/log?size=500&operator=" + operator.id())
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .toList();
    }

    private static void forbidden(WebTestClient.ResponseSpec response, String code) {
        response.expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo(code);
    }
}
