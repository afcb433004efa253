package io.crowdrecon.recon.operator.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.operator.OpsAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every ops endpoint of the API document ({@code docs/openapi.json}, which {@code OpenApiDocumentIT} keeps equal to
 * the served one) declares its kind of action, and the table names no endpoint the API does not have.
 */
class OpsEndpointsTests {

    @Test
    void everyOpsOperationOfTheApiDocumentHasAnActionAndNoOtherIsListed() throws IOException {
        JsonNode document = JsonMapper.builder().build().readTree(Files.readString(Path.of("docs", "openapi.json")));
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (path.getKey().startsWith("/api/v1/ops/")) {
                for (String method : path.getValue().propertyNames()) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        Set<String> declared = OpsEndpoints.all().stream()
                .map(endpoint -> endpoint.method().name() + " " + endpoint.path())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("the API document's ops operations").isNotEmpty();
        assertThat(declared).isEqualTo(documented);
    }

    @Test
    void findsTheActionOfARequestByMethodAndPath() {
        assertThat(OpsEndpoints.actionOf(HttpMethod.GET, "/api/v1/ops/review-items"))
                .contains(OpsAction.READ);
        assertThat(OpsEndpoints.actionOf(HttpMethod.HEAD, "/api/v1/ops/stats")).contains(OpsAction.READ);
        assertThat(OpsEndpoints.actionOf(HttpMethod.PUT, "/api/v1/ops/review-items/RI23456789ABCDEFGH/resolved"))
                .contains(OpsAction.RESOLVE_REVIEW_ITEMS);
        assertThat(OpsEndpoints.actionOf(HttpMethod.POST, "/api/v1/ops/bank-files"))
                .contains(OpsAction.UPLOAD_BANK_FILES);
        assertThat(OpsEndpoints.actionOf(HttpMethod.PUT, "/api/v1/ops/instructions/PI23456789ABCDEFGH/reissued"))
                .contains(OpsAction.REISSUE_INSTRUCTIONS);
        assertThat(OpsEndpoints.actionOf(HttpMethod.POST, "/api/v1/ops/operators"))
                .contains(OpsAction.MANAGE_OPERATORS);
        assertThat(OpsEndpoints.actionOf(HttpMethod.GET, "/api/v1/ops/operators/me"))
                .contains(OpsAction.READ);
        assertThat(OpsEndpoints.actionOf(HttpMethod.POST, "/api/v1/ops/holds")).contains(OpsAction.MANAGE_HOLDS);
        assertThat(OpsEndpoints.actionOf(HttpMethod.PUT, "/api/v1/ops/holds/HLD23456789ABCDEFGH/refused"))
                .contains(OpsAction.MANAGE_HOLDS);
        assertThat(OpsEndpoints.actionOf(HttpMethod.GET, "/api/v1/ops/holds/HLD23456789ABCDEFGH"))
                .contains(OpsAction.READ);
        assertThat(OpsEndpoints.actionOf(HttpMethod.DELETE, "/api/v1/ops/review-items"))
                .isEmpty();
        assertThat(OpsEndpoints.actionOf(HttpMethod.GET, "/api/v1/ops/no-such-thing"))
                .isEmpty();
    }
}
