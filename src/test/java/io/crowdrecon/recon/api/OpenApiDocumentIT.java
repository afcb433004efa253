package io.crowdrecon.recon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ContractCheckingFilter;
import io.crowdrecon.recon.testing.OpenApiDocuments;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the service serves is the contract clients are generated from, and
 * {@code docs/openapi.json} is its committed copy (the build generates the test client from that
 * copy). A change to the API that does not change the copy fails here.
 */
@ReconIntegrationTest
class OpenApiDocumentIT {

    private static final Path COMMITTED = Path.of("docs", "openapi.json");

    @Autowired
    WebTestClient web;

    private WebTestClient documentClient() {
        return OpenApiDocuments.reader(web);
    }

    @Test
    void theServedDocumentIsTheCommittedCopy() throws IOException {
        ObjectMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        // Both read by the same mapper, so that numbers compare as the same kind of node.
        JsonNode served = json.readTree(documentClient()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        JsonNode committed = json.readTree(Files.readString(COMMITTED));

        if (!served.equals(committed)) {
            Path actual = Path.of(System.getProperty("build.dir", "target"), "openapi.json");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, json.writeValueAsString(served) + "\n");
            List<String> differences = new ArrayList<>();
            diff("", committed, served, differences);
            throw new AssertionError("The served OpenAPI document differs from " + COMMITTED + " at "
                    + differences.subList(0, Math.min(differences.size(), 20))
                    + ". If the change is meant, copy it: cp " + actual + " " + COMMITTED);
        }
    }

    @Test
    void everyApiOperationIsAuthenticatedAndDescribedWithItsProblems() {
        JsonNode document = documentClient()
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearerAuth")).isTrue();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                JsonNode op = operation.getValue();
                assertThat(op.path("operationId").asString()).as(name).isNotBlank();
                assertThat(op.path("description").asString()).as(name).isNotBlank();
                assertThat(op.path("tags").size()).as(name).isPositive();
                for (JsonNode parameter : op.path("parameters")) {
                    assertThat(parameter.path("name").asString())
                            .as(name + " publishes no internal parameter")
                            .isNotEqualTo("caller");
                }
                if (path.getKey().equals("/api/v1/webhooks/card")) {
                    assertThat(op.path("security").isArray()
                                    && op.path("security").isEmpty())
                            .as(name + " is signed, not keyed")
                            .isTrue();
                } else {
                    assertThat(op.has("security"))
                            .as(name + " takes the global bearer key")
                            .isFalse();
                }
                if (operation.getKey().equals("post")) {
                    // A bank file is idempotent by its content: the same file again answers the first one.
                    boolean byContent = path.getKey().equals("/api/v1/ops/bank-files");
                    assertThat(op.path("parameters")
                                    .valueStream()
                                    .anyMatch(p -> p.path("name").asString().equals("Idempotency-Key")))
                            .as(name + " takes an Idempotency-Key")
                            .isEqualTo(!byContent);
                }
                for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
                    if (response.getKey().startsWith("2")) {
                        continue;
                    }
                    assertThat(response.getValue()
                                    .at("/content/application~1problem+json/schema/$ref")
                                    .asString())
                            .as(name + " " + response.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                }
                assertThat(op.path("responses").has("401")).as(name).isTrue();
            }
        }
    }

    @Test
    void everyAnswerATestReceivesIsCheckedAgainstTheDocument() {
        long before = ContractCheckingFilter.checked();

        web.get()
                .uri("/api/v1/orders/TRX1234567890123428")
                .header("Authorization", "Bearer not-a-key")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        assertThat(ContractCheckingFilter.checked()).isEqualTo(before + 1);
    }

    /** The JSON pointers where {@code expected} and {@code actual} differ, depth first. */
    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected == null || actual == null || expected.getNodeType() != actual.getNodeType()) {
            differences.add(at.isEmpty() ? "/" : at);
            return;
        }
        if (expected.isObject()) {
            List<String> names = new ArrayList<>(expected.propertyNames());
            actual.propertyNames().stream().filter(n -> !names.contains(n)).forEach(names::add);
            for (String name : names) {
                diff(
                        at + "/" + name.replace("~", "~0").replace("/", "~1"),
                        expected.get(name),
                        actual.get(name),
                        differences);
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(at);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                diff(at + "/" + i, expected.get(i), actual.get(i), differences);
            }
        } else if (!expected.equals(actual)) {
            differences.add(at);
        }
    }
}
