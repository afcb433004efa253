package io.crowdrecon.recon.investor;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import java.time.Instant;
import java.util.LinkedHashMap;
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
class InvestorApiIT {

    private static final String[] PROFILE_FIELDS = {
        "name",
        "surname",
        "businessName",
        "fiscalCode",
        "type",
        "address",
        "postalCode",
        "city",
        "country",
        "email",
        "phone"
    };

    @Autowired
    WebTestClient web;

    ApiClient api;
    TestPortal portal;

    @BeforeEach
    void setUp() {
        api = new ApiClient(web);
        portal = api.newPortal();
    }

    @Test
    void registersAnInvestorAndAnswersEveryFieldWithItsLocation() {
        Map<String, Object> request = mario();

        WebTestClient.ResponseSpec response = portal.post("/investors", request)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/v1/investors/INV[0-9A-Z]{16}");
        JsonNode investor = ApiClient.body(response);

        assertThat(investor.get("investorId").asString()).matches("INV[0-9A-Z]{16}");
        assertEchoes(investor, request);
        Instant created = Instant.parse(investor.get("createdDatetime").asString());
        assertThat(Instant.parse(investor.get("updatedDatetime").asString())).isEqualTo(created);
    }

    @Test
    void readsBackTheInvestorItRegistered() {
        JsonNode created = register(mario());

        JsonNode fetched = ApiClient.body(
                portal.get("/investors/" + created.get("investorId").asString())
                        .expectStatus()
                        .isOk());

        assertThat(fetched).isEqualTo(created);
    }

    @Test
    void answersNullForTheFieldsAnInvestorWasRegisteredWithout() {
        JsonNode investor = register(Map.of("type", "LEGAL_PERSON", "businessName", "ACME Holding Srl"));

        assertThat(investor.get("businessName").asString()).isEqualTo("ACME Holding Srl");
        for (String field : new String[] {"name", "surname", "fiscalCode", "address", "email", "phone"}) {
            assertThat(investor.get(field).isNull()).as(field).isTrue();
        }
    }

    @Test
    void replacesEveryFieldOnUpdateAndKeepsTheCreationTime() {
        JsonNode created = register(mario());
        String id = created.get("investorId").asString();
        Map<String, Object> replacement = Map.of(
                "type", "LEGAL_PERSON",
                "businessName", "Rossi Investimenti Srl",
                "fiscalCode", "01234567890",
                "country", "IT",
                "email", "cfo@rossi-investimenti.it");

        JsonNode updated = ApiClient.body(
                portal.put("/investors/" + id, replacement).expectStatus().isOk());

        assertThat(updated.get("investorId").asString()).isEqualTo(id);
        assertEchoes(updated, replacement);
        assertThat(updated.get("createdDatetime")).isEqualTo(created.get("createdDatetime"));
        assertThat(Instant.parse(updated.get("updatedDatetime").asString()))
                .isAfterOrEqualTo(Instant.parse(created.get("createdDatetime").asString()));
        assertThat(ApiClient.body(portal.get("/investors/" + id).expectStatus().isOk()))
                .isEqualTo(updated);
    }

