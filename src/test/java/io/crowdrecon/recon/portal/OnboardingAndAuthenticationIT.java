package io.crowdrecon.recon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@ReconIntegrationTest
class OnboardingAndAuthenticationIT {

    @Autowired
    WebTestClient web;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(web);
    }

    @Test
    void onboardsAPortalAnsweringItsSecretsOnce() {
        String iban = Ibans.randomGerman();
        JsonNode portal = ApiClient.body(api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals",
                        Map.of(
                                "name",
                                "Crowd",
                                "collectionIban",
                                Ibans.asTyped(iban),
                                "feeAccountIban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/v1/ops/portals/PRT[0-9A-Z]{16}"));

        assertThat(portal.get("portalId").asString()).startsWith("PRT");
        assertThat(portal.get("collectionIban").asString()).isEqualTo(iban);
        assertThat(portal.get("apiKey").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(portal.get("webhookSecret").asString()).isNotBlank();

        JsonNode fetched = ApiClient.body(api.get(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals/" + portal.get("portalId").asString())
                .expectStatus()
                .isOk());
        assertThat(fetched.has("apiKey")).isFalse();
        assertThat(fetched.has("webhookSecret")).isFalse();
        // no collectionAccountHolder given: the portal's name holds the collection account
        assertThat(portal.get("collectionAccountHolder").asString()).isEqualTo("Crowd");
        assertThat(fetched.get("collectionAccountHolder").asString()).isEqualTo("Crowd");
    }

    @Test
    void namesTheCollectionAccountHolderAsTheCreditorInvestorsPay() {
        String collectionIban = Ibans.randomGerman();
        String holder = "Banca Sella S.p.A. – conto deposito " + "x".repeat(70 - 36);
        assertThat(holder).hasSize(70);
        JsonNode portal = ApiClient.body(api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals",
                        Map.of(
                                "name",
                                "Crowd Two",
                                "collectionIban",
                                collectionIban,
                                "feeAccountIban",
                                Ibans.randomGerman(),
                                "collectionAccountHolder",
                                holder))
                .expectStatus()
                .isCreated());
        String portalId = portal.get("portalId").asString();
        assertThat(portal.get("collectionAccountHolder").asString()).isEqualTo(holder);
        assertThat(ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/portals/" + portalId)
                                .expectStatus()
                                .isOk())
                        .get("collectionAccountHolder")
                        .asString())
                .isEqualTo(holder);
        JsonNode company = ApiClient.body(api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/companies",
                        Map.of(
                                "portalId",
                                portalId,
                                "name",
                                "Company Srl",
                                "fiscalCode",
                                "12345678903",
                                "iban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isCreated());
        TestPortal withHolder = new TestPortal(
                api,
                portalId,
                portal.get("apiKey").asString(),
                portal.get("webhookSecret").asString(),
                collectionIban,
                company.get("companyId").asString());

        JsonNode order = ApiClient.body(withHolder
                .post(
                        "/orders",
                        withHolder.orderBody(withHolder.openCampaign(), withHolder.investor(), Ibans.randomGerman()))
                .expectStatus()
                .isCreated());

        assertThat(order.get("paymentInstructions").get("creditor").asString()).isEqualTo(holder);
        assertThat(order.get("paymentInstructions").get("iban").asString()).isEqualTo(collectionIban);
    }

    @Test
    void refusesACollectionAccountHolderLongerThanASepaName() {
        api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals",
                        Map.of(
                                "name",
                                "Crowd Three",
                                "collectionIban",
                                Ibans.randomGerman(),
                                "feeAccountIban",
                                Ibans.randomGerman(),
                                "collectionAccountHolder",
                                "x".repeat(71)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("collectionAccountHolder");
    }

    @Test
    void refusesACollectionIbanAlreadyUsedByAnotherPortalEvenWhenTypedDifferently() {
        TestPortal first = api.newPortal();

        api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals",
                        Map.of(
                                "name",
                                "Copycat",
                                "collectionIban",
                                Ibans.asTyped(first.collectionIban()),
                                "feeAccountIban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("IBAN_IN_USE");
    }

    @Test
    void listsEveryInvalidFieldOfARequest() {
        api.post(ApiClient.OPS_KEY, "/api/v1/ops/portals", Map.of("collectionIban", "IT00 0000", "feeAccountIban", ""))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[?(@.field == 'name')].message")
                .isEqualTo("is required")
                .jsonPath("$.errors[?(@.field == 'collectionIban')].message")
                .isEqualTo("is not a valid IBAN")
                .jsonPath("$.errors[?(@.field == 'feeAccountIban')].message")
                .isEqualTo("is required");
    }

    @Test
    void answersProblemJsonForMalformedJsonEvenWhenTheClientAcceptsOnlyJson() {
        web.post()
                .uri("/api/v1/ops/portals")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("MALFORMED_JSON");
    }

    @Test
    void refusesUnknownFieldsAndWrongTypesWith400() {
        api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals",
                        Map.of(
                                "name",
                                "X",
                                "collectionIban",
                                Ibans.randomGerman(),
                                "feeAccountIban",
                                Ibans.randomGerman(),
                                "admin",
                                true))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("admin");

        api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/portals",
                        Map.of(
                                "name",
                                42,
                                "collectionIban",
                                Ibans.randomGerman(),
                                "feeAccountIban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void refusesABodyOverOneMegabyteWith413() {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        web.post()
                .uri("/api/v1/ops/portals")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void answers401WithoutAKeyOrWithAnUnknownOne() {
        web.get()
                .uri("/api/v1/campaigns")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED");
        api.get("crk_not-a-real-key", "/api/v1/campaigns").expectStatus().isUnauthorized();
        api.get("crk_not-a-real-key", "/api/v1/ops/stats").expectStatus().isUnauthorized();
    }

    @Test
    void keepsTheOpsKeyOffPortalEndpointsAndPortalKeysOffOpsEndpoints() {
        TestPortal portal = api.newPortal();

        api.get(ApiClient.OPS_KEY, "/api/v1/campaigns")
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
        api.post(
                        portal.apiKey(),
                        "/api/v1/ops/portals",
                        Map.of(
                                "name",
                                "Evil",
                                "collectionIban",
                                Ibans.randomGerman(),
                                "feeAccountIban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void replaysACompanyCreationWithTheSameIdempotencyKeyAndRefusesAnotherBody() {
        TestPortal portal = api.newPortal();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body =
                Map.of("portalId", portal.portalId(), "name", "ACME", "fiscalCode", "X1", "iban", Ibans.randomGerman());

        JsonNode first = ApiClient.body(idempotentPost("/api/v1/ops/companies", key, body)
                .expectStatus()
                .isCreated());
        JsonNode replay = ApiClient.body(idempotentPost("/api/v1/ops/companies", key, body)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectHeader()
                .valueEquals(
                        HttpHeaders.LOCATION,
                        "/api/v1/ops/companies/" + first.get("companyId").asString()));

        assertThat(replay).isEqualTo(first);
        idempotentPost(
                        "/api/v1/ops/companies",
                        key,
                        Map.of(
                                "portalId",
                                portal.portalId(),
                                "name",
                                "Other",
                                "fiscalCode",
                                "X1",
                                "iban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void neverRepeatsThePortalSecretsOnAnIdempotentReplay() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body =
                Map.of("name", "Once", "collectionIban", Ibans.randomGerman(), "feeAccountIban", Ibans.randomGerman());

        idempotentPost("/api/v1/ops/portals", key, body).expectStatus().isCreated();
        idempotentPost("/api/v1/ops/portals", key, body)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("API_KEY_ALREADY_ISSUED")
                .jsonPath("$.apiKey")
                .doesNotExist();
    }

    @Test
    void answersNotFoundForACompanyOfAnUnknownPortal() {
        api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/companies",
                        Map.of(
                                "portalId",
                                "PRT2222222222222222",
                                "name",
                                "A",
                                "fiscalCode",
                                "B",
                                "iban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND");
    }

    private WebTestClient.ResponseSpec idempotentPost(String path, String key, Object body) {
        return web.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
