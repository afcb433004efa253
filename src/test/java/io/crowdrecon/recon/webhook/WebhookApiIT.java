package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestPortal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The webhook endpoint API on a real PostgreSQL (docs/webhooks.md, "Endpoints"): register, read, replace, enable and
 * disable, delete, rotate; deliveries (inserted here by SQL: the delivery engine makes them) listed with their attempts
 * and replayed; the operators' view. The embedded default allows http and private addresses; {@code
 * WebhookEndpointProductionIT} checks the refusals of production.
 */
@ReconIntegrationTest
class WebhookApiIT {

    private static final String ENDPOINTS = "/webhook-endpoints";
    private static final String ORDER_STATUS = "crowdrecon.order.status-changed.v1";
    private static final String UNIDENTIFIED = "crowdrecon.unidentified-transfer.received.v1";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    ApiClient api;
    TestPortal portal;

    @BeforeEach
    void setUp() {
        api = new ApiClient(web);
        portal = api.newPortal();
    }

    @Test
    void registersAnEndpointAndShowsItsSecretOnlyInTheAnswer() {
        WebTestClient.ResponseSpec response = portal.post(ENDPOINTS, body("http://127.0.0.1:9/hooks", ORDER_STATUS))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/v1/webhook-endpoints/WHE[0-9A-Z]{16}");
        JsonNode created = ApiClient.body(response);

        String id = created.get("webhookEndpointId").asString();
        String secret = created.get("secret").asString();
        assertThat(id).matches("WHE[0-9A-Z]{16}");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSize(32);
        assertThat(created.get("status").asString()).isEqualTo("ENABLED");
        assertThat(created.get("eventTypes").get(0).asString()).isEqualTo(ORDER_STATUS);
        assertThat(created.get("description").asString()).isEqualTo("Back office");

        JsonNode fetched =
                ApiClient.body(portal.get(ENDPOINTS + "/" + id).expectStatus().isOk());
        assertThat(fetched.has("secret")).isFalse();
        assertThat(fetched.get("url").asString()).isEqualTo("http://127.0.0.1:9/hooks");
        JsonNode listed = ApiClient.body(portal.get(ENDPOINTS).expectStatus().isOk());
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("webhookEndpointId").asString())
                .isEqualTo(id);
        assertThat(listed.get("items").get(0).has("secret")).isFalse();

