package io.crowdrecon.recon.hold;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 23 item 3: a compliance hold keeps a held investor's money from the company (new credits for their orders are
 * matched with their moneyouts born HELD) until ops release it, and sends it back to its payers when they refuse it;
 * every hold write is in the ops log with its operator; a portal reaches only its own investors.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class ComplianceHoldIT {

    private static final String HOLDS = "/api/v1/ops/holds";

    @Fixture
    ApiClient api;

    @Fixture
    PaymentFlows flows;

    String investorIban = Ibans.randomGerman();
    String payerIban = Ibans.randomGerman();

    @Test
    void aHeldInvestorsMoneyStaysHeldNewCreditsIncludedUntilOpsReleaseIt() {
        Officer officer = newOfficer();
        String paid = flows.newOrder(investorIban);
        flows.pay(paid, payerIban);
        String later = flows.newOrder(investorIban);
        String investorId = flows.order(paid).get("investorId").asString();

        JsonNode hold = ApiClient.body(
                api.post(officer.key(), HOLDS, Map.of("investorId", investorId, "reason", "AML review, ticket 4711"))
                        .expectStatus()
                        .isCreated());

        String holdId = hold.get("holdId").asString();
        assertThat(holdId).startsWith("HLD");
        assertThat(hold.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(hold.get("investorId").asString()).isEqualTo(investorId);
        assertThat(hold.get("portalId").asString()).isEqualTo(flows.portal().portalId());
        assertThat(hold.get("placedBy").asString()).isEqualTo(officer.id());
        assertThat(hold.get("placedByName").asString()).isEqualTo(officer.name());
        assertThat(statuses(paid)).hasSize(2).containsOnly("HELD");
        JsonNode review = openReviewOf(holdId);
        assertThat(review.get("portalId").asString()).isEqualTo(flows.portal().portalId());
        assertThat(opsLog(officer, "placeHold", holdId)).isNotEmpty();
        // Its review item closes with the hold, not on its own.
        JsonNode resolved = ApiClient.body(api.put(
                        officer.key(),
                        "/api/v1/ops/review-items/" + review.get("reviewItemId").asString() + "/resolved",
                        Map.of("note", "looked at it"))
                .expectStatus()
                .isEqualTo(409));
        assertThat(resolved.get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        openReviewOf(holdId);

        // A credit for another order of the held investor is matched as usual, its money held from the start.
        flows.pay(later, payerIban);
        assertThat(statuses(later)).hasSize(2).containsOnly("HELD");
        assertThat(ApiClient.body(api.get(officer.key(), HOLDS + "?status=ACTIVE&investorId=" + investorId)
                                .expectStatus()
                                .isOk())
                        .get("items")
                        .valueStream()
                        .map(h -> h.get("holdId").asString()))
                .containsExactly(holdId);

        JsonNode released = ApiClient.body(
                api.put(officer.key(), HOLDS + "/" + holdId + "/released", Map.of("note", "Cleared by AML"))
                        .expectStatus()
                        .isOk());

        assertThat(released.get("status").asString()).isEqualTo("RELEASED");
        assertThat(released.get("endedBy").asString()).isEqualTo(officer.id());
        assertThat(released.get("endedDatetime").isNull()).isFalse();
        assertThat(statuses(paid)).hasSize(2).containsOnly("AVAILABLE");
        assertThat(statuses(later)).hasSize(2).containsOnly("AVAILABLE");
        assertThat(flows.order(paid).get("status").asString()).isEqualTo("ACCOUNTED");
        assertThat(reviewOf(holdId).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(opsLog(officer, "releaseHold", holdId))
                .anySatisfy(line -> assertThat(line.get("note").asString()).isEqualTo("Cleared by AML"));

        // Released twice: the same answer; refused after release: 409, nothing changed.
        JsonNode again = ApiClient.body(api.put(officer.key(), HOLDS + "/" + holdId + "/released", null)
                .expectStatus()
                .isOk());
        assertThat(again.get("status").asString()).isEqualTo("RELEASED");
        assertThat(again.get("endedDatetime").asString())
                .isEqualTo(released.get("endedDatetime").asString());
        problem(api.put(officer.key(), HOLDS + "/" + holdId + "/refused", null), 409, "ILLEGAL_TRANSITION");
        assertThat(statuses(paid)).containsOnly("AVAILABLE");
        flows.ops().assertNoBreach();
    }

    @Test
    void aRefusedHoldRefundsThePaidOrderToItsPayerAndExpiresThePayableOne() {
        Officer officer = newOfficer();
        String paid = flows.newOrder(investorIban);
        flows.pay(paid, payerIban);
        String payable = flows.newOrder(investorIban);
        String investorId = flows.order(paid).get("investorId").asString();
        String holdId = ApiClient.body(
                        api.post(officer.key(), HOLDS, Map.of("investorId", investorId, "reason", "Sanctions list hit"))
                                .expectStatus()
                                .isCreated())
                .get("holdId")
                .asString();
        assertThat(statuses(paid)).containsOnly("HELD");
        long beforeRefusing = System.currentTimeMillis();

        JsonNode refused = ApiClient.body(api.put(officer.key(), HOLDS + "/" + holdId + "/refused", null)
                .expectStatus()
                .isOk());

        assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
        JsonNode refunded = flows.order(paid);
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(lastReason(refunded)).isEqualTo("COMPLIANCE_HOLD_REFUSED");
        assertThat(statuses(paid)).hasSize(2).containsOnly("REVERSED");
        JsonNode refund = flows.refund(paid);
        assertThat(refund.get("iban").asString()).isEqualTo(payerIban).isNotEqualTo(investorIban);
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("1100");
        JsonNode instruction = flows.awaitRequestedInstruction(
                beforeRefusing, paid, refund.get("instructionId").asString());
        assertThat(instruction.get("type").asString()).isEqualTo("REFUND");
        assertThat(instruction.get("creditorIban").asString()).isEqualTo(payerIban);
        JsonNode expired = flows.order(payable);
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(lastReason(expired)).isEqualTo("COMPLIANCE_HOLD_REFUSED");
        assertThat(reviewOf(holdId).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(opsLog(officer, "refuseHold", holdId)).isNotEmpty();

        // A release of a refused hold: 409; refused again: the same answer, nothing refunded twice.
        problem(api.put(officer.key(), HOLDS + "/" + holdId + "/released", null), 409, "ILLEGAL_TRANSITION");
        assertThat(opsLog(officer, "releaseHold", holdId))
                .anySatisfy(line -> assertThat(line.get("outcome").asString()).isEqualTo("ILLEGAL_TRANSITION"));
        api.put(officer.key(), HOLDS + "/" + holdId + "/refused", null)
                .expectStatus()
                .isOk();
        assertThat(flows.refund(paid).get("refundId").asString())
                .isEqualTo(refund.get("refundId").asString());
        flows.ops().assertNoBreach();
    }

    @Test
    void aPortalHoldsOnlyItsOwnInvestorsAndOrdersWhileOpsHoldAnyPortalsAndOnlyOpsEndAHold() {
        TestPortal other = api.newPortal();
        String othersInvestor = other.investor();
        String own = flows.newOrder(investorIban);

        problem(flows.portal().post("/holds", Map.of("investorId", othersInvestor, "reason", "AML")), 404, "NOT_FOUND");
        JsonNode byOps =
                ApiClient.body(api.post(ApiClient.OPS_KEY, HOLDS, Map.of("investorId", othersInvestor, "reason", "AML"))
                        .expectStatus()
                        .isCreated());
        assertThat(byOps.get("portalId").asString()).isEqualTo(other.portalId());
        assertThat(byOps.get("placedByName").asString()).isEqualTo("bootstrap");
        // The other portal reads the hold on its investor; this one does not see it.
        other.get("/holds/" + byOps.get("holdId").asString()).expectStatus().isOk();
        problem(flows.portal().get("/holds/" + byOps.get("holdId").asString()), 404, "NOT_FOUND");

        JsonNode byPortal = ApiClient.body(flows.portal()
                .post("/holds", Map.of("orderId", own, "reason", "Investor asked us to check"))
                .expectStatus()
                .isCreated());
        assertThat(byPortal.get("orderId").asString()).isEqualTo(own);
        assertThat(byPortal.get("placedBy").isNull()).isTrue();
        assertThat(byPortal.get("placedByName").asString())
                .isEqualTo("portal " + flows.portal().portalId());
        problem(other.post("/holds", Map.of("orderId", own, "reason", "AML")), 404, "NOT_FOUND");
        flows.portal()
                .put("/ops/holds/" + byPortal.get("holdId").asString() + "/released")
                .expectStatus()
                .isForbidden();

        Map<String, Object> both = new HashMap<>(Map.of("investorId", othersInvestor, "orderId", own));
        both.put("reason", "AML");
        JsonNode twoSubjects = problem(api.post(ApiClient.OPS_KEY, HOLDS, both), 400, "VALIDATION_FAILED");
        assertThat(twoSubjects.get("errors").valueStream().map(e -> e.get("field")
                        .asString()))
                .contains("orderId");
        problem(api.post(ApiClient.OPS_KEY, HOLDS, Map.of("reason", "AML")), 400, "VALIDATION_FAILED");
        problem(api.post(ApiClient.OPS_KEY, HOLDS, Map.of("orderId", own, "reason", "")), 400, "VALIDATION_FAILED");
        problem(
                api.post(ApiClient.OPS_KEY, HOLDS, Map.of("investorId", "INV23456789ABCDEFGH", "reason", "AML")),
                404,
                "NOT_FOUND");
        problem(api.put(ApiClient.OPS_KEY, HOLDS + "/HLD23456789ABCDEFGH/released", null), 404, "NOT_FOUND");
    }

    // --- helpers

    private record Officer(String id, String name, String key) {}

    /** A named operator with role OPERATOR: the least that may manage holds. */
    private Officer newOfficer() {
        String name = "Compliance " + UUID.randomUUID();
        JsonNode created = ApiClient.body(
                api.post(ApiClient.OPS_KEY, "/api/v1/ops/operators", Map.of("name", name, "role", "OPERATOR"))
                        .expectStatus()
                        .isCreated());
        return new Officer(
                created.get("operatorId").asString(),
                name,
                created.get("apiKey").asString());
    }

    private List<String> statuses(String orderId) {
        return flows.moneyouts(orderId).stream()
                .map(m -> m.get("status").asString())
                .toList();
    }

    private JsonNode reviewOf(String holdId) {
        List<JsonNode> items = flows.ops().reviewItemsAbout("COMPLIANCE_HOLD", holdId);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private JsonNode openReviewOf(String holdId) {
        JsonNode item = reviewOf(holdId);
        assertThat(item.get("status").asString()).isEqualTo("OPEN");
        return item;
    }

    /** The ops log lines of {@code officer} doing {@code action} on the hold. */
    private List<JsonNode> opsLog(Officer officer, String action, String holdId) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/log?size=500&operator=" + officer.id())
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .filter(line -> action.equals(line.get("action").asString()))
                .filter(line -> holdId.equals(line.path("objectId").asString(null)))
                .peek(line -> {
                    assertThat(line.get("operatorName").asString()).isEqualTo(officer.name());
                    assertThat(line.get("objectType").asString()).isEqualTo("ComplianceHold");
                })
                .toList();
    }

    private static String lastReason(JsonNode order) {
        JsonNode history = order.get("statusHistory");
        return history.get(history.size() - 1).get("reason").asString();
    }

    private static JsonNode problem(WebTestClient.ResponseSpec response, int status, String code) {
        JsonNode problem = ApiClient.body(response.expectStatus().isEqualTo(status));
        assertThat(problem.get("code").asString()).isEqualTo(code);
        return problem;
    }
}
