package io.crowdrecon.recon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Ops posting bank files and reading what became of them, for tests: {@code /api/v1/ops/bank-files},
 * {@code /bank-statements} and their entries, and the review items of one test's portal.
 */
public final class BankFileApi {

    public static final String FILES = "/api/v1/ops/bank-files";

    private final WebTestClient web;
    private final ApiClient api;

    public BankFileApi(ApiClient api) {
        this.api = api;
        this.web = api.web();
    }

    /** Posts {@code file} as application/xml and answers its 202 receipt. */
    public JsonNode post(String file) {
        return post(file, MediaType.APPLICATION_XML);
    }

    /** Posts {@code file} as {@code type} and answers its 202 receipt. */
    public JsonNode post(String file, MediaType type) {
        return ApiClient.body(postRaw(file, type).expectStatus().isAccepted());
    }

    /** Posts {@code file} (UTF-8) as {@code type}; the answer is the caller's to check. */
    public WebTestClient.ResponseSpec postRaw(String file, MediaType type) {
        return postRaw(file.getBytes(StandardCharsets.UTF_8), type);
    }

    public WebTestClient.ResponseSpec postRaw(byte[] file, MediaType type) {
        return web.post()
                .uri(FILES)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .contentType(type)
                .bodyValue(file)
                .exchange();
    }

    /** Posts {@code file} and answers its 422 problem, checking its code is {@code BANK_FILE_REJECTED}. */
    public JsonNode refused(String file, MediaType type) {
        JsonNode problem = ApiClient.body(postRaw(file, type).expectStatus().isEqualTo(422));
        assertThat(problem.get("code").asString()).isEqualTo("BANK_FILE_REJECTED");
        return problem;
    }

    /** {@code GET /bank-files/{id}}, with its statements. */
    public JsonNode file(String bankFileId) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, FILES + "/" + bankFileId)
                .expectStatus()
                .isOk());
    }

    /** {@code GET /bank-files} (up to 500, newest first). */
    public JsonNode files() {
        return ApiClient.body(
                api.get(ApiClient.OPS_KEY, FILES + "?size=500").expectStatus().isOk());
    }

    /** The files whose message id is {@code messageId}. */
    public List<JsonNode> filesWithMessageId(String messageId) {
        return files().get("items")
                .valueStream()
                .filter(file -> messageId.equals(file.path("messageId").asString(null)))
                .toList();
    }

    /** {@code GET /bank-statements/{id}}. */
    public JsonNode statement(String bankStatementId) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/bank-statements/" + bankStatementId)
                .expectStatus()
                .isOk());
    }

    /** The one statement (report, notification) of the file, as {@code GET /bank-statements/{id}} answers it. */
    public JsonNode onlyStatementOf(String bankFileId) {
        JsonNode file = file(bankFileId);
        assertThat(file.get("statements")).hasSize(1);
        return statement(file.get("statements").get(0).get("bankStatementId").asString());
    }

    /** {@code GET /bank-statements?account=} (up to 500). */
    public List<JsonNode> statementsOfAccount(String account) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/bank-statements?size=500&account=" + account)
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .toList();
    }

    /** The entries of the statement, in file order (up to 500). */
    public List<JsonNode> entriesOf(String bankStatementId) {
        return ApiClient.body(api.get(
                                ApiClient.OPS_KEY,
                                "/api/v1/ops/bank-statements/" + bankStatementId + "/entries?size=500")
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .toList();
    }

    /** {@code GET /ops/notifications/{id}}: a decided credit, with its source. */
    public JsonNode notification(String notificationId) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/notifications/" + notificationId)
                .expectStatus()
                .isOk());
    }

    /** The open review items of the flows' portal. */
    public static List<JsonNode> openItemsOfPortal(PaymentFlows flows) {
        return flows.ops()
                .reviewItems("status=OPEN")
                .get("items")
                .valueStream()
                .filter(item ->
                        flows.portal().portalId().equals(item.path("portalId").asString(null)))
                .toList();
    }
}