        Map<String, Object> row = row(id);
        assertThat(row.get("secret")).isEqualTo(secret);
        long lastSeq = database.sql("SELECT last_seq FROM event_sequence WHERE id = 1")
                .map(r -> r.get(0, Long.class))
                .one()
                .block();
        assertThat((Long) row.get("from_seq")).isBetween(0L, lastSeq);
    }

    @Test
    void anotherPortalsEndpointDoesNotExist() {
        String id = register("http://127.0.0.1:9/hooks", ORDER_STATUS);
        TestPortal other = api.newPortal();

        other.get(ENDPOINTS + "/" + id).expectStatus().isNotFound();
        other.put(ENDPOINTS + "/" + id, body("http://127.0.0.1:9/other", ORDER_STATUS))
                .expectStatus()
                .isNotFound();
        other.post(ENDPOINTS + "/" + id + "/secret/rotated", Map.of())
                .expectStatus()
                .isNotFound();
        other.get(ENDPOINTS + "/" + id + "/deliveries").expectStatus().isNotFound();
        delete(other, id).expectStatus().isNotFound();
        assertThat(ApiClient.body(other.get(ENDPOINTS).expectStatus().isOk())
                        .get("total")
                        .asLong())
                .isZero();

        portal.get(ENDPOINTS + "/" + id).expectStatus().isOk();
    }

    @Test
    void refusesABadUrlOrEventTypesNamingTheField() {
        portal.post(ENDPOINTS, body("ftp://example.com/hooks", ORDER_STATUS))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("url");
        portal.post(ENDPOINTS, body("https://user:pw@example.com/hooks", ORDER_STATUS))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .isEqualTo("must not carry credentials");
        portal.post(ENDPOINTS, body("https://example.com/hooks", "order.created"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("eventTypes[0]")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("order.created", ORDER_STATUS, UNIDENTIFIED));
        portal.post(ENDPOINTS, Map.of("url", "https://example.com/hooks", "eventTypes", List.of()))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("eventTypes");
        portal.post(ENDPOINTS, body("https://example.com/hooks", ORDER_STATUS, ORDER_STATUS))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("eventTypes[1]");

        assertThat(ApiClient.body(portal.get(ENDPOINTS).expectStatus().isOk())
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void rotationKeepsTheReplacedSecretSigningFor24Hours() {
        JsonNode created = ApiClient.body(portal.post(ENDPOINTS, body("http://127.0.0.1:9/hooks", ORDER_STATUS))
                .expectStatus()
                .isCreated());
        String id = created.get("webhookEndpointId").asString();
        String first = created.get("secret").asString();

        JsonNode rotation = ApiClient.body(portal.post(ENDPOINTS + "/" + id + "/secret/rotated", Map.of())
                .expectStatus()
                .isOk());

        String second = rotation.get("secret").asString();
        assertThat(rotation.get("webhookEndpointId").asString()).isEqualTo(id);
        assertThat(second).matches("whsec_[A-Za-z0-9+/]{43}=").isNotEqualTo(first);
        Instant expires =
                Instant.parse(rotation.get("previousSecretExpiresDatetime").asString());
        assertThat(expires).isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(60));
        Map<String, Object> row = row(id);
        assertThat(row.get("secret")).isEqualTo(second);
        assertThat(row.get("previous_secret")).isEqualTo(first);
        assertThat(((OffsetDateTime) row.get("previous_secret_until")).toInstant())
                .isEqualTo(expires);

        // A second rotation within the 24 hours retires the first secret: only the last two sign.
        String third = ApiClient.body(portal.post(ENDPOINTS + "/" + id + "/secret/rotated", Map.of())
                        .expectStatus()
                        .isOk())
                .get("secret")
                .asString();
        assertThat(row(id)).containsEntry("secret", third).containsEntry("previous_secret", second);
        assertThat(ApiClient.body(
                                portal.get(ENDPOINTS + "/" + id).expectStatus().isOk())
                        .has("secret"))
                .isFalse();
    }

    @Test
    void theEndpointIsReplacedDisabledAndEnabledAgainWithItsWaitingDeliveriesWindowRestarted() {
        String id = register("http://127.0.0.1:9/hooks", ORDER_STATUS);
        String pending = insertDelivery(id, "PENDING", 1);
        database.sql("UPDATE webhook_delivery SET first_attempt_at = now() - interval '2 days' WHERE delivery_id = :id")
                .bind("id", pending)
                .then()
                .block();

        JsonNode disabled = ApiClient.body(portal.put(
                        ENDPOINTS + "/" + id,
                        Map.of("url", "http://127.0.0.1:9/v2", "eventTypes", List.of(UNIDENTIFIED), "enabled", false))
                .expectStatus()
                .isOk());
        assertThat(disabled.get("status").asString()).isEqualTo("DISABLED");
        assertThat(disabled.get("disabledReason").asString()).isEqualTo("disabled by the portal");
        assertThat(disabled.get("url").asString()).isEqualTo("http://127.0.0.1:9/v2");
        assertThat(disabled.get("eventTypes").get(0).asString()).isEqualTo(UNIDENTIFIED);
        assertThat(disabled.get("description").isNull()).isTrue();

        // The status is kept when enabled is absent.
        assertThat(ApiClient.body(portal.put(ENDPOINTS + "/" + id, body("http://127.0.0.1:9/v2", UNIDENTIFIED))
                                .expectStatus()
                                .isOk())
                        .get("status")
                        .asString())
                .isEqualTo("DISABLED");

        database.sql("UPDATE webhook_endpoint SET failing_since = now() WHERE endpoint_id = :id")
                .bind("id", id)
                .then()
                .block();
        JsonNode enabled = ApiClient.body(portal.put(
                        ENDPOINTS + "/" + id,
                        Map.of("url", "http://127.0.0.1:9/v2", "eventTypes", List.of(UNIDENTIFIED), "enabled", true))
                .expectStatus()
                .isOk());

        assertThat(enabled.get("status").asString()).isEqualTo("ENABLED");
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
        assertThat(row(id).get("failing_since")).isNull();
        assertThat(database.sql("SELECT first_attempt_at FROM webhook_delivery WHERE delivery_id = :id")
                        .bind("id", pending)
                        .map(r -> java.util.Optional.ofNullable(r.get(0, OffsetDateTime.class)))
                        .one()
                        .block())
                .isEmpty();
    }

    @Test
    void deletingAnEndpointDeletesItsDeliveries() {
        String id = register("http://127.0.0.1:9/hooks", ORDER_STATUS);
        insertDelivery(id, "FAILED", 1);

        delete(portal, id).expectStatus().isNoContent();

        portal.get(ENDPOINTS + "/" + id).expectStatus().isNotFound();
        delete(portal, id).expectStatus().isNotFound();
        assertThat(database.sql("SELECT count(*) FROM webhook_delivery WHERE endpoint_id = :id")
                        .bind("id", id)
                        .map(r -> r.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void listsDeliveriesWithTheirAttemptsAndReplaysAFailedOne() {
        String id = register("http://127.0.0.1:9/hooks", ORDER_STATUS);
        // Disabled, so that no delivery engine attempts what this test inserts.
        portal.put(
                        ENDPOINTS + "/" + id,
                        Map.of(
                                "url",
                                "http://127.0.0.1:9/hooks",
                                "eventTypes",
                                List.of(ORDER_STATUS),
                                "enabled",
                                false))
                .expectStatus()
                .isOk();
        String delivered = insertDelivery(id, "DELIVERED", 1);
        String failed = insertDelivery(id, "FAILED", 2);
        insertAttempt(failed, 1, 500, null);
        insertAttempt(failed, 2, null, "connection refused");

        JsonNode all = ApiClient.body(
                portal.get(ENDPOINTS + "/" + id + "/deliveries").expectStatus().isOk());
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(all.get("items").get(0).get("deliveryId").asString()).isEqualTo(failed);
        assertThat(all.get("items").get(1).get("deliveryId").asString()).isEqualTo(delivered);
        JsonNode failedItem = all.get("items").get(0);
        assertThat(failedItem.get("webhookEndpointId").asString()).isEqualTo(id);
        assertThat(failedItem.get("eventType").asString()).isEqualTo(ORDER_STATUS);
        assertThat(failedItem.get("subject").asString()).isEqualTo("ORDER-KEY");
        assertThat(failedItem.get("attemptCount").asInt()).isEqualTo(2);
        assertThat(failedItem.get("attempts")).hasSize(2);
        assertThat(failedItem.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(failedItem.get("attempts").get(1).get("statusCode").isNull()).isTrue();
        assertThat(failedItem.get("attempts").get(1).get("error").asString()).isEqualTo("connection refused");
        assertThat(failedItem.get("attempts").get(1).get("latencyMs").asInt()).isEqualTo(12);

        JsonNode onlyFailed = ApiClient.body(portal.get(ENDPOINTS + "/" + id + "/deliveries?status=FAILED")
                .expectStatus()
                .isOk());
        assertThat(onlyFailed.get("total").asLong()).isEqualTo(1);
        portal.get(ENDPOINTS + "/" + id + "/deliveries?status=LOST")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INVALID_PARAMETER");

        JsonNode replayed =
                ApiClient.body(portal.post(ENDPOINTS + "/" + id + "/deliveries/" + failed + "/retried", Map.of())
                        .expectStatus()
                        .isAccepted());
        assertThat(replayed.get("status").asString()).isEqualTo("PENDING");
        assertThat(replayed.get("endedDatetime").isNull()).isTrue();
        assertThat(replayed.get("nextAttemptDatetime").isNull()).isFalse();
        assertThat(replayed.get("attempts")).hasSize(2);
        assertThat(replayed.get("eventId").asString())
                .isEqualTo(failedItem.get("eventId").asString());
        assertThat(database.sql("SELECT first_attempt_at FROM webhook_delivery WHERE delivery_id = :id")
                        .bind("id", failed)
                        .map(r -> java.util.Optional.ofNullable(r.get(0, OffsetDateTime.class)))
                        .one()
                        .block())
                .isEmpty();
        // Again: already PENDING, made due now.
        portal.post(ENDPOINTS + "/" + id + "/deliveries/" + failed + "/retried", Map.of())
                .expectStatus()
                .isAccepted();
        assertThat(ApiClient.body(portal.get(ENDPOINTS + "/" + id + "/deliveries/" + failed)
                                .expectStatus()
                                .isOk())
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");

        TestPortal other = api.newPortal();
        other.get(ENDPOINTS + "/" + id + "/deliveries/" + failed).expectStatus().isNotFound();
        other.post(ENDPOINTS + "/" + id + "/deliveries/" + failed + "/retried", Map.of())
                .expectStatus()
                .isNotFound();
        portal.get(ENDPOINTS + "/" + id + "/deliveries/WHD2222222222222222")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void operatorsReadEveryPortalsEndpointsAndDeliveriesWithoutSecrets() {
        String id = register("http://127.0.0.1:9/hooks", ORDER_STATUS);
        insertDelivery(id, "DELIVERED", 1);

        JsonNode endpoints =
                ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/webhook-endpoints?portalId=" + portal.portalId())
                        .expectStatus()
                        .isOk());
        assertThat(endpoints.get("total").asLong()).isEqualTo(1);
        assertThat(endpoints.get("items").get(0).get("portalId").asString()).isEqualTo(portal.portalId());
        assertThat(endpoints.get("items").get(0).has("secret")).isFalse();
        JsonNode deliveries = ApiClient.body(
                api.get(ApiClient.OPS_KEY, "/api/v1/ops/webhook-endpoints/" + id + "/deliveries?status=DELIVERED")
                        .expectStatus()
                        .isOk());
        assertThat(deliveries.get("total").asLong()).isEqualTo(1);

        // A portal key does not reach the ops view.
        api.get(portal.apiKey(), "/api/v1/ops/webhook-endpoints").expectStatus().isForbidden();
    }

    // --- helpers

    private String register(String url, String... eventTypes) {
        return ApiClient.body(portal.post(ENDPOINTS, body(url, eventTypes))
                        .expectStatus()
                        .isCreated())
                .get("webhookEndpointId")
                .asString();
    }

    private static Map<String, Object> body(String url, String... eventTypes) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", List.of(eventTypes));
        body.put("description", "Back office");
        return body;
    }

    private WebTestClient.ResponseSpec delete(TestPortal caller, String id) {
        return web.delete()
                .uri("/api/v1/webhook-endpoints/" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.apiKey())
                .exchange();
    }

    private Map<String, Object> row(String id) {
        return database.sql("SELECT * FROM webhook_endpoint WHERE endpoint_id = :id")
                .bind("id", id)
                .fetch()
                .one()
                .block();
    }

    /** A delivery as the engine would write it; {@code seq} orders them (newer seq, newer row). */
    private String insertDelivery(String endpointId, String status, int seq) {
        String deliveryId = IdGenerator.threadLocal().nextWebhookDeliveryId().value();
        Instant created = Instant.now().minusSeconds(100 - seq);
        boolean ended = !status.equals("PENDING");
        database.sql(
                        """
                        INSERT INTO webhook_delivery (delivery_id, endpoint_id, portal_id, event_seq, event_id,
                               event_type, ordering_key, status, attempt_count, next_attempt_at, first_attempt_at,
                               last_status_code, last_error, created_at, ended_at)
                        VALUES (:id, :endpoint, :portal, :seq, :eventId, :type, 'ORDER-KEY', :status, :attempts,
                               :next, :first, :code, NULL, :created, :ended)""")
                .bind("id", deliveryId)
                .bind("endpoint", endpointId)
                .bind("portal", portal.portalId())
                .bind("seq", (long) seq)
                .bind("eventId", UUID.randomUUID())
                .bind("type", ORDER_STATUS)
                .bind("status", status)
                .bind("attempts", status.equals("FAILED") ? 2 : 1)
                .bind(
                        "next",
                        org.springframework.r2dbc.core.Parameter.fromOrEmpty(
                                ended ? null : created.atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("first", created.atOffset(ZoneOffset.UTC))
                .bind("code", status.equals("DELIVERED") ? 204 : 500)
                .bind("created", created.atOffset(ZoneOffset.UTC))
                .bind(
                        "ended",
                        org.springframework.r2dbc.core.Parameter.fromOrEmpty(
                                ended ? created.atOffset(ZoneOffset.UTC) : null, OffsetDateTime.class))
                .then()
                .block();
        return deliveryId;
    }

    private void insertAttempt(String deliveryId, int attempt, Integer statusCode, String error) {
        database.sql(
                        """
                        INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, latency_ms, error)
                        VALUES (:id, :attempt, now(), :code, 12, :error)""")
                .bind("id", deliveryId)
                .bind("attempt", attempt)
                .bind("code", org.springframework.r2dbc.core.Parameter.fromOrEmpty(statusCode, Integer.class))
                .bind("error", org.springframework.r2dbc.core.Parameter.fromOrEmpty(error, String.class))
                .then()
                .block();
    }

    private static org.assertj.core.data.TemporalUnitOffset within(long seconds) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(seconds, ChronoUnit.SECONDS);
    }
}
