package io.crowdrecon.recon.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.OpenApiDocuments;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One name per payment channel for clients: the ones they order with. The answers and events themselves are checked
 * where they are made (cards and payment ITs); this checks the contract clients generate their code from.
 */
@ReconIntegrationTest
class ChannelNamesIT {

    @Autowired
    WebTestClient web;

    @Test
    void theOpenApiDocumentNamesChannelsAsOrdersDoAndNeverByTheirStoredNames() {
        String document = OpenApiDocuments.reader(web)
                .get()
                .uri("/v3/api-docs")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "it-IT")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(document)
                .contains("\"MONEY_TRANSFER\"", "\"CREDIT_CARD\"")
                .doesNotContain("\"BANK_TRANSFER\"", "\"CARD\"");
    }
}
