package io.crowdrecon.recon.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.platform.web.ApiKeyAuthenticationFilter;
import io.crowdrecon.recon.platform.web.OpsSessions;
import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.ReviewItemId;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.SecondInstance;
import io.crowdrecon.recon.testing.TestPortal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Named operators (issue 22, item 1): created by an administrator with a role, the key shown once; what each role may
 * do; a disabled operator refused at once, on every instance and in its dashboard session; the ops log saying who did
 * what, with the request's note.
 */
@ReconIntegrationTest
class OperatorsIT {

    private static final String OPERATORS = "/api/v1/ops/operators";

    @Autowired
    WebTestClient web;

    @Autowired
    ReviewItems reviewItems;

    @Autowired
    DatabaseClient database;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(web);
    }

    @Test
    void createsAnOperatorOfEachRoleShowingItsKeyOnceAndSignsEachInAsItself() {
        for (OperatorRole role : OperatorRole.values()) {
            String name = role + " " + UUID.randomUUID();
            JsonNode created = ApiClient.body(api.post(ApiClient.OPS_KEY, OPERATORS, Map.of("name", name, "role", role))
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueMatches(HttpHeaders.LOCATION, OPERATORS + "/OPR[0-9A-Z]{16}"));
            String id = created.get("operatorId").asString();
            String key = created.get("apiKey").asString();
            assertThat(key).startsWith("crk_");
            assertThat(created.get("role").asString()).isEqualTo(role.name());
            assertThat(created.get("disabled").asBoolean()).isFalse();
            assertThat(created.get("createdBy").asString())
                    .isEqualTo(Actor.BOOTSTRAP.operatorId().value());

            JsonNode fetched = ApiClient.body(api.get(ApiClient.OPS_KEY, OPERATORS + "/" + id)
                    .expectStatus()
                    .isOk());
            assertThat(fetched.has("apiKey")).as("GET never shows the key").isFalse();
            assertThat(fetched.get("name").asString()).isEqualTo(name);

            JsonNode me = ApiClient.body(
                    api.get(key, OPERATORS + "/me").expectStatus().isOk());
            assertThat(me.get("operatorId").asString()).isEqualTo(id);
            assertThat(me.get("name").asString()).isEqualTo(name);
            assertThat(me.get("role").asString()).isEqualTo(role.name());
        }
        JsonNode list = ApiClient.body(api.get(ApiClient.OPS_KEY, OPERATORS + "?size=500")
                .expectStatus()
                .isOk());
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(4);
        list.get("items").forEach(operator -> assertThat(operator.has("apiKey")).isFalse());

        JsonNode bootstrap = ApiClient.body(
                api.get(ApiClient.OPS_KEY, OPERATORS + "/me").expectStatus().isOk());
        assertThat(bootstrap.get("name").asString()).isEqualTo("bootstrap");
        assertThat(bootstrap.get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void anIdempotentReplayDoesNotShowTheKeyAgain() {
        Map<String, Object> body = Map.of("name", "Replayed " + UUID.randomUUID(), "role", "VIEWER");
        String idempotencyKey = UUID.randomUUID().toString();

        web.post()
                .uri(OPERATORS)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.apiKey")
                .isNotEmpty();
        web.post()
                .uri(OPERATORS)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("API_KEY_ALREADY_ISSUED");
    }

    @Test
    void refusesAnIncompleteOperator() {
        api.post(ApiClient.OPS_KEY, OPERATORS, Map.of("name", " ", "role", "SUPERUSER"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
    }

    @Test
    void aRoleWithoutThePermissionIsForbiddenBeforeAnythingChanges() {
        String viewer = newOperator(OperatorRole.VIEWER).key();
        String operator = newOperator(OperatorRole.OPERATOR).key();
        String approver = newOperator(OperatorRole.APPROVER).key();
        String item = openReviewItem();

        // A viewer reads...
        api.get(viewer, "/api/v1/ops/review-items").expectStatus().isOk();
        api.get(viewer, "/api/v1/ops/log").expectStatus().isOk();
        // ...and writes nothing.
        forbidden(api.put(viewer, "/api/v1/ops/review-items/" + item + "/resolved", Map.of("note", "viewer")));
        forbidden(api.put(viewer, "/api/v1/ops/instructions/PI23456789ABCDEFGH/reissued", null));
        forbidden(web.post()
                .uri("/api/v1/ops/bank-files")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + viewer)
                .contentType(MediaType.APPLICATION_XML)
                .bodyValue("<Document/>")
                .exchange());
        forbidden(api.post(viewer, OPERATORS, Map.of("name", "Mallory", "role", "ADMIN")));
        // An operator and an approver resolve, but neither onboards portals nor manages operators.
        forbidden(api.post(operator, OPERATORS, Map.of("name", "Mallory", "role", "ADMIN")));
        forbidden(api.post(approver, OPERATORS, Map.of("name", "Mallory", "role", "ADMIN")));
        forbidden(api.put(operator, OPERATORS + "/OPR23456789ABCDEFGH/disabled", null));
        forbidden(api.post(
                operator,
                "/api/v1/ops/portals",
                Map.of("name", "P", "collectionIban", "DE89370400440532013000", "feeAccountIban", "x")));

        JsonNode still = ApiClient.body(api.get(viewer, "/api/v1/ops/review-items?size=500")
                .expectStatus()
                .isOk());
        assertThat(statusOf(still, item))
                .as("the viewer's resolve changed nothing")
                .isEqualTo("OPEN");
        api.put(operator, "/api/v1/ops/review-items/" + item + "/resolved", Map.of("note", "done"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("RESOLVED");
    }

    @Test
    void aPortalKeyOnOpsAndAnOperatorKeyOnAPortalPathAreStillForbidden() {
        TestPortal portal = api.newPortal();
        String operator = newOperator(OperatorRole.ADMIN).key();

        forbidden(api.get(portal.apiKey(), "/api/v1/ops/log"));
        forbidden(api.get(portal.apiKey(), OPERATORS + "/me"));
        forbidden(api.get(operator, "/api/v1/campaigns"));
        api.get("crk_no-such-key", OPERATORS + "/me")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aDisabledOperatorIsRefusedAtOnceOnEveryInstanceAndInItsDashboardSession() {
        NewOperator operator = newOperator(OperatorRole.OPERATOR);
        String session = signIn(web, operator.key());
        dashboardGet(web, session, OPERATORS + "/me")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo(operator.name());

        try (SecondInstance second = SecondInstance.start()) {
            ApiClient other = new ApiClient(second.web());
            // The other instance has seen the key working before it is disabled.
            other.get(operator.key(), "/api/v1/ops/stats").expectStatus().isOk();

            api.put(ApiClient.OPS_KEY, OPERATORS + "/" + operator.id() + "/disabled", Map.of("note", "left us"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.disabled")
                    .isEqualTo(true);

            unauthorized(api.get(operator.key(), "/api/v1/ops/stats"));
            unauthorized(other.get(operator.key(), "/api/v1/ops/stats"));
            unauthorized(dashboardGet(web, session, "/api/v1/ops/stats"));
            unauthorized(dashboardGet(second.web(), session, "/api/v1/ops/stats"));
            web.post()
                    .uri("/ops/session")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("key", operator.key()))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        JsonNode log = ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/log?size=500")
                .expectStatus()
                .isOk());
        assertThat(lines(log)).anySatisfy(line -> assertThat(line)
                .containsEntry("action", "disableOperator")
                .containsEntry("objectId", operator.id())
                .containsEntry("note", "left us")
                .containsEntry("operatorName", "bootstrap"));
    }

    @Test
    void theLogSaysWhoDidWhatOnWhichObjectWithTheNoteAndFiltersByTimeAndOperator() {
        NewOperator alice = newOperator(OperatorRole.OPERATOR);
        NewOperator bob = newOperator(OperatorRole.APPROVER);
        String aliceItem = openReviewItem();
        String bobItem = openReviewItem();
        Instant before = Instant.now();

        api.put(alice.key(), "/api/v1/ops/review-items/" + aliceItem + "/resolved", Map.of("note", "paid by hand"))
                .expectStatus()
                .isOk();
        // Bob works from the dashboard: his session's writes are his.
        String bobSession = signIn(web, bob.key());
        web.put()
                .uri("/api/v1/ops/review-items/" + bobItem + "/resolved")
                .cookie(OpsSessions.COOKIE, bobSession)
                .header(ApiKeyAuthenticationFilter.DASHBOARD_HEADER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("note", "checked the statement"))
                .exchange()
                .expectStatus()
                .isOk();
        // A refused write is recorded with its error code.
        api.put(alice.key(), "/api/v1/ops/review-items/RI23456789ABCDEFGH/resolved", Map.of("note", "typo"))
                .expectStatus()
                .isNotFound();
        Instant after = Instant.now();

        List<Map<String, String>> ofAlice = lines(ApiClient.body(
                api.get(bob.key(), "/api/v1/ops/log?operator=" + alice.id() + "&from=" + before + "&to=" + after)
                        .expectStatus()
                        .isOk()));
        assertThat(ofAlice)
                .containsExactly(
                        line(alice, "resolveReviewItem", "ReviewItem", "RI23456789ABCDEFGH", "typo", "NOT_FOUND"),
                        line(alice, "resolveReviewItem", "ReviewItem", aliceItem, "paid by hand", "OK"));
        List<Map<String, String>> ofBob =
                lines(ApiClient.body(api.get(alice.key(), "/api/v1/ops/log?operator=" + bob.id())
                        .expectStatus()
                        .isOk()));
        assertThat(ofBob)
                .containsExactly(line(bob, "resolveReviewItem", "ReviewItem", bobItem, "checked the statement", "OK"));
        JsonNode later =
                ApiClient.body(api.get(alice.key(), "/api/v1/ops/log?operator=" + alice.id() + "&from=" + after)
                        .expectStatus()
                        .isOk());
        assertThat(later.get("total").asLong()).isZero();
        JsonNode earlier =
                ApiClient.body(api.get(alice.key(), "/api/v1/ops/log?operator=" + alice.id() + "&to=" + before)
                        .expectStatus()
                        .isOk());
        assertThat(earlier.get("total").asLong()).isZero();

        api.get(alice.key(), "/api/v1/ops/log?from=yesterday")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void theLogIsAppendOnlyEvenForTheSchemaOwner() {
        // A line of its own, so that the refusals below are of rows, not of an empty table.
        database.sql("INSERT INTO ops_log (at, operator_id, operator_name, action, object_type, outcome)"
                        + " VALUES (now(), 'OPR2222222222222222', 'bootstrap', 'test', 'Test', 'OK')")
                .then()
                .block(Duration.ofSeconds(10));

        assertThatThrownBy(() -> database.sql("UPDATE ops_log SET note = 'rewritten'")
                        .then()
                        .block(Duration.ofSeconds(10)))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("DELETE FROM ops_log").then().block(Duration.ofSeconds(10)))
                .hasMessageContaining("append-only");
    }

    private record NewOperator(String id, String name, String key) {}

    private NewOperator newOperator(OperatorRole role) {
        String name = role + " " + UUID.randomUUID();
        JsonNode created = ApiClient.body(api.post(ApiClient.OPS_KEY, OPERATORS, Map.of("name", name, "role", role))
                .expectStatus()
                .isCreated());
        return new NewOperator(
                created.get("operatorId").asString(),
                name,
                created.get("apiKey").asString());
    }

    private String openReviewItem() {
        String id = new IdGenerator(java.util.concurrent.ThreadLocalRandom::current)
                .nextReviewItemId()
                .value();
        reviewItems
                .addAll(List.of(ReviewItem.open(
                        ReviewItemId.of(id),
                        ReviewKind.PAYER_MISMATCH,
                        null,
                        null,
                        null,
                        "for OperatorsIT",
                        Instant.now())))
                .block(Duration.ofSeconds(10));
        return id;
    }

    private static String statusOf(JsonNode page, String reviewItemId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("reviewItemId").asString().equals(reviewItemId)) {
                return item.get("status").asString();
            }
        }
        throw new AssertionError(reviewItemId + " is not listed");
    }

    private static Map<String, String> line(
            NewOperator by, String action, String type, String objectId, String note, String outcome) {
        return Map.of(
                "operatorId", by.id(),
                "operatorName", by.name(),
                "action", action,
                "objectType", type,
                "objectId", objectId,
                "note", note,
                "outcome", outcome);
    }

    /** The log's lines, newest first, with the fields a line of {@link #line} names. */
    private static List<Map<String, String>> lines(JsonNode page) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (JsonNode entry : page.get("items")) {
            Map<String, String> line = new java.util.HashMap<>();
            for (String field :
                    List.of("operatorId", "operatorName", "action", "objectType", "objectId", "note", "outcome")) {
                if (entry.hasNonNull(field)) {
                    line.put(field, entry.get(field).asString());
                }
            }
            assertThat(entry.get("datetime").asString()).isNotBlank();
            lines.add(line);
        }
        return lines;
    }

    private static void forbidden(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
    }

    private static void unauthorized(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }

    private static String signIn(WebTestClient client, String key) {
        ResponseCookie cookie = client.post()
                .uri("/ops/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("key", key))
                .exchange()
                .expectStatus()
                .isNoContent()
                .returnResult(Void.class)
                .getResponseCookies()
                .getFirst(OpsSessions.COOKIE);
        assertThat(cookie).as("the session cookie").isNotNull();
        return cookie.getValue();
    }

    private static WebTestClient.ResponseSpec dashboardGet(WebTestClient client, String session, String path) {
        return client.get().uri(path).cookie(OpsSessions.COOKIE, session).exchange();
    }
}
