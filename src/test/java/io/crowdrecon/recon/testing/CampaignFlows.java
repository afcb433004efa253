package io.crowdrecon.recon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.Credits.Credit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One test's portal running campaigns to their end: campaigns with their own targets and success fee, orders of any
 * amount, paid by real credits on {@code recon.bank-notifications} (through {@link PaymentFlows}), closed, finalized
 * or cancelled through the API, and what the portal and the operator then see.
 */
public final class CampaignFlows {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final PaymentFlows payments;
    private final TestPortal portal;
    private final String investor;
    private final String otherInvestor;
    private final String feeAccountIban;
    private final String companyIban;

    /** A new portal (with a company and two investors) on the service {@code api} talks to. */
    public CampaignFlows(ApiClient api, TestKafka kafka) {
        this.api = api;
        this.payments = new PaymentFlows(api, kafka);
        this.portal = payments.portal();
        this.investor = portal.investor();
        this.otherInvestor = portal.investor();
        this.feeAccountIban = ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/portals/" + portal.portalId())
                        .expectStatus()
                        .isOk())
                .get("feeAccountIban")
                .asString();
        this.companyIban = ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/companies/" + portal.companyId())
                        .expectStatus()
                        .isOk())
                .get("iban")
                .asString();
    }

    public PaymentFlows payments() {
        return payments;
    }

    public TestPortal portal() {
        return portal;
    }

    public OpsView ops() {
        return payments.ops();
    }

    public String investor() {
        return investor;
    }

    public String otherInvestor() {
        return otherInvestor;
    }

    /** The portal's fee account, where the FEE_PAYOUT goes. */
    public String feeAccountIban() {
        return feeAccountIban;
    }

    /** The company's IBAN, where the CASHOUT goes. */
    public String companyIban() {
        return companyIban;
    }

    // --- campaigns

    /** A new OPEN campaign with these targets and success fee (amounts as decimal strings). */
    public String openCampaign(String targetMin, String targetMax, String fixedFee, String percentage) {
        Map<String, Object> body = portal.campaignBody();
        body.put("targetAmountMin", new BigDecimal(targetMin));
        body.put("targetAmountMax", new BigDecimal(targetMax));
        body.put(
                "portalSuccessFee",
                Map.of(
                        "fixedAmount",
                        new BigDecimal(fixedFee),
                        "variableAmountPercentage",
                        new BigDecimal(percentage)));
        String campaignId = ApiClient.body(
                        portal.post("/campaigns", body).expectStatus().isCreated())
                .get("campaignId")
                .asString();
        portal.put("/campaigns/" + campaignId + "/opened").expectStatus().isOk();
        return campaignId;
    }

    /** A new OPEN campaign with targets 1000–1,000,000 and no success fee. */
    public String openCampaign() {
        return openCampaign("1000", "1000000", "0", "0");
    }

    public JsonNode campaign(String campaignId) {
        return ApiClient.body(
                portal.get("/campaigns/" + campaignId).expectStatus().isOk());
    }

    public String campaignStatus(String campaignId) {
        return campaign(campaignId).get("status").asString();
    }

    public void close(String campaignId) {
        assertThat(ApiClient.body(portal.put("/campaigns/" + campaignId + "/closed")
                                .expectStatus()
                                .isOk())
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
    }

    public WebTestClient.ResponseSpec cancel(String campaignId) {
        return portal.put("/campaigns/" + campaignId + "/cancelled");
    }

    public WebTestClient.ResponseSpec finalizeSuccess(String campaignId, Map<String, Object> plan) {
        return portal.put("/campaigns/" + campaignId + "/finalized-success", plan);
    }

    public WebTestClient.ResponseSpec finalizeFailure(String campaignId) {
        return portal.put("/campaigns/" + campaignId + "/finalized-failure");
    }

    /** {@code finalized-success} expecting 200; answers the body. */
    public JsonNode succeed(String campaignId, Map<String, Object> plan) {
        return ApiClient.body(finalizeSuccess(campaignId, plan).expectStatus().isOk());
    }

    /** A plan with no split. */
    public static Map<String, Object> plan(List<String> toExecute, List<String> toUndo) {
        return plan(toExecute, toUndo, null);
    }

    /** The body of {@code finalized-success}; {@code split} may be null. */
    public static Map<String, Object> plan(List<String> toExecute, List<String> toUndo, Map<String, Object> split) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ordersToExecute", new ArrayList<>(toExecute));
        body.put("ordersToUndo", new ArrayList<>(toUndo));
        if (split != null) {
            body.put("orderToSplit", split);
        }
        return body;
    }

    /** The {@code orderToSplit} of a plan (amounts as decimal strings). */
    public static Map<String, Object> split(
            String orderId, String companyToExecute, String companyToUndo, String feeToExecute, String feeToUndo) {
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("orderId", orderId);
        split.put("companyAmountToExecute", new BigDecimal(companyToExecute));
        split.put("companyAmountToUndo", new BigDecimal(companyToUndo));
        split.put("feeAmountToExecute", new BigDecimal(feeToExecute));
        split.put("feeAmountToUndo", new BigDecimal(feeToUndo));
        return split;
    }

    /** {@code GET /campaigns/{id}/amount}. */
    public JsonNode amount(String campaignId) {
        return ApiClient.body(portal.get("/campaigns/" + campaignId + "/amount")
                .expectStatus()
                .isOk());
    }

    /** {@code GET /campaigns/{id}/cashouts/{cashoutId}}. */
    public JsonNode cashout(String campaignId, String cashoutId) {
        return ApiClient.body(portal.get("/campaigns/" + campaignId + "/cashouts/" + cashoutId)
                .expectStatus()
                .isOk());
    }

    /** {@code GET /stats}. */
    public JsonNode stats() {
        return ApiClient.body(portal.get("/stats").expectStatus().isOk());
    }

    /** The ids and statuses of the campaign's orders as {@code GET /campaigns/{id}/orders} lists them. */
    public Map<String, String> orderStatuses(String campaignId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        ApiClient.body(portal.get("/campaigns/" + campaignId + "/orders?size=500")
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .forEach(order -> statuses.put(
                        order.get("orderId").asString(), order.get("status").asString()));
        return statuses;
    }

    /** What a portal computes before finalizing: the ids of the campaign's ACCOUNTED orders. */
    public List<String> accountedOrders(String campaignId) {
        return orderStatuses(campaignId).entrySet().stream()
                .filter(e -> "ACCOUNTED".equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    // --- orders

    /** A new order of {@code orderAmount} + {@code feeAmount} by bank transfer from the first investor. */
    public String order(String campaignId, String orderAmount, String feeAmount, String investorIban) {
        return order(campaignId, investor, orderAmount, feeAmount, investorIban);
    }

    public String order(
            String campaignId, String investorId, String orderAmount, String feeAmount, String investorIban) {
        Map<String, Object> body = orderBody(campaignId, investorId, orderAmount, feeAmount, investorIban);
        return ApiClient.body(portal.post("/orders", body).expectStatus().isCreated())
                .get("orderId")
                .asString();
    }

    public Map<String, Object> orderBody(
            String campaignId, String investorId, String orderAmount, String feeAmount, String investorIban) {
        Map<String, Object> body = portal.orderBody(campaignId, investorId, investorIban);
        BigDecimal order = new BigDecimal(orderAmount);
        BigDecimal fee = new BigDecimal(feeAmount);
        body.put("orderAmount", order);
        body.put("feeAmount", fee);
        body.put("totalAmount", order.add(fee));
        return body;
    }

    public JsonNode order(String orderId) {
        return payments.order(orderId);
    }

    public String status(String orderId) {
        return order(orderId).get("status").asString();
    }

    /** The order's last transition. */
    public JsonNode lastTransition(String orderId) {
        List<JsonNode> history =
                order(orderId).get("statusHistory").valueStream().toList();
        return history.get(history.size() - 1);
    }

    /** A credit of {@code amount} from {@code payerIban} naming the order, with a description no other credit has. */
    public Credit creditFor(String orderId, String amount, String payerIban) {
        return payments.creditFor(orderId, payerIban)
                .amount(amount)
                .description("Subscription " + orderId + " ref " + UUID.randomUUID());
    }

    /** Pays the order with a credit of {@code amount} and waits until it is ACCOUNTED; answers the credit. */
    public Credit pay(String orderId, String amount, String payerIban) {
        Credit credit = creditFor(orderId, amount, payerIban);
        payments.publish(credit);
        payments.awaitStatus(orderId, "ACCOUNTED");
        return credit;
    }

    /** Publishes a credit of the wrong amount and waits until the order is INCORRECT_AMOUNT. */
    public void payWrongAmount(String orderId, String amount, String payerIban) {
        payments.publish(creditFor(orderId, amount, payerIban));
        payments.awaitStatus(orderId, "INCORRECT_AMOUNT");
    }

    /** Publishes the credit and waits until it is an unidentified transfer; answers the transfer. */
    public JsonNode publishUnidentified(Credit credit) {
        payments.publish(credit);
        return payments.awaitUnidentifiedDescribedAs(descriptionOf(credit));
    }

    /** The description the credit carries. */
    public static String descriptionOf(Credit credit) {
        return JSON.readTree(credit.json()).get("description").asString();
    }

    /** Expects a problem document with {@code status}; answers its {@code code}. */
    public static String problemCode(WebTestClient.ResponseSpec response, int status) {
        JsonNode problem = ApiClient.body(response.expectStatus().isEqualTo(status));
        assertThat(problem).as("problem document").isNotNull();
        return problem.path("code").asString(null);
    }

    /** The items of {@code GET /orders/{id}/payment/moneyouts}. */
    public List<JsonNode> moneyouts(String orderId) {
        return payments.moneyouts(orderId);
    }

    /** Waits until the order is in {@code status}; answers it. */
    public JsonNode awaitStatus(String orderId, String status) {
        return payments.awaitStatus(orderId, status);
    }

    /** Waits until {@code recon.payment-instructions} holds {@code count} requested instructions keyed {@code key}. */
    public List<JsonNode> awaitRequestedInstructions(long sinceMillis, String key, int count) {
        await().atMost(PaymentFlows.DECIDED)
                .pollInterval(java.time.Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(payments.requestedInstructions(sinceMillis, key))
                        .as("instructions requested with key %s", key)
                        .hasSizeGreaterThanOrEqualTo(count));
        return payments.requestedInstructions(sinceMillis, key);
    }
}
