package io.crowdrecon.recon.testing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A portal created for one test, with its key and first company, and shortcuts to build its world. */
public record TestPortal(
        ApiClient api, String portalId, String apiKey, String webhookSecret, String collectionIban, String companyId) {

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return api.post(apiKey, "/api/v1" + path, body);
    }

    public WebTestClient.ResponseSpec put(String path, Object body) {
        return api.put(apiKey, "/api/v1" + path, body);
    }

    public WebTestClient.ResponseSpec put(String path) {
        return api.put(apiKey, "/api/v1" + path, null);
    }

    public WebTestClient.ResponseSpec get(String path) {
        return api.get(apiKey, "/api/v1" + path);
    }

    public Map<String, Object> campaignBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyId", companyId);
        body.put("name", "Campaign " + UUID.randomUUID().toString().substring(0, 8));
        body.put("description", "A test campaign");
        body.put("targetAmountMin", 1000);
        body.put("targetAmountMax", 1000000);
        body.put("currency", "EUR");
        body.put("expectedClosingDate", "2030-12-31");
        body.put("portalSuccessFee", Map.of("fixedAmount", 0, "variableAmountPercentage", 0));
        return body;
    }

    /** A new campaign, already OPEN. */
    public String openCampaign() {
        String campaignId = ApiClient.body(
                        post("/campaigns", campaignBody()).expectStatus().isCreated())
                .get("campaignId")
                .asString();
        put("/campaigns/" + campaignId + "/opened").expectStatus().isOk();
        return campaignId;
    }

    public String investor() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Mario");
        body.put("surname", "Rossi");
        body.put("fiscalCode", "RSSMRA81L04A859G");
        body.put("type", "NATURAL_PERSON");
        body.put("email", "mario.rossi@example.org");
        return ApiClient.body(post("/investors", body).expectStatus().isCreated())
                .get("investorId")
                .asString();
    }

    /**
     * An order body for 1000 + 100 fee paid by transfer from {@code payerIban}. It acknowledges the risk warning: the
     * fixtures' investors place many orders, which would otherwise pass the 1,000 EUR threshold (issue 23);
     * {@code InvestorProtectionIT} removes it to test the warning.
     */
    public Map<String, Object> orderBody(String campaignId, String investorId, String payerIban) {
        Map<String, Object> account = new HashMap<>();
        account.put("iban", payerIban);
        account.put("holderName", "Mario");
        account.put("holderSurname", "Rossi");
        account.put("holderBusinessName", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("investorId", investorId);
        body.put("companyId", companyId);
        body.put("campaignId", campaignId);
        body.put("investorAccount", account);
        body.put("totalAmount", new BigDecimal("1100"));
        body.put("orderAmount", new BigDecimal("1000"));
        body.put("feeAmount", new BigDecimal("100"));
        body.put("currency", "EUR");
        body.put("channel", "MONEY_TRANSFER");
        body.put("description", "Order test");
        body.put("portalOrderCode", UUID.randomUUID().toString().substring(0, 8));
        body.put("portalOrderDatetime", "2026-11-20T12:45:12.234Z");
        body.put("portalInvestorCode", "RSSMRA81L04A859O");
        body.put("portalCompanyCode", "KZ78");
        body.put("portalCampaignCode", "CAMP56");
        body.put("riskWarningAcknowledged", true);
        return body;
    }

    /** A new order in an open campaign; answers the created order. */
    public JsonNode order(String campaignId, String investorId, String payerIban) {
        return ApiClient.body(post("/orders", orderBody(campaignId, investorId, payerIban))
                .expectStatus()
                .isCreated());
    }
}
