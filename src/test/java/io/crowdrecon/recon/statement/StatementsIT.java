package io.crowdrecon.recon.statement;

import static io.crowdrecon.recon.testing.CampaignFlows.plan;
import static io.crowdrecon.recon.testing.CampaignFlows.problemCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CampaignFlows;
import io.crowdrecon.recon.testing.DebitMessages;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Issue 24 items 2 and 3: an investor's statement and a campaign's ledger add up to the books ({@code /ops/audit}),
 * as JSON and as CSV, and another portal sees neither.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class StatementsIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    CampaignFlows flows;

    private String campaign;
    private String investor;
    private String executedOrder;
    private String refundedOrder;
    private String executedPayer;
    private JsonNode auditBefore;
    private long since;
    private String cashoutInstruction;

    /**
     * One investor, two orders of one campaign finalized: 1000 + 50 executed, 300 + 15 undone and refunded; success
     * fee 10 + 1 % of 1000 = 20, so the cashout is 980 and the fee payout 50 + 20 = 70. Nothing executed yet.
     */
    @BeforeEach
    void finalizeACampaignOfTwoOrders() {
        auditBefore = flows.ops().audit();
        since = System.currentTimeMillis();
        campaign = flows.openCampaign("1000", "1000000", "10", "1");
        investor = flows.portal().investor();
        executedPayer = Ibans.randomGerman();
        executedOrder = flows.order(campaign, investor, "1000", "50", Ibans.randomGerman());
        refundedOrder = flows.order(campaign, investor, "300", "15", Ibans.randomGerman());
        flows.pay(executedOrder, "1050.00", executedPayer);
        flows.pay(refundedOrder, "315.00", Ibans.randomGerman());
        flows.close(campaign);
        cashoutInstruction = flows.succeed(campaign, plan(List.of(executedOrder), List.of(refundedOrder)))
                .get("cashout")
                .get("instructionId")
                .asString();
    }

    @Test
    void aStatementSaysWhatWasPaidExecutedRefundedAndIsPending() {
        // the refund not executed yet: its money is still pending
        JsonNode pending = statement("");
        assertThat(totals(pending)).containsExactly("EUR 1365.00 0.00 1050.00 315.00");

        executeEveryInstruction();

        JsonNode statement = statement("");
        assertThat(statement.get("investorId").asString()).isEqualTo(investor);
        assertThat(totals(statement)).containsExactly("EUR 1365.00 315.00 1050.00 0.00");
        Map<String, JsonNode> orders = statement
                .get("orders")
                .valueStream()
                .collect(Collectors.toMap(o -> o.get("orderId").asString(), o -> o));
        assertThat(orders.keySet()).containsExactlyInAnyOrder(executedOrder, refundedOrder);
        JsonNode executed = orders.get(executedOrder);
        assertThat(executed.get("status").asString()).isEqualTo("SPLITTED");
        assertThat(executed.get("totalAmount").decimalValue()).isEqualByComparingTo("1050");
        JsonNode payment = executed.get("payments").get(0);
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("1050");
        assertThat(payment.get("payerIban").asString()).isEqualTo(executedPayer);
        assertThat(payment.get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        assertThat(payment.get("receivedDatetime").isNull()).isFalse();
        assertThat(executed.get("executed")
                        .valueStream()
                        .map(p -> p.get("type").asString() + " "
                                + p.get("amount").decimalValue().toPlainString()))
                .containsExactlyInAnyOrder("COMPANY 1000.00", "FEE 50.00");
        assertThat(executed.get("pending").decimalValue()).isEqualByComparingTo("0");
        JsonNode refunded = orders.get(refundedOrder);
        assertThat(refunded.get("refunds").get(0).get("instructionStatus").asString())
                .isEqualTo("EXECUTED");
        assertThat(refunded.get("refunds").get(0).get("executedDatetime").isNull())
                .isFalse();
        assertThat(refunded.get("refunded").decimalValue()).isEqualByComparingTo("315");

        // one CSV line per money event: two payments, two executed parts, one refund
        List<CSVRecord> csv = csv(ApiClient.text(flows.portal()
                .get("/investors/" + investor + "/statement?format=csv")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")));
        assertThat(csv)
                .extracting(r -> r.get("type") + " " + r.get("amount") + " " + r.get("orderId"))
                .containsExactlyInAnyOrder(
                        "PAYMENT 1050.00 " + executedOrder,
                        "PAYMENT 315.00 " + refundedOrder,
                        "EXECUTED_COMPANY 1000.00 " + executedOrder,
                        "EXECUTED_FEE 50.00 " + executedOrder,
                        "REFUND 315.00 " + refundedOrder);

        // the period filters by the order's creation day
        JsonNode longAgo = statement("?to=2000-01-01");
        assertThat(longAgo.get("orders").size()).isZero();
        assertThat(longAgo.get("totals").size()).isZero();
        assertThat(problemCode(
                        flows.portal().get("/investors/" + investor + "/statement?from=2026-02-01&to=2026-01-01"), 400))
                .isEqualTo("INVALID_PARAMETER");
        assertThat(problemCode(flows.portal().get("/investors/" + investor + "/statement?from=yesterday"), 400))
                .isEqualTo("INVALID_PARAMETER");
        // to is exclusive, as for the exports: a period of today is from today to tomorrow, and today to today is empty
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(statement("?from=" + today + "&to=" + today.plusDays(1))
                        .get("orders")
                        .size())
                .isEqualTo(statement("").get("orders").size());
        assertThat(statement("?to=" + today).get("orders").size()).isZero();
        assertThat(problemCode(
                        flows.portal().get("/investors/" + investor + "/statement?from=" + today + "&to=" + today),
                        400))
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aFinalizedCampaignsLedgerEndsAtZeroOnceEveryInstructionExecutedAndAddsUpToTheAudit() {
        // nothing has left yet: everything received is still held
        assertThat(ledger().get("balances").get(0).get("balance").decimalValue())
                .isEqualByComparingTo("1365");

        executeEveryInstruction();

        JsonNode ledger = ledger();
        List<JsonNode> lines = ledger.get("lines").valueStream().toList();
        assertThat(lines)
                .extracting(l -> l.get("type").asString() + " "
                        + l.get("amount").decimalValue().toPlainString())
                .containsExactlyInAnyOrder(
                        "MONEYIN 1050.00",
                        "MONEYIN 315.00",
                        "REFUND -315.00",
                        "CASHOUT -980.00",
                        "FEE_PAYOUT -50.00",
                        "SUCCESS_FEE -20.00");
        assertThat(lines.get(lines.size() - 1).get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(ledger.get("balances").get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(ledger.get("balances").get(0).get("balance").decimalValue()).isEqualByComparingTo("0");

        // where they overlap, the ledger's sums are what the audit's totals grew by
        JsonNode auditAfter = flows.ops().audit();
        assertThat(sum(lines, "MONEYIN")).isEqualByComparingTo(grewBy(auditAfter, "moneyins"));
        assertThat(sum(lines, "REFUND").negate()).isEqualByComparingTo(grewBy(auditAfter, "refunds"));
        assertThat(sum(lines, "CASHOUT").negate()).isEqualByComparingTo(grewBy(auditAfter, "cashouts"));
        assertThat(sum(lines, "FEE_PAYOUT").add(sum(lines, "SUCCESS_FEE")).negate())
                .isEqualByComparingTo(grewBy(auditAfter, "feePayouts"));

        // the same lines as CSV, asked for by Accept
        String text = api.web()
                .get()
                .uri("/api/v1/campaigns/" + campaign + "/ledger")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + flows.portal().apiKey())
                .header(HttpHeaders.ACCEPT, "text/csv")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        List<CSVRecord> csv = csv(text);
        assertThat(csv).hasSize(lines.size());
        assertThat(csv.get(csv.size() - 1).get("balance")).isEqualTo("0.00");
        assertThat(csv).extracting(r -> r.get("type")).contains("MONEYIN", "CASHOUT", "SUCCESS_FEE");
    }

    @Test
    void anotherPortalSeesNeitherTheInvestorsStatementNorTheCampaignsLedger() {
        TestPortal other = api.newPortal();

        assertThat(problemCode(other.get("/investors/" + investor + "/statement"), 404))
                .isEqualTo("NOT_FOUND");
        assertThat(problemCode(other.get("/campaigns/" + campaign + "/ledger"), 404))
                .isEqualTo("NOT_FOUND");
        assertThat(problemCode(other.get("/campaigns/" + campaign + "/ledger?format=csv"), 404))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void opsReadTheSameStatementAndLedgerOfAnyPortal() {
        assertThat(ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/investors/" + investor + "/statement")
                        .expectStatus()
                        .isOk()))
                .isEqualTo(statement(""));
        assertThat(ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/campaigns/" + campaign + "/ledger")
                        .expectStatus()
                        .isOk()))
                .isEqualTo(ledger());
        assertThat(problemCode(api.get(ApiClient.OPS_KEY, "/api/v1/ops/campaigns/COL23456789ABCDEFGH/ledger"), 404))
                .isEqualTo("NOT_FOUND");
        assertThat(problemCode(api.get(ApiClient.OPS_KEY, "/api/v1/ops/investors/INV23456789ABCDEFGH/statement"), 404))
                .isEqualTo("NOT_FOUND");
        // a portal's key is not an ops key
        assertThat(problemCode(api.get(flows.portal().apiKey(), "/api/v1/ops/campaigns/" + campaign + "/ledger"), 403))
                .isEqualTo("FORBIDDEN");
    }

    /** The refund, the FEE_PAYOUT and (approved first) the CASHOUT, each answered EXECUTED by the bank. */
    private void executeEveryInstruction() {
        execute(flows.payments().refund(refundedOrder).get("instructionId").asString());
        JsonNode feePayout = flows.awaitRequestedInstructions(since, campaign, 1).stream()
                .filter(i -> "FEE_PAYOUT".equals(i.get("type").asString()))
                .findFirst()
                .orElseThrow();
        execute(feePayout.get("instructionId").asString());
        execute(cashoutInstruction);
    }

    private void execute(String instructionId) {
        JsonNode instruction = flows.payments().instruction(instructionId);
        if ("AWAITING_APPROVAL".equals(instruction.get("status").asString())) {
            flows.payments().approve(instructionId);
        }
        flows.payments()
                .publish(DebitMessages.answer(
                        instructionId,
                        "EXECUTED",
                        instruction.get("amount").decimalValue().toPlainString()));
        flows.payments().awaitInstructionStatus(instructionId, "EXECUTED");
    }

    private JsonNode statement(String query) {
        return ApiClient.body(flows.portal()
                .get("/investors/" + investor + "/statement" + query)
                .expectStatus()
                .isOk());
    }

    private JsonNode ledger() {
        return ApiClient.body(flows.portal()
                .get("/campaigns/" + campaign + "/ledger")
                .expectStatus()
                .isOk());
    }

    private static List<String> totals(JsonNode statement) {
        return statement
                .get("totals")
                .valueStream()
                .map(t -> t.get("currency").asString() + " " + plain(t, "paid") + " " + plain(t, "refunded") + " "
                        + plain(t, "executed") + " " + plain(t, "pending"))
                .toList();
    }

    private static String plain(JsonNode node, String field) {
        return node.get(field).decimalValue().toPlainString();
    }

    private static BigDecimal sum(List<JsonNode> lines, String type) {
        return lines.stream()
                .filter(l -> type.equals(l.get("type").asString()))
                .map(l -> l.get("amount").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal grewBy(JsonNode auditAfter, String total) {
        return sumOf(auditAfter, total).subtract(sumOf(auditBefore, total));
    }

    private static BigDecimal sumOf(JsonNode audit, String total) {
        JsonNode sum = audit.path("totals").path("EUR").path(total).path("sum");
        return sum.isMissingNode() ? BigDecimal.ZERO : sum.decimalValue();
    }

    private static List<CSVRecord> csv(String text) {
        try {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(text))
                    .getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