    @Test
    void refusesAnInvalidUpdateAndKeepsTheStoredInvestor() {
        JsonNode created = register(mario());
        String id = created.get("investorId").asString();

        portal.put("/investors/" + id, Map.of("type", "NATURAL_PERSON", "name", "Mario"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[?(@.field == 'surname')].message")
                .isEqualTo("is required");

        assertThat(ApiClient.body(portal.get("/investors/" + id).expectStatus().isOk()))
                .isEqualTo(created);
    }

    @Test
    void listsEveryInvalidFieldOfAnInvestorAtOnce() {
        Map<String, Object> request = Map.of(
                "type",
                "NATURAL_PERSON",
                "name",
                "x".repeat(256),
                "city",
                "c".repeat(256),
                "email",
                "mario.rossi.example.com");

        portal.post("/investors", request)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()")
                .isEqualTo(4)
                .jsonPath("$.errors[?(@.field == 'name')].message")
                .isEqualTo("must be at most 255 characters")
                .jsonPath("$.errors[?(@.field == 'surname')].message")
                .isEqualTo("is required")
                .jsonPath("$.errors[?(@.field == 'city')].message")
                .isEqualTo("must be at most 255 characters")
                .jsonPath("$.errors[?(@.field == 'email')].message")
                .isEqualTo("must be an email address such as name@example.com");
    }

    @Test
    void refusesACountryThatIsNotAnIso3166Alpha2CodeOnRegistrationAndUpdate() {
        Map<String, Object> request = mario();
        request.put("country", "ZZZ");

        portal.post("/investors", request)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("country");

        JsonNode created = register(mario());
        String id = created.get("investorId").asString();
        request.put("country", "it");
        portal.put("/investors/" + id, request)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("country");
        assertThat(ApiClient.body(portal.get("/investors/" + id).expectStatus().isOk()))
                .isEqualTo(created);

        request.put("country", "DE");
        assertThat(ApiClient.body(portal.put("/investors/" + id, request)
                                .expectStatus()
                                .isOk())
                        .get("country")
                        .asString())
                .isEqualTo("DE");
    }

    @Test
    void acceptsNamesOfExactly255Characters() {
        JsonNode investor = register(Map.of("type", "NATURAL_PERSON", "name", "n".repeat(255), "surname", "Rossi"));

        assertThat(investor.get("name").asString()).hasSize(255);
    }

    @Test
    void requiresATypeThatIsANaturalOrLegalPerson() {
        portal.post("/investors", Map.of("name", "Mario", "surname", "Rossi"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("type")
                .jsonPath("$.errors[0].message")
                .isEqualTo("is required");

        portal.post("/investors", Map.of("type", "COMPANY", "businessName", "ACME"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("type")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be one of [NATURAL_PERSON, LEGAL_PERSON]");
    }

    @Test
    void requiresANameAndSurnameForANaturalPerson() {
        portal.post("/investors", Map.of("type", "NATURAL_PERSON", "businessName", "ACME"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'name')].message")
                .isEqualTo("is required")
                .jsonPath("$.errors[?(@.field == 'surname')].message")
                .isEqualTo("is required");
    }

    @Test
    void requiresABusinessNameForALegalPerson() {
        portal.post("/investors", Map.of("type", "LEGAL_PERSON", "name", "Mario", "surname", "Rossi"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("businessName")
                .jsonPath("$.errors[0].message")
                .isEqualTo("is required");
    }

    @Test
    void refusesUnknownFieldsAndWrongTypesWith400() {
        Map<String, Object> unknownField = new LinkedHashMap<>(mario());
        unknownField.put("nickname", "Super Mario");
        portal.post("/investors", unknownField)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("nickname");

        Map<String, Object> wrongType = new LinkedHashMap<>(mario());
        wrongType.put("postalCode", 20121);
        portal.post("/investors", wrongType)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("postalCode");
    }

    @Test
    void answersNotFoundForAnInvestorThatDoesNotExist() {
        portal.get("/investors/INV0000000000000000")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND");
        portal.put("/investors/INV0000000000000000", mario())
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void hidesAnotherPortalsInvestorAsIfItDidNotExist() {
        JsonNode theirs = register(mario());
        String id = theirs.get("investorId").asString();
        TestPortal other = api.newPortal();

        other.get("/investors/" + id)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.detail")
                .isEqualTo("Investor " + id + " not found");
        other.put("/investors/" + id, Map.of("type", "LEGAL_PERSON", "businessName", "Hijack Ltd"))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.detail")
                .isEqualTo("Investor " + id + " not found");

        assertThat(ApiClient.body(portal.get("/investors/" + id).expectStatus().isOk()))
                .isEqualTo(theirs);
    }

    @Test
    void replaysARegistrationWithTheSameIdempotencyKeyAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();

        JsonNode first =
                ApiClient.body(idempotentPost(key, mario()).expectStatus().isCreated());
        String id = first.get("investorId").asString();
        JsonNode replay = ApiClient.body(idempotentPost(key, mario())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/api/v1/investors/" + id));

        assertThat(replay).isEqualTo(first);
        idempotentPost(key, Map.of("type", "LEGAL_PERSON", "businessName", "Other Srl"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    private static Map<String, Object> mario() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "Mario");
        request.put("surname", "Rossi");
        request.put("businessName", "Rossi Consulting");
        request.put("fiscalCode", "RSSMRA80A01F205X");
        request.put("type", "NATURAL_PERSON");
        request.put("address", "Via Roma 1");
        request.put("postalCode", "20121");
        request.put("city", "Milano");
        request.put("country", "IT");
        request.put("email", "mario.rossi@example.com");
        request.put("phone", "+39 02 1234567");
        return request;
    }

    private JsonNode register(Map<String, Object> request) {
        return ApiClient.body(portal.post("/investors", request).expectStatus().isCreated());
    }

    private WebTestClient.ResponseSpec idempotentPost(String key, Object body) {
        return web.post()
                .uri("/api/v1/investors")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + portal.apiKey())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Every profile field of the answer is the one sent, or null when it was not sent. */
    private static void assertEchoes(JsonNode investor, Map<String, Object> request) {
        for (String field : PROFILE_FIELDS) {
            Object sent = request.get(field);
            if (sent == null) {
                assertThat(investor.get(field).isNull()).as(field + " is null").isTrue();
            } else {
                assertThat(investor.get(field).asString()).as(field).isEqualTo(sent);
            }
        }
    }
}
