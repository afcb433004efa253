package io.crowdrecon.recon.testing;

import org.springframework.test.web.reactive.server.WebTestClient;

/** A portal created for one test, with its key and first company. */
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
}
