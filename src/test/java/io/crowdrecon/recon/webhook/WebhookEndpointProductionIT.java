package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Registration in production mode (RECON_WEBHOOKS_ALLOW_HTTP and _ALLOW_PRIVATE off): nothing that could reach the
 * service's own network (SSRF) is registered. Its own application context, on the shared database.
 */
@ReconIntegrationTest
@TestPropertySource(properties = {"recon.webhooks.allow-http=false", "recon.webhooks.allow-private=false"})
class WebhookEndpointProductionIT {

    private static final String TYPE = "crowdrecon.order.status-changed.v1";

    @Autowired
    WebTestClient web;

    @ParameterizedTest
    @CsvSource({
        "https://127.0.0.1/, 127.0.0.1",
        "https://169.254.169.254/latest/meta-data/, 169.254.169.254",
        "https://localhost/, localhost",
        "https://[::1]:8443/, 0:0:0:0:0:0:0:1",
        "https://10.0.0.7/, 10.0.0.7"
    })
    void refusesAnAddressOfTheServicesOwnNetwork(String url, String named) {
        TestPortal portal = new ApiClient(web).newPortal();

        portal.post("/webhook-endpoints", Map.of("url", url, "eventTypes", List.of(TYPE)))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("WEBHOOK_URL_NOT_ALLOWED")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains(named));
        portal.get("/webhook-endpoints").expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void refusesPlainHttpAsAnInvalidUrl() {
        TestPortal portal = new ApiClient(web).newPortal();

        WebTestClient.ResponseSpec response =
                portal.post("/webhook-endpoints", Map.of("url", "http://127.0.0.1/", "eventTypes", List.of(TYPE)));

        response.expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("url")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be https");
    }
}
