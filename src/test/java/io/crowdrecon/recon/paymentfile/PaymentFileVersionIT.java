package io.crowdrecon.recon.paymentfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * A portal's pain.001 version, set by an operator ({@code PUT /api/v1/ops/portals/{portalId}/payment-file-version}):
 * the next file of its collection account is written in it and valid against its schema; a value that is no version,
 * an unknown portal and a viewer are refused. Shares the application context of the other payment-file ITs.
 */
@ReconIntegrationTest
@TestPropertySource(properties = "recon.payment-files.enabled=true")
class PaymentFileVersionIT {

    private static final String FILES = "/api/v1/ops/payment-files";

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    @Test
    void aPortalSetToPain00100103GetsItsNextFileInThatVersionValidAgainstItsSchema() throws Exception {
        String portalId = flows.portal().portalId();

        JsonNode set =
                ApiClient.body(api.put(ApiClient.OPS_KEY, versionOf(portalId), Map.of("version", "pain.001.001.03"))
                        .expectStatus()
                        .isOk());
        assertThat(set.get("portalId").asString()).isEqualTo(portalId);
        assertThat(set.get("version").asString()).isEqualTo("pain.001.001.03");

        String refund = refundedInstruction();
        JsonNode built = ApiClient.body(
                api.post(ApiClient.OPS_KEY, FILES, Map.of()).expectStatus().isOk());
        JsonNode file = built.get("files")
                .valueStream()
                .filter(f -> flows.portal()
                        .collectionIban()
                        .equals(f.get("debtorIban").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file of the portal in " + built));
        assertThat(file.get("version").asString()).isEqualTo("pain.001.001.03");

        byte[] content = api.web()
                .get()
                .uri(FILES + "/" + file.get("paymentFileId").asString() + "/content")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(content).isNotNull();
        Pain001Files.validate(Pain001Version.V03, content);
        Document xml = Pain001Files.parse(content);
        assertThat(xml.getDocumentElement().getAttribute("xmlns")).isEqualTo(Pain001Version.V03.namespace());
        assertThat(Pain001Files.texts(xml, "//CdtTrfTxInf/PmtId/EndToEndId")).containsExactly(refund);
        // 03 dates the transfers with a bare date, 09 wraps it in <Dt>
        assertThat(Pain001Files.text(xml, "//PmtInf/ReqdExctnDt"))
                .isEqualTo(file.get("executionDate").asString());

        JsonNode log = ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/log?size=500")
                .expectStatus()
                .isOk());
        assertThat(log.get("items").valueStream()).anySatisfy(line -> {
            assertThat(line.get("action").asString()).isEqualTo("setPaymentFileVersion");
            assertThat(line.get("objectType").asString()).isEqualTo("Portal");
            assertThat(line.get("objectId").asString()).isEqualTo(portalId);
            assertThat(line.get("operatorName").asString()).isEqualTo("bootstrap");
            assertThat(line.get("outcome").asString()).isEqualTo("OK");
        });
    }

    @Test
    void refusesAValueThatIsNoPain001VersionAndKeepsTheSetting() {
        String portalId = flows.portal().portalId();
        for (Object bad : new Object[] {"pain.001.001.12", "PAIN.001.001.03", " ", 9}) {
            JsonNode problem = ApiClient.body(api.put(ApiClient.OPS_KEY, versionOf(portalId), Map.of("version", bad))
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(problem.get("code").asString()).as("%s", bad).isEqualTo("VALIDATION_FAILED");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("version");
        }
        Map<String, Object> none = new HashMap<>();
        none.put("version", null);
        JsonNode missing = ApiClient.body(api.put(ApiClient.OPS_KEY, versionOf(portalId), none)
                .expectStatus()
                .isBadRequest());
        assertThat(missing.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("version");
    }

    @Test
    void answersNotFoundForAnUnknownPortal() {
        JsonNode problem = ApiClient.body(
                api.put(ApiClient.OPS_KEY, versionOf("PRT2222222222222222"), Map.of("version", "pain.001.001.03"))
                        .expectStatus()
                        .isNotFound()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aViewerMayNotSetIt() {
        JsonNode viewer = ApiClient.body(api.post(
                        ApiClient.OPS_KEY,
                        "/api/v1/ops/operators",
                        Map.of("name", "Viewer " + UUID.randomUUID(), "role", "VIEWER"))
                .expectStatus()
                .isCreated());

        JsonNode problem = ApiClient.body(api.put(
                        viewer.get("apiKey").asString(),
                        versionOf(flows.portal().portalId()),
                        Map.of("version", "pain.001.001.03"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("code").asString()).isEqualTo("FORBIDDEN");
    }

    private static String versionOf(String portalId) {
        return "/api/v1/ops/portals/" + portalId + "/payment-file-version";
    }

    private String refundedInstruction() {
        String orderId = flows.newOrder(Ibans.randomGerman());
        flows.pay(orderId, Ibans.randomGerman());
        flows.portal().put("/orders/" + orderId + "/cancelled").expectStatus().isOk();
        return flows.refund(orderId).get("instructionId").asString();
    }
}
