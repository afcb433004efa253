package io.crowdrecon.recon.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.WireAmounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ReconIntegrationTest
class CampaignApiIT {

    @Autowired
    WebTestClient web;

    TestPortal portal;

    @BeforeEach
    void setUp() {
        portal = new ApiClient(web).newPortal();
    }

    @Test
    void createsACampaignInCreatedAndEchoesItsTerms() {
        Map<String, Object> body = portal.campaignBody();
        body.put("portalSuccessFee", Map.of("fixedAmount", 250.5, "variableAmountPercentage", 0.15));

        JsonNode campaign = ApiClient.body(portal.post("/campaigns", body)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/v1/campaigns/COL[0-9A-Z]{16}"));

        assertThat(campaign.get("status").asString()).isEqualTo("CREATED");
        assertThat(campaign.get("companyId").asString()).isEqualTo(portal.companyId());
        assertThat(campaign.get("targetAmountMin").decimalValue()).isEqualByComparingTo("1000");
        assertThat(campaign.get("portalSuccessFee").get("fixedAmount").decimalValue())
                .isEqualByComparingTo("250.5");
        assertThat(campaign.get("portalSuccessFee")
                        .get("variableAmountPercentage")
                        .decimalValue())
                .isEqualByComparingTo("0.15");
        assertThat(campaign.get("expectedClosingDate").asString()).isEqualTo("2030-12-31");
    }

    @Test
    void writesTargetsAndTheFixedFeeWithTwoDecimalsAndTheSameOnCreateAndRead() {
        Map<String, Object> body = portal.campaignBody();
        body.put("targetAmountMin", 1000);
        body.put("targetAmountMax", new BigDecimal("100000.0"));
        body.put("portalSuccessFee", Map.of("fixedAmount", 250.5, "variableAmountPercentage", 0.15));

        String created =
                ApiClient.text(portal.post("/campaigns", body).expectStatus().isCreated());
        String id =
                JsonMapper.builder().build().readTree(created).get("campaignId").asString();
        String read =
                ApiClient.text(portal.get("/campaigns/" + id).expectStatus().isOk());
        String updated = ApiClient.text(
                portal.put("/campaigns/" + id, body).expectStatus().isOk());

        for (String answer : List.of(created, read, updated)) {
            assertThat(WireAmounts.of(answer, "targetAmountMin")).containsExactly("1000.00");
            assertThat(WireAmounts.of(answer, "targetAmountMax")).containsExactly("100000.00");
            assertThat(WireAmounts.of(answer, "fixedAmount")).containsExactly("250.50");
        }
        // a percentage, not an amount: no currency digits
        assertThat(new BigDecimal(
                        WireAmounts.of(read, "variableAmountPercentage").get(0)))
                .isEqualByComparingTo("0.15");
    }

    @Test
    void treatsAnOmittedSuccessFeeAsZero() {
        Map<String, Object> body = portal.campaignBody();
        body.remove("portalSuccessFee");

        JsonNode campaign =
                ApiClient.body(portal.post("/campaigns", body).expectStatus().isCreated());

        assertThat(campaign.get("portalSuccessFee").get("fixedAmount").decimalValue())
                .isZero();
        assertThat(WireAmounts.of(
                        ApiClient.text(portal.get("/campaigns/"
                                        + campaign.get("campaignId").asString())
                                .expectStatus()
                                .isOk()),
                        "fixedAmount"))
                .containsExactly("0.00");
    }

    @Test
    void refusesInvalidTermsListingEveryField() {
        Map<String, Object> body = portal.campaignBody();
        body.put("name", "");
        body.put("targetAmountMin", 5000);
        body.put("targetAmountMax", 100);
        body.put("portalSuccessFee", Map.of("fixedAmount", -1, "variableAmountPercentage", 101));

        portal.post("/campaigns", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[?(@.field == 'name')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'targetAmountMax')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'portalSuccessFee.fixedAmount')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'portalSuccessFee.variableAmountPercentage')]")
                .exists();
    }

    @Test
    void refusesAmountsWithMoreThanTwoDecimalsOrAsStrings() {
        Map<String, Object> body = portal.campaignBody();
        body.put("targetAmountMin", 10.001);
        portal.post("/campaigns", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("targetAmountMin");

        body.put("targetAmountMin", "1000");
        portal.post("/campaigns", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("targetAmountMin");
    }

    @Test
    void refusesCurrenciesOtherThanEuroWith422() {
        Map<String, Object> body = portal.campaignBody();
        body.put("currency", "USD");

        portal.post("/campaigns", body)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNSUPPORTED_CURRENCY");
    }

    @Test
    void answersNotFoundForAnotherPortalsCompanyAndCampaign() {
        TestPortal other = new ApiClient(web).newPortal();
        Map<String, Object> body = portal.campaignBody();
        body.put("companyId", other.companyId());
        portal.post("/campaigns", body).expectStatus().isNotFound();

        String theirs = other.openCampaign();
        portal.get("/campaigns/" + theirs)
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND");
        portal.put("/campaigns/" + theirs + "/closed").expectStatus().isNotFound();
        portal.get("/campaigns/" + theirs + "/orders").expectStatus().isNotFound();
        portal.get("/campaigns/" + theirs + "/amount").expectStatus().isNotFound();
    }

    @Test
    void walksTheLifecycleAndAnswersAPutToTheCurrentStatusWithoutChange() {
        String id = ApiClient.body(portal.post("/campaigns", portal.campaignBody()))
                .get("campaignId")
                .asString();

        portal.put("/campaigns/" + id + "/closed")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ILLEGAL_TRANSITION");
        portal.put("/campaigns/" + id + "/opened")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("OPEN");
        portal.put("/campaigns/" + id + "/opened")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("OPEN");
        portal.put("/campaigns/" + id + "/closed")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CLOSED");
        portal.put("/campaigns/" + id + "/opened").expectStatus().isEqualTo(409);
    }

    @Test
    void updatesTermsOnlyWhileCreatedOrOpen() {
        String id = ApiClient.body(portal.post("/campaigns", portal.campaignBody()))
                .get("campaignId")
                .asString();
        Map<String, Object> body = portal.campaignBody();
        body.put("name", "Renamed");

        portal.put("/campaigns/" + id, body)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Renamed");
        portal.put("/campaigns/" + id + "/opened").expectStatus().isOk();
        portal.put("/campaigns/" + id + "/closed").expectStatus().isOk();
        portal.put("/campaigns/" + id, body).expectStatus().isEqualTo(409);
    }

    @Test
    void refusesAnExpectedClosingDateInThePastOnCreateAndUpdateButTakesToday() {
        Map<String, Object> body = portal.campaignBody();
        body.put(
                "expectedClosingDate",
                LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());

        portal.post("/campaigns", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("expectedClosingDate");

        String id = ApiClient.body(portal.post("/campaigns", portal.campaignBody()))
                .get("campaignId")
                .asString();
        portal.put("/campaigns/" + id, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("expectedClosingDate");
        assertThat(ApiClient.body(portal.get("/campaigns/" + id).expectStatus().isOk())
                        .get("expectedClosingDate")
                        .asString())
                .isEqualTo("2030-12-31");

        // The service's clock runs in UTC.
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        body.put("expectedClosingDate", today);
        JsonNode updated = ApiClient.body(portal.put("/campaigns/" + id, body));
        assertThat(updated.get("expectedClosingDate").asString()).isEqualTo(today);
    }

    @Test
    void listsCampaignsNewestFirstInPages() {
        String first = ApiClient.body(portal.post("/campaigns", portal.campaignBody()))
                .get("campaignId")
                .asString();
        String second = ApiClient.body(portal.post("/campaigns", portal.campaignBody()))
                .get("campaignId")
                .asString();

        JsonNode page = ApiClient.body(
                portal.get("/campaigns?page=0&size=1").expectStatus().isOk());

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("items").get(0).get("campaignId").asString()).isEqualTo(second);
        JsonNode next = ApiClient.body(portal.get("/campaigns?page=1&size=1"));
        assertThat(next.get("items").get(0).get("campaignId").asString()).isEqualTo(first);
        portal.get("/campaigns?size=501").expectStatus().isBadRequest();
    }

    @Test
    void cancellingACampaignExpiresItsPayableOrders() {
        String campaign = portal.openCampaign();
        String investor = portal.investor();
        String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();

        portal.put("/campaigns/" + campaign + "/cancelled")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");

        portal.get("/orders/" + orderId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("EXPIRED")
                .jsonPath("$.statusHistory[1].reason")
                .isEqualTo("CAMPAIGN_CANCELLED");
        portal.post("/orders", portal.orderBody(campaign, investor, Ibans.randomGerman()))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CAMPAIGN_NOT_OPEN");
    }
}
