package io.crowdrecon.recon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** What the operator sees, for tests: the audit, the review queue and every portal's unidentified transfers. */
public final class OpsView {

    private final ApiClient api;

    public OpsView(ApiClient api) {
        this.api = api;
    }

    /** {@code GET /api/v1/ops/audit}. */
    public JsonNode audit() {
        return ApiClient.body(
                api.get(ApiClient.OPS_KEY, "/api/v1/ops/audit").expectStatus().isOk());
    }

    /** Fails, listing them, if the audit finds any breach of the books' invariants. */
    public void assertNoBreach() {
        JsonNode breaches = audit().get("breaches");
        assertThat(breaches.isArray()).as("breaches is a list").isTrue();
        assertThat(breaches.size()).as("audit breaches: %s", breaches).isZero();
    }

    /** The count of audit total {@code name} (e.g. {@code credits}, {@code duplicates}) in {@code currency}; 0 if none. */
    public long count(String name, String currency) {
        JsonNode total = audit().path("totals").path(currency).path(name).path("count");
        return total.isMissingNode() ? 0 : total.asLong();
    }

    /** The count of audit total {@code name} over every currency (credits not decided may have none). */
    public long countInAllCurrencies(String name) {
        return audit().path("totals")
                .valueStream()
                .mapToLong(totals -> totals.path(name).path("count").asLong(0))
                .sum();
    }

    /** {@code GET /api/v1/ops/review-items?<query>} (up to 500 items). */
    public JsonNode reviewItems(String query) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/review-items?size=500&" + query)
                .expectStatus()
                .isOk());
    }

    /** The review items of {@code kind} about {@code subjectId} (a notification, a transfer...). */
    public List<JsonNode> reviewItemsAbout(String kind, String subjectId) {
        return reviewItems("kind=" + kind)
                .get("items")
                .valueStream()
                .filter(item -> subjectId.equals(item.path("subjectId").asString(null)))
                .toList();
    }

    /** {@code GET /api/v1/ops/unidentified-transfers?<query>} (up to 500 items). */
    public JsonNode unidentified(String query) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/unidentified-transfers?size=500&" + query)
                .expectStatus()
                .isOk());
    }

    /** The unidentified transfers, of any portal, whose description is exactly {@code description}. */
    public List<JsonNode> unidentifiedDescribedAs(String description) {
        return unidentified("")
                .get("items")
                .valueStream()
                .filter(item -> description.equals(item.path("description").asString(null)))
                .toList();
    }
}
