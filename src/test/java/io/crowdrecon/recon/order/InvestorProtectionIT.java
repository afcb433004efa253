package io.crowdrecon.recon.order;

import static io.crowdrecon.recon.testing.PaymentFlows.DECIDED;
import static io.crowdrecon.recon.testing.PaymentFlows.POLL;
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
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import io.crowdrecon.recon.testing.WireAmounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 23, items 1 and 2 through the API, on real PostgreSQL and Kafka: a non-sophisticated investor's order revoked
 * within its reflection period (refunded in full when paid) and refused after it; the risk warning above the
 * threshold; a campaign's ticket rules, also under concurrent orders; and the bad input of both.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class InvestorProtectionIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    @Autowired
    DatabaseClient database;

    String investorIban = Ibans.randomGerman();
    String payerIban = Ibans.randomGerman();

    // --- revocation (item 1)

    @Test
    void revokingAPaidOrderOnDayThreeRefundsItsWholeTotalToThePayerInTheRequest() {
        reflectionPeriod("P4D");
        String orderId = flows.newOrder(investorIban);
        JsonNode created = flows.order(orderId);
        assertThat(Instant.parse(created.get("reflectionPeriodEndsAt").asString()))
                .isEqualTo(
                        Instant.parse(created.get("createdDatetime").asString()).plus(Duration.ofDays(4)));
        flows.pay(orderId, payerIban);
        long beforeRevoking = System.currentTimeMillis();

        JsonNode revoked = ApiClient.body(revoke(orderId).expectStatus().isOk());

        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        JsonNode last = last(revoked.get("statusHistory"));
        assertThat(last.get("previousStatus").asString()).isEqualTo("ACCOUNTED");
        assertThat(last.get("reason").asString()).isEqualTo("REVOKED_IN_REFLECTION_PERIOD");
        assertThat(flows.moneyouts(orderId))
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("REVERSED"));
        JsonNode refund = flows.refund(orderId);
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(refund.get("iban").asString()).isEqualTo(payerIban);
        JsonNode requested = flows.awaitRequestedInstruction(
                beforeRevoking, orderId, refund.get("instructionId").asString());
        assertThat(requested.get("type").asString()).isEqualTo("REFUND");
        assertThat(requested.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(requested.get("creditorIban").asString()).isEqualTo(payerIban);

        // Revoking again answers the order as it is.
        JsonNode again = ApiClient.body(revoke(orderId).expectStatus().isOk());
        assertThat(again.get("status").asString()).isEqualTo("REVOKED");
        assertThat(again.get("statusHistory").size())
                .isEqualTo(revoked.get("statusHistory").size());
        assertThat(flows.refund(orderId).get("refundId").asString())
                .isEqualTo(refund.get("refundId").asString());
    }

    @Test
    void aBankRecallOfARevokedAndRefundedOrderOnlyOpensARecallAfterPayout() {
        reflectionPeriod("P4D");
        String orderId = flows.newOrder(investorIban);
        Credits.Credit credit = flows.pay(orderId, payerIban);
        revoke(orderId).expectStatus().isOk();
        Debit recall = DebitMessages.recall(credit.notificationId(), "1100");

        flows.publish(recall);

        JsonNode afterPayout = flows.awaitReview("RECALL_AFTER_PAYOUT", recall.notificationId());
        assertThat(afterPayout.get("orderId").asString()).isEqualTo(orderId);
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("REVOKED");
        assertThat(flows.ops().reviewItemsAbout("UNEXPECTED_DEBIT", recall.notificationId()))
                .isEmpty();
    }

    @Test
    void revokingOnDayFiveIsRefusedAndChangesNothing() {
        // A period of one second stands for four days: the test waits until it is over, on the shared clock.
        reflectionPeriod("PT1S");
        String orderId = flows.newOrder(investorIban);
        flows.pay(orderId, payerIban);
        Instant endsAt =
                Instant.parse(flows.order(orderId).get("reflectionPeriodEndsAt").asString());
        await().atMost(DECIDED).pollInterval(POLL).until(() -> Instant.now().isAfter(endsAt));

        JsonNode problem = ApiClient.body(revoke(orderId).expectStatus().isEqualTo(409));

        assertThat(problem.get("code").asString()).isEqualTo("REFLECTION_PERIOD_OVER");
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("ACCOUNTED");
        flows.portal()
                .get("/orders/" + orderId + "/payment/refund")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aRevokedUnpaidOrderReturnsACreditThatArrivesLater() {
        reflectionPeriod("P4D");
        String orderId = flows.newOrder(investorIban);
        JsonNode revoked = ApiClient.body(revoke(orderId).expectStatus().isOk());
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(last(revoked.get("statusHistory")).get("previousStatus").asString())
                .isEqualTo("CREATED");

        flows.publish(flows.creditFor(orderId, payerIban));

        JsonNode page = await().atMost(DECIDED)
                .pollInterval(POLL)
                .until(
                        () -> flows.ops().unidentified("candidateOrderId=" + orderId),
                        found -> found.get("total").asLong() > 0);
        JsonNode transfer = page.get("items").get(0);
        assertThat(transfer.get("reason").asString()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(transfer.get("payerIban").asString()).isEqualTo(payerIban);
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("REVOKED");
        assertThat(flows.moneyouts(orderId)).isEmpty();
    }

    @Test
    void aSophisticatedInvestorsOrderHasNoReflectionPeriodAndCannotBeRevoked() {
        reflectionPeriod("P4D");
        TestPortal portal = flows.portal();
        String campaign = portal.openCampaign();
        String investor = investor(portal, Map.of("classification", "SOPHISTICATED"));
        JsonNode order = ApiClient.body(portal.post("/orders", portal.orderBody(campaign, investor, investorIban))
                .expectStatus()
                .isCreated());
        assertThat(order.get("reflectionPeriodEndsAt").isNull()).isTrue();

        JsonNode problem = ApiClient.body(
                revoke(order.get("orderId").asString()).expectStatus().isEqualTo(409));

        assertThat(problem.get("code").asString()).isEqualTo("NOT_REVOCABLE");
    }

    @Test
    void withTheTestDefaultPeriodOfZeroAnOrderIsAtOnceNoLongerRevocable() {
        String orderId = flows.newOrder(investorIban);
        JsonNode order = flows.order(orderId);

        assertThat(order.get("reflectionPeriodEndsAt").asString())
                .isEqualTo(order.get("createdDatetime").asString());
        assertThat(ApiClient.body(revoke(orderId).expectStatus().isEqualTo(409))
                        .get("code")
                        .asString())
                .isEqualTo("REFLECTION_PERIOD_OVER");
    }

    @Test
    void revokingAnOrderOfAnotherPortalOrNoneIsNotFound() {
        reflectionPeriod("P4D");
        String orderId = flows.newOrder(investorIban);
        TestPortal other = api.newPortal();

        other.put("/orders/" + orderId + "/revoked").expectStatus().isNotFound();
        assertThat(flows.order(orderId).get("status").asString()).isEqualTo("CREATED");
    }

    @Test
    void anOrderThatCannotMoveToRevokedInItsPeriodIsAnIllegalTransition() {
        reflectionPeriod("P4D");
        String orderId = flows.newOrder(investorIban);
        flows.portal().put("/orders/" + orderId + "/failed").expectStatus().isOk();

        JsonNode problem = ApiClient.body(revoke(orderId).expectStatus().isEqualTo(409));

        assertThat(problem.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
    }

    // --- the risk warning (item 2)

    @Test
    void anOrderAboveTheThresholdNeedsTheRiskWarningAcknowledgedAndStoresIt() {
        TestPortal portal = flows.portal();
        String campaign = portal.openCampaign();
        // 5 % of 30,000 is 1,500: a first order of 1,000 is under it, a second one passes it.
        String investor = investor(portal, Map.of("netWorth", new BigDecimal("30000")));
        JsonNode first = ApiClient.body(portal.post("/orders", unacknowledged(portal, campaign, investor, "1000"))
                .expectStatus()
                .isCreated());
        assertThat(first.get("riskWarningAcknowledged").asBoolean()).isFalse();

        String problemText = ApiClient.text(portal.post("/orders", unacknowledged(portal, campaign, investor, "1000"))
                .expectStatus()
                .isEqualTo(422));
        assertThat(json(problemText).get("code").asString()).isEqualTo("RISK_WARNING_REQUIRED");
        assertThat(WireAmounts.of(problemText, "threshold")).containsExactly("1500.00");
        assertThat(WireAmounts.of(problemText, "investedAmount")).containsExactly("2000.00");
        assertThat(json(problemText).get("currency").asString()).isEqualTo("EUR");

        Map<String, Object> acknowledged = unacknowledged(portal, campaign, investor, "1000");
        acknowledged.put("riskWarningAcknowledged", true);
        JsonNode second = ApiClient.body(
                portal.post("/orders", acknowledged).expectStatus().isCreated());
        assertThat(second.get("riskWarningAcknowledged").asBoolean()).isTrue();
        assertThat(database.sql("SELECT risk_warning_acknowledged FROM purchase_order WHERE order_id = :id")
                        .bind("id", second.get("orderId").asString())
                        .map(row -> row.get(0, Boolean.class))
                        .one()
                        .block())
                .isTrue();
    }

    @Test
    void aSophisticatedInvestorNeverNeedsTheRiskWarning() {
        TestPortal portal = flows.portal();
        String campaign = portal.openCampaign();
        String investor = investor(portal, Map.of("classification", "SOPHISTICATED"));

        portal.post("/orders", unacknowledged(portal, campaign, investor, "50000"))
                .expectStatus()
                .isCreated();
    }

    // --- ticket rules (item 2)

    @Test
    void anOrderOutsideTheCampaignsTicketRulesIsRefusedNamingTheRule() {
        TestPortal portal = flows.portal();
        String campaign = campaignWithTickets(portal, "250", "5000", "50", "6000");
        JsonNode shown = ApiClient.body(
                portal.get("/campaigns/" + campaign).expectStatus().isOk());
        assertThat(shown.get("minTicket").decimalValue()).isEqualByComparingTo("250");
        assertThat(shown.get("maxPerInvestor").decimalValue()).isEqualByComparingTo("6000");
        String investor = investor(portal, Map.of("classification", "SOPHISTICATED"));

        assertRefused(portal, campaign, investor, "200", "TICKET_BELOW_MINIMUM", "250.00");
        assertRefused(portal, campaign, investor, "5050", "TICKET_ABOVE_MAXIMUM", "5000.00");
        assertRefused(portal, campaign, investor, "275", "TICKET_INCREMENT_NOT_MET", "50.00");
        portal.post("/orders", unacknowledged(portal, campaign, investor, "5000"))
                .expectStatus()
                .isCreated();
        String exceeded = assertRefused(portal, campaign, investor, "1050", "MAX_PER_INVESTOR_EXCEEDED", "6000.00");
        assertThat(WireAmounts.of(exceeded, "investedAmount")).containsExactly("6050.00");
        portal.post("/orders", unacknowledged(portal, campaign, investor, "1000"))
                .expectStatus()
                .isCreated();
    }

    @Test
    void concurrentOrdersOfOneInvestorCannotTogetherPassMaxPerInvestor() {
        TestPortal portal = flows.portal();
        String campaign = campaignWithTickets(portal, null, null, null, "1500");
        String investor = investor(portal, Map.of("classification", "SOPHISTICATED"));

        List<CompletableFuture<EntityExchangeResult<JsonNode>>> requests = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> portal.post("/orders", unacknowledged(portal, campaign, investor, "1000"))
                                .expectBody(JsonNode.class)
                                .returnResult()))
                .toList();
        List<Integer> statuses = requests.stream()
                .map(CompletableFuture::join)
                .map(result -> result.getStatus().value())
                .toList();

        assertThat(statuses).containsOnly(201, 422).containsOnlyOnce(201);
        assertThat(database.sql("SELECT count(*) FROM purchase_order WHERE campaign_id = :id")
                        .bind("id", campaign)
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isEqualTo(1L);
    }

    @Test
    void ticketRulesThatAreNotPositiveOrAMinimumAboveTheMaximumAreRefused() {
        TestPortal portal = flows.portal();
        Map<String, Object> body = portal.campaignBody();
        body.put("minTicket", 500);
        body.put("maxTicket", 250);
        body.put("ticketIncrement", 0);

        JsonNode problem =
                ApiClient.body(portal.post("/campaigns", body).expectStatus().isBadRequest());

        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("maxTicket", "ticketIncrement");
    }

    // --- investors' bad input (item 7)

    @Test
    void aNetWorthThatIsNegativeOrNotANumberIsRefused() {
        TestPortal portal = flows.portal();
        for (Object netWorth : List.of(-1, "abc")) {
            Map<String, Object> body = investorBody();
            body.put("netWorth", netWorth);

            JsonNode problem = ApiClient.body(
                    portal.post("/investors", body).expectStatus().isBadRequest());

            assertThat(problem.get("code").asString())
                    .as("netWorth %s", netWorth)
                    .isEqualTo("VALIDATION_FAILED");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("netWorth");
        }
    }

    @Test
    void anInvestorIsNonSophisticatedUnlessToldAndShowsItsNetWorth() {
        TestPortal portal = flows.portal();
        String plain = investor(portal, Map.of());
        String declared = investor(portal, Map.of("netWorth", new BigDecimal("30000.5")));

        assertThat(ApiClient.body(
                                portal.get("/investors/" + plain).expectStatus().isOk())
                        .get("classification")
                        .asString())
                .isEqualTo("NON_SOPHISTICATED");
        String shown = ApiClient.text(
                portal.get("/investors/" + declared).expectStatus().isOk());
        assertThat(WireAmounts.of(shown, "netWorth")).containsExactly("30000.50");
    }

    // --- helpers

    private WebTestClient.ResponseSpec revoke(String orderId) {
        return flows.portal().put("/orders/" + orderId + "/revoked");
    }

    /** Ops set the test portal's reflection period (the tests' default is 0), for the orders created from now on. */
    private void reflectionPeriod(String period) {
        api.put(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals/" + flows.portal().portalId() + "/settings",
                        Map.of("reflectionPeriod", period, "clearingBusinessDays", 0, "cardClearingPeriod", "PT0S"))
                .expectStatus()
                .isOk();
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    private static JsonNode last(JsonNode history) {
        return history.get(history.size() - 1);
    }

    private static Map<String, Object> investorBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Anna");
        body.put("surname", "Bianchi");
        body.put("type", "NATURAL_PERSON");
        return body;
    }

    private static String investor(TestPortal portal, Map<String, Object> extra) {
        Map<String, Object> body = investorBody();
        body.putAll(extra);
        return ApiClient.body(portal.post("/investors", body).expectStatus().isCreated())
                .get("investorId")
                .asString();
    }

    /** An order of {@code orderAmount} + 0 fee without the risk warning acknowledged. */
    private Map<String, Object> unacknowledged(TestPortal portal, String campaign, String investor, String amount) {
        Map<String, Object> body = portal.orderBody(campaign, investor, investorIban);
        body.remove("riskWarningAcknowledged");
        body.put("totalAmount", new BigDecimal(amount));
        body.put("orderAmount", new BigDecimal(amount));
        body.put("feeAmount", BigDecimal.ZERO);
        return body;
    }

    private static String campaignWithTickets(
            TestPortal portal, String minTicket, String maxTicket, String increment, String perInvestor) {
        Map<String, Object> body = portal.campaignBody();
        putAmount(body, "minTicket", minTicket);
        putAmount(body, "maxTicket", maxTicket);
        putAmount(body, "ticketIncrement", increment);
        putAmount(body, "maxPerInvestor", perInvestor);
        String campaign = ApiClient.body(
                        portal.post("/campaigns", body).expectStatus().isCreated())
                .get("campaignId")
                .asString();
        portal.put("/campaigns/" + campaign + "/opened").expectStatus().isOk();
        return campaign;
    }

    private static void putAmount(Map<String, Object> body, String field, String amount) {
        if (amount != null) {
            body.put(field, new BigDecimal(amount));
        }
    }

    /** Asserts a 422 with {@code code} and {@code limit}; answers the problem as written. */
    private String assertRefused(
            TestPortal portal, String campaign, String investor, String amount, String code, String limit) {
        String text = ApiClient.text(portal.post("/orders", unacknowledged(portal, campaign, investor, amount))
                .expectStatus()
                .isEqualTo(422));
        assertThat(json(text).get("code").asString()).as(amount).isEqualTo(code);
        assertThat(WireAmounts.of(text, "limit")).as(amount).containsExactly(limit);
        assertThat(json(text).get("currency").asString()).isEqualTo("EUR");
        return text;
    }
}
