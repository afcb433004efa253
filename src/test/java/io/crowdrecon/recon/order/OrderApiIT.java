package io.crowdrecon.recon.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.CreditorReference;
import io.crowdrecon.recon.shared.OrderId;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.WireAmounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ReconIntegrationTest
class OrderApiIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    TestPortal portal;
    String campaign;
    String investor;

    @BeforeEach
    void setUp() {
        portal = new ApiClient(web).newPortal();
        campaign = portal.openCampaign();
        investor = portal.investor();
    }

    @Test
    void createsAnOrderWithACheckedIdAReferenceAndPaymentInstructions() {
        JsonNode order =
                ApiClient.body(portal.post("/orders", portal.orderBody(campaign, investor, Ibans.randomGerman()))
                        .expectStatus()
                        .isCreated()
                        .expectHeader()
                        .valueMatches(HttpHeaders.LOCATION, "/api/v1/orders/TRX[0-9]{16}"));

        String orderId = order.get("orderId").asString();
        assertThat(OrderId.isValid(orderId)).isTrue();
        assertThat(order.get("status").asString()).isEqualTo("CREATED");
        assertThat(order.get("paymentReference").asString()).endsWith(orderId).startsWith("RF");
        assertThat(CreditorReference.hasValidCheckDigits(
                        order.get("paymentReference").asString()))
                .isTrue();
        JsonNode instructions = order.get("paymentInstructions");
        assertThat(instructions.get("iban").asString()).isEqualTo(portal.collectionIban());
        assertThat(instructions.get("description").asString()).contains(orderId);
        assertThat(instructions.get("amount").decimalValue()).isEqualByComparingTo("1100");
        assertThat(order.get("statusHistory").get(0).get("status").asString()).isEqualTo("CREATED");
        assertThat(order.get("statusHistory").get(0).get("previousStatus").isNull())
                .isTrue();
    }

    @Test
    void writesEveryAmountWithTheCurrencysTwoDecimalsAndTheSameOnCreateAndOnEveryRead() {
        Map<String, Object> body = portal.orderBody(campaign, investor, Ibans.randomGerman());
        body.put("totalAmount", new BigDecimal("1100"));
        body.put("orderAmount", new BigDecimal("1000.5"));
        body.put("feeAmount", new BigDecimal("99.500"));

        String created =
                ApiClient.text(portal.post("/orders", body).expectStatus().isCreated());
        String orderId =
                JsonMapper.builder().build().readTree(created).get("orderId").asString();

        assertThat(WireAmounts.of(created, "totalAmount")).containsExactly("1100.00");
        assertThat(WireAmounts.of(created, "orderAmount")).containsExactly("1000.50");
        assertThat(WireAmounts.of(created, "feeAmount")).containsExactly("99.50");
        assertThat(WireAmounts.of(created, "amount"))
                .as("paymentInstructions.amount")
                .containsExactly("1100.00");
        String read =
                ApiClient.text(portal.get("/orders/" + orderId).expectStatus().isOk());
        String listed = ApiClient.text(
                portal.get("/campaigns/" + campaign + "/orders").expectStatus().isOk());
        for (String field : List.of("totalAmount", "orderAmount", "feeAmount", "amount")) {
            assertThat(WireAmounts.of(read, field)).as("read " + field).isEqualTo(WireAmounts.of(created, field));
            assertThat(WireAmounts.of(listed, field)).as("listed " + field).isEqualTo(WireAmounts.of(created, field));
        }
    }

    @Test
    void writesTheSumsOfACampaignWithTwoDecimalsAlsoWhenThereIsNothingToSum() {
        String amounts = ApiClient.text(
                portal.get("/campaigns/" + campaign + "/amount").expectStatus().isOk());
        String stats = ApiClient.text(portal.get("/stats").expectStatus().isOk());

        for (String field : List.of("collectedAmount", "waitingAmount", "refundedAmount", "executedAmount")) {
            assertThat(WireAmounts.of(amounts, field)).as(field).containsExactly("0.00");
        }
        assertThat(WireAmounts.of(amounts, "targetAmountMin")).containsExactly("1000.00");
        assertThat(WireAmounts.of(stats, "sumAccounted")).containsExactly("0.00");
        assertThat(WireAmounts.of(stats, "sumSplitted")).containsExactly("0.00");

        String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
        portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk();
        assertThat(WireAmounts.of(
                        ApiClient.text(portal.get("/campaigns/" + campaign + "/amount")
                                .expectStatus()
                                .isOk()),
                        "waitingAmount"))
                .containsExactly("1000.00");
    }

    @Test
    void writesTheCreationAndEveryTransitionToTheEventLogInOrder() {
        String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
        portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk();

        List<String> payloads = database.sql("SELECT payload FROM event_log WHERE order_id = :id ORDER BY seq")
                .bind("id", orderId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();

        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(0)).contains("\"status\":\"CREATED\"").contains("\"previousStatus\":null");
        assertThat(payloads.get(1)).contains("\"status\":\"WAITING\"").contains("\"previousStatus\":\"CREATED\"");
    }

    @Test
    void refusesATotalThatIsNotOrderPlusFee() {
        Map<String, Object> body = portal.orderBody(campaign, investor, Ibans.randomGerman());
        body.put("totalAmount", new BigDecimal("1100.01"));

        portal.post("/orders", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("totalAmount");
    }

    @Test
    void requiresTheInvestorAccountForBankTransfersOnly() {
        Map<String, Object> body = portal.orderBody(campaign, investor, Ibans.randomGerman());
        body.remove("investorAccount");
        portal.post("/orders", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("investorAccount");

        body.put("channel", "CREDIT_CARD");
        portal.post("/orders", body).expectStatus().isCreated();
    }

    @Test
    void acceptsFabricksMoneytransferSpellingAndAnswersMoneyTransfer() {
        Map<String, Object> body = portal.orderBody(campaign, investor, Ibans.randomGerman());
        body.put("channel", "MONEYTRANSFER");
        JsonNode order =
                ApiClient.body(portal.post("/orders", body).expectStatus().isCreated());

        assertThat(order.get("channel").asString()).isEqualTo("MONEY_TRANSFER");
        assertThat(ApiClient.body(portal.get("/orders/" + order.get("orderId").asString())
                                .expectStatus()
                                .isOk())
                        .get("channel")
                        .asString())
                .isEqualTo("MONEY_TRANSFER");
        // a bank transfer all the same: it needs the investor's account
        body.remove("investorAccount");
        portal.post("/orders", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("investorAccount");
        // an alias, not a loose reading of the names
        body.put("channel", "moneytransfer");
        portal.post("/orders", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'channel')]")
                .exists();
    }

    @Test
    void refusesOtherCurrenciesWith422AndUnknownCodesWith400() {
        Map<String, Object> body = portal.orderBody(campaign, investor, Ibans.randomGerman());
        body.put("currency", "CHF");
        portal.post("/orders", body)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNSUPPORTED_CURRENCY");
        body.put("currency", "EURO");
        portal.post("/orders", body).expectStatus().isBadRequest();
    }

    @Test
    void refusesOrdersOnACampaignThatIsNotOpen() {
        String created = ApiClient.body(portal.post("/campaigns", portal.campaignBody()))
                .get("campaignId")
                .asString();

        portal.post("/orders", portal.orderBody(created, investor, Ibans.randomGerman()))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CAMPAIGN_NOT_OPEN");
    }

    @Test
    void refusesACompanyThatIsNotTheCampaignsOne() {
        Map<String, Object> body = portal.orderBody(campaign, investor, Ibans.randomGerman());
        body.put("companyId", "USR0000000000000000");

        portal.post("/orders", body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("companyId");
    }

    @Test
    void hidesAnotherPortalsOrdersInvestorsAndCampaigns() {
        TestPortal other = new ApiClient(web).newPortal();
        String theirs = other.order(other.openCampaign(), other.investor(), Ibans.randomGerman())
                .get("orderId")
                .asString();

        portal.get("/orders/" + theirs).expectStatus().isNotFound();
        portal.put("/orders/" + theirs + "/cancelled").expectStatus().isNotFound();
        portal.post("/orders", portal.orderBody(campaign, other.investor(), Ibans.randomGerman()))
                .expectStatus()
                .isNotFound();
        other.get("/orders/" + theirs).expectStatus().isOk();
    }

    @Test
    void movesAlongTheTransitionTableAndRecordsEachStep() {
        String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();

        portal.put("/orders/" + orderId + "/waiting")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("WAITING");
        JsonNode again = ApiClient.body(
                portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk());
        assertThat(again.get("statusHistory")).hasSize(2);
        portal.put("/orders/" + orderId + "/failed")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("FAILED");
        portal.put("/orders/" + orderId + "/waiting")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ILLEGAL_TRANSITION");

        JsonNode order = ApiClient.body(portal.get("/orders/" + orderId));
        assertThat(order.get("statusHistory")).hasSize(3);
        assertThat(order.get("statusHistory").get(2).get("previousStatus").asString())
                .isEqualTo("WAITING");
        assertThat(order.get("statusHistory").get(2).get("reason").asString()).isEqualTo("PORTAL_REQUEST");
    }

    @Test
    void cancelsAPayableOrder() {
        String orderId = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();

        portal.put("/orders/" + orderId + "/cancelled")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
        portal.put("/orders/" + orderId + "/waiting").expectStatus().isEqualTo(409);
    }

    @Test
    void replaysAnOrderCreationWithTheSameIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = portal.orderBody(campaign, investor, Ibans.randomGerman());

        JsonNode first = ApiClient.body(idempotentPost(key, body).expectStatus().isCreated());
        JsonNode second = ApiClient.body(idempotentPost(key, body)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true"));

        assertThat(second.get("orderId")).isEqualTo(first.get("orderId"));
        JsonNode orders = ApiClient.body(portal.get("/campaigns/" + campaign + "/orders"));
        assertThat(orders.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void sumsACampaignsAmountsByWhereTheMoneyStands() {
        String waiting = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
        portal.order(campaign, investor, Ibans.randomGerman());
        portal.put("/orders/" + waiting + "/waiting").expectStatus().isOk();

        JsonNode amount = ApiClient.body(
                portal.get("/campaigns/" + campaign + "/amount").expectStatus().isOk());

        assertThat(amount.get("currency").asString()).isEqualTo("EUR");
        assertThat(amount.get("waitingAmount").decimalValue()).isEqualByComparingTo("1000");
        assertThat(amount.get("collectedAmount").decimalValue()).isZero();
        assertThat(amount.get("targetAmountMinReached").asBoolean()).isFalse();
    }

    @Test
    void listsTheInvestorsOfACampaignOnce() {
        String other = portal.investor();
        portal.order(campaign, investor, Ibans.randomGerman());
        portal.order(campaign, investor, Ibans.randomGerman());
        portal.order(campaign, other, Ibans.randomGerman());

        JsonNode investors = ApiClient.body(portal.get("/campaigns/" + campaign + "/investors")
                .expectStatus()
                .isOk());

        assertThat(investors.get("total").asLong()).isEqualTo(2);
        assertThat(investors.get("items").get(0).get("investorId").asString()).isEqualTo(other);
        assertThat(investors.get("items").get(1).get("investorId").asString()).isEqualTo(investor);
    }

    private WebTestClient.ResponseSpec idempotentPost(String key, Object body) {
        return web.post()
                .uri("/api/v1/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + portal.apiKey())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
