package io.crowdrecon.recon.testing;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Drives the API as the operator and as portals would, for integration tests. */
public final class ApiClient {

    public static final String OPS_KEY = "test-ops-key";

    private final WebTestClient web;

    public ApiClient(WebTestClient web) {
        this.web = web;
    }

    public WebTestClient web() {
        return web;
    }

    /** A fresh portal with a company; every test makes its own so that none shares data. */
    public TestPortal newPortal() {
        String collectionIban = Ibans.randomGerman();
        JsonNode portal = post(
                        OPS_KEY,
                        "/api/v1/ops/portals",
                        Map.of(
                                "name",
                                "Portal " + UUID.randomUUID(),
                                "collectionIban",
                                collectionIban,
                                "feeAccountIban",
                                Ibans.randomGerman()))
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        String portalId = portal.get("portalId").asString();
        JsonNode company = post(
                        OPS_KEY,
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
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return new TestPortal(
                this,
                portalId,
                portal.get("apiKey").asString(),
                portal.get("webhookSecret").asString(),
                collectionIban,
                company.get("companyId").asString());
    }

    public WebTestClient.ResponseSpec post(String key, String path, Object body) {
        return web.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec put(String key, String path, Object body) {
        WebTestClient.RequestBodySpec spec = web.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        return body == null
                ? spec.exchange()
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec get(String key, String path) {
        return web.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange();
    }

    public static JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The body exactly as the service wrote it (numbers keep their written scale: {@code 1100.00}, not 1100). */
    public static String text(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }
}
