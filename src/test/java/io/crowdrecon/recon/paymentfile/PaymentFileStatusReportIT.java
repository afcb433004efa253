package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFileApi;
import io.crowdrecon.recon.testing.CampaignFlows;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.StatusReports;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22, "done when": from a finalization to the bank and back. The cashout waits for an approver, leaves with a
 * refund in a pain.001 file, and the bank's pain.002 (posted to the bank-files endpoint like any bank file) executes
 * one and fails the other with its reason; a report that is not about our files changes nothing.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
@TestPropertySource(properties = "recon.payment-files.enabled=true")
class PaymentFileStatusReportIT {

    private static final String FILES = "/api/v1/ops/payment-files";

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    CampaignFlows flows;

    @Fixture
    BankFileApi bankFiles;

    @Test
    void aCashoutApprovedSentAndAcceptedIsExecutedAndARefundRejectedAc04FailsWithItsReasonAndCanBeReissued() {
        PaymentFlows payments = flows.payments();
        String campaign = flows.openCampaign("1000", "5000", "10", "1.5");
        String executed = flows.order(campaign, "1000", "100", Ibans.randomGerman());
        String refunded = flows.order(campaign, "500", "50", Ibans.randomGerman());
        flows.pay(executed, "1100.00", Ibans.randomGerman());
        flows.pay(refunded, "550.00", Ibans.randomGerman());
        flows.portal().put("/orders/" + refunded + "/cancelled").expectStatus().isOk();
        String refund = payments.refund(refunded).get("instructionId").asString();
        flows.close(campaign);
        JsonNode cashout = flows.succeed(campaign, CampaignFlows.plan(List.of(executed), List.of()))
                .get("cashout");
        String cashoutInstruction = cashout.get("instructionId").asString();
        assertThat(payments.instruction(cashoutInstruction).get("status").asString())
                .isEqualTo("AWAITING_APPROVAL");

        // Nothing unapproved leaves: the cashout is in no file until an approver lets it go.
        assertThat(carriedBy(build())).doesNotContain(cashoutInstruction).contains(refund);
        payments.approve(cashoutInstruction);
        JsonNode cashoutFile = fileCarrying(build(), cashoutInstruction);
        String refundFile = fileOf(refund);
        api.put(
                        ApiClient.OPS_KEY,
                        FILES + "/" + cashoutFile.get("paymentFileId").asString() + "/sent",
                        Map.of())
                .expectStatus()
                .isOk();

        JsonNode accepted = bankFiles.post(
                StatusReports.answering(cashoutFile.get("messageId").asString())
                        .groupStatus("ACSC")
                        .transaction(
                                cashoutInstruction,
                                "ACSC",
                                null,
                                cashout.get("amount").decimalValue().toPlainString())
                        .xml());
        StatusReports rejection =
                StatusReports.answering(refundFile).groupStatus("RJCT").transaction(refund, "RJCT", "AC04", "550.00");
        JsonNode rejected = bankFiles.post(rejection.xml());

        assertThat(accepted.get("format").asString()).isEqualTo("PAIN_002");
        assertThat(accepted.get("status").asString()).isEqualTo("BOOKED");
        assertThat(payments.instruction(cashoutInstruction).get("status").asString())
                .isEqualTo("EXECUTED");
        assertThat(file(cashoutFile.get("paymentFileId").asString())
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        JsonNode failed = payments.instruction(refund);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).isEqualTo("AC04");
        assertThat(payments.awaitReview("INSTRUCTION_FAILED", refund)
                        .get("detail")
                        .asString())
                .contains("AC04", "/reissued");
        assertThat(rejected.get("repeated").asBoolean()).isFalse();
        // Built at different times (the cashout once approved): two files, each with its own answer.
        assertThat(refundFile).isNotEqualTo(cashoutFile.get("paymentFileId").asString());
        assertThat(file(refundFile).get("status").asString()).isEqualTo("REJECTED");

        // The same report again, in other bytes, changes nothing.
        bankFiles.post(rejection.xml().replace("<Document", "\n<Document"));
        assertThat(payments.instruction(refund).get("failureReason").asString()).isEqualTo("AC04");
        // The failed refund is re-issued as a new instruction, which the next file carries.
        JsonNode reissued =
                ApiClient.body(api.put(ApiClient.OPS_KEY, "/api/v1/ops/instructions/" + refund + "/reissued", Map.of())
                        .expectStatus()
                        .isOk());
        assertThat(carriedBy(build())).contains(reissued.get("instructionId").asString());
        // The ops log says who did each step.
        assertThat(ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/log?size=500")
                                .expectStatus()
                                .isOk())
                        .get("items")
                        .valueStream()
                        .map(e -> e.get("action").asString() + " "
                                + e.get("objectId").asString(""))
                        .toList())
                .contains(
                        "approveInstruction " + cashoutInstruction,
                        "markPaymentFileSent "
                                + cashoutFile.get("paymentFileId").asString(),
                        "reissueInstruction " + refund);
    }

    @Test
    void aReportAboutNoFileOfOursOrAnotherTransferOrAFileRejectedBeforeChangesNothingAndIsReviewed() {
        PaymentFlows payments = flows.payments();
        String orderId = payments.newOrder(Ibans.randomGerman());
        payments.pay(orderId, Ibans.randomGerman());
        payments.portal()
                .put("/orders/" + orderId + "/cancelled")
                .expectStatus()
                .isOk();
        String refund = payments.refund(orderId).get("instructionId").asString();
        String fileId = fileCarrying(build(), refund).get("paymentFileId").asString();

        StatusReports notOurs = StatusReports.answering("PFL2222222222222222").groupStatus("ACSC");
        bankFiles.post(notOurs.xml());
        payments.awaitReview("UNEXPECTED_STATUS_REPORT", "PFL2222222222222222");

        StatusReports stranger = StatusReports.answering(fileId)
                .groupStatus("PART")
                .transaction("PI2222222222222222", "ACSC", null, "10.00");
        bankFiles.post(stranger.xml());
        payments.awaitReview("UNEXPECTED_STATUS_REPORT", "PI2222222222222222");
        assertThat(payments.instruction(refund).get("status").asString()).isEqualTo("CREATED");

        bankFiles.post(StatusReports.answering(fileId).groupStatus("RJCT").xml());
        assertThat(payments.instruction(refund).get("status").asString()).isEqualTo("FAILED");
        assertThat(file(fileId).get("status").asString()).isEqualTo("REJECTED");
        bankFiles.post(StatusReports.answering(fileId)
                .groupStatus("ACSC")
                .transaction(refund, "ACSC", null, "1100.00")
                .xml());
        payments.awaitReview("UNEXPECTED_STATUS_REPORT", fileId);
        assertThat(payments.instruction(refund).get("status").asString()).isEqualTo("FAILED");
        assertThat(file(fileId).get("status").asString()).isEqualTo("REJECTED");
    }

    private JsonNode build() {
        return ApiClient.body(
                api.post(ApiClient.OPS_KEY, FILES, Map.of()).expectStatus().isOk());
    }

    private JsonNode file(String fileId) {
        return ApiClient.body(
                api.get(ApiClient.OPS_KEY, FILES + "/" + fileId).expectStatus().isOk());
    }

    private List<String> carriedBy(JsonNode built) {
        return built.get("files")
                .valueStream()
                .flatMap(f -> file(f.get("paymentFileId").asString())
                        .get("instructions")
                        .valueStream())
                .map(i -> i.get("instructionId").asString())
                .toList();
    }

    private JsonNode fileCarrying(JsonNode built, String instructionId) {
        return built.get("files")
                .valueStream()
                .filter(f -> file(f.get("paymentFileId").asString())
                        .get("instructions")
                        .valueStream()
                        .anyMatch(
                                i -> instructionId.equals(i.get("instructionId").asString())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file carries " + instructionId + ": " + built));
    }

    private String fileOf(String instructionId) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, FILES + "?size=100")
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .map(f -> f.get("paymentFileId").asString())
                .filter(id -> file(id).get("instructions")
                        .valueStream()
                        .anyMatch(
                                i -> instructionId.equals(i.get("instructionId").asString())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file carries " + instructionId));
    }
}
