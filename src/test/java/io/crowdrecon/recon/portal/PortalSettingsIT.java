package io.crowdrecon.recon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * A portal's investor-protection settings ({@code /api/v1/ops/portals/{portalId}/settings}): a new portal starts with
 * the service's defaults (the test profile's: nothing waits), ops replace them, the ops log names who did, and bad
 * values, unknown portals and portal keys are refused.
 */
@ReconIntegrationTest
class PortalSettingsIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    @Test
    void aNewPortalStartsWithTheDefaultsAndOpsReplaceThem() {
        String portalId = flows.portal().portalId();
        JsonNode defaults = ApiClient.body(
                api.get(ApiClient.OPS_KEY, settingsOf(portalId)).expectStatus().isOk());
        assertThat(defaults.get("reflectionPeriod").asString()).isEqualTo("PT0S");
        assertThat(defaults.get("clearingBusinessDays").asInt()).isZero();
        assertThat(defaults.get("cardClearingPeriod").asString()).isEqualTo("PT0S");

        JsonNode set = ApiClient.body(api.put(
                        ApiClient.OPS_KEY,
                        settingsOf(portalId),
                        Map.of("reflectionPeriod", "P4D", "clearingBusinessDays", 2, "cardClearingPeriod", "PT36H"))
                .expectStatus()
                .isOk());
        assertThat(set.get("portalId").asString()).isEqualTo(portalId);
        assertThat(set.get("reflectionPeriod").asString()).isEqualTo("P4D");
        assertThat(set.get("clearingBusinessDays").asInt()).isEqualTo(2);
        assertThat(set.get("cardClearingPeriod").asString()).isEqualTo("PT36H");
        assertThat(ApiClient.body(api.get(ApiClient.OPS_KEY, settingsOf(portalId))
                        .expectStatus()
                        .isOk()))
                .isEqualTo(set);

        JsonNode log = ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/log?size=500")
                .expectStatus()
                .isOk());
        assertThat(log.get("items").valueStream()).anySatisfy(line -> {
            assertThat(line.get("action").asString()).isEqualTo("setPortalSettings");
            assertThat(line.get("objectId").asString()).isEqualTo(portalId);
            assertThat(line.get("operatorName").asString()).isEqualTo("bootstrap");
            assertThat(line.get("outcome").asString()).isEqualTo("OK");
        });
    }

    @Test
    void refusesBadValuesNamingEachAndKeepsTheSettings() {
        String portalId = flows.portal().portalId();
        JsonNode before = ApiClient.body(
                api.get(ApiClient.OPS_KEY, settingsOf(portalId)).expectStatus().isOk());
        Map<String, Object> bad = new HashMap<>();
        bad.put("reflectionPeriod", "four days");
        bad.put("clearingBusinessDays", -1);
        bad.put("cardClearingPeriod", null);
        JsonNode problem = ApiClient.body(api.put(ApiClient.OPS_KEY, settingsOf(portalId), bad)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("reflectionPeriod", "clearingBusinessDays", "cardClearingPeriod");
        assertThat(ApiClient.body(api.get(ApiClient.OPS_KEY, settingsOf(portalId))
                        .expectStatus()
                        .isOk()))
                .isEqualTo(before);
    }

    @Test
    void anUnknownPortalIsNotFoundAndAPortalKeyMayNotSetIt() {
        Map<String, Object> settings =
                Map.of("reflectionPeriod", "P4D", "clearingBusinessDays", 2, "cardClearingPeriod", "PT0S");
        assertThat(ApiClient.body(api.put(ApiClient.OPS_KEY, settingsOf("PRT2222222222222222"), settings)
                                .expectStatus()
                                .isNotFound())
                        .get("code")
                        .asString())
                .isEqualTo("NOT_FOUND");
        api.put(flows.portal().apiKey(), settingsOf(flows.portal().portalId()), settings)
                .expectStatus()
                .isForbidden();
    }

    private static String settingsOf(String portalId) {
        return "/api/v1/ops/portals/" + portalId + "/settings";
    }
}
