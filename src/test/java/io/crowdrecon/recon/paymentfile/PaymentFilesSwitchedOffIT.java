package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** With RECON_PAYMENT_FILES_ENABLED at its default (false), no file is built on demand. */
@ReconIntegrationTest
class PaymentFilesSwitchedOffIT {

    @Fixture
    ApiClient api;

    @Test
    void answersConflictPaymentFilesDisabledToABuildRequest() {
        JsonNode problem = ApiClient.body(api.post(ApiClient.OPS_KEY, "/api/v1/ops/payment-files", Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(problem.get("code").asString()).isEqualTo("PAYMENT_FILES_DISABLED");
    }
}
