package io.crowdrecon.recon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.CardGateway.Delivery;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One test's portal paid by card: a portal with an open campaign and an investor, card orders through the API,
 * gateway notifications through Kafka or the signed webhook, and what the portal, the operator and the outbound
 * topics then show. Every wait is an Awaitility poll.
 */
public final class CardFlows {

    public static final Duration DECIDED = PaymentFlows.DECIDED;
    public static final Duration POLL = PaymentFlows.POLL;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final CardGateway gateway;
    private final TestKafka kafka;
    private final OpsView ops;
    private final TestPortal portal;
    private final String campaign;
    private final String investor;

    /** A new portal with an open campaign and an investor. */
    public CardFlows(ApiClient api, CardGateway gateway, TestKafka kafka) {
        this.api = api;
        this.gateway = gateway;
        this.kafka = kafka;
        this.ops = new OpsView(api);
        this.portal = api.newPortal();
        this.campaign = portal.openCampaign();
        this.investor = portal.investor();
    }

    public TestPortal portal() {
        return portal;
    }

    public String campaign() {
        return campaign;
    }

    public OpsView ops() {
        return ops;
    }

    public CardGateway gateway() {
        return gateway;
    }

    // --- orders

    /** A new CREDIT_CARD order of 1100 (1000 + 100 fee), without an investor account (optional for cards). */
    public String newCardOrder() {
        Map<String, Object> body = portal.orderBody(campaign, investor, null);
        body.remove("investorAccount");
        body.put("channel", "CREDIT_CARD");
        JsonNode order =
                ApiClient.body(portal.post("/orders", body).expectStatus().isCreated());
        assertThat(order.get("status").asString()).isEqualTo("CREATED");
        return order.get("orderId").asString();
    }

    /** A new MONEY_TRANSFER order of 1100 (1000 + 100 fee) from {@code investorIban}. */
    public String newTransferOrder(String investorIban) {
        return portal.order(campaign, investor, investorIban).get("orderId").asString();
    }

    public JsonNode order(String orderId) {
        return ApiClient.body(portal.get("/orders/" + orderId).expectStatus().isOk());
    }

    public String status(String orderId) {
        return order(orderId).get("status").asString();
    }

    public JsonNode awaitStatus(String orderId, String status) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(status(orderId))
                .as("status of order %s", orderId)
                .isEqualTo(status));
        return order(orderId);
    }

    /** The transitions of the order's history into {@code status}. */
    public List<JsonNode> transitionsTo(String orderId, String status) {
        return order(orderId)
                .get("statusHistory")
                .valueStream()
                .filter(entry -> status.equals(entry.get("status").asString()))
                .toList();
    }

    public WebTestClient.ResponseSpec cancel(String orderId) {
        return portal.put("/orders/" + orderId + "/cancelled");
    }

    // --- payments

    /** {@code GET /orders/{id}/payment}. */
    public JsonNode payment(String orderId) {
        return ApiClient.body(
                portal.get("/orders/" + orderId + "/payment").expectStatus().isOk());
    }

    /** The items of {@code GET /orders/{id}/payment/moneyouts}. */
    public List<JsonNode> moneyouts(String orderId) {
        return ApiClient.body(portal.get("/orders/" + orderId + "/payment/moneyouts")
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .toList();
    }

    public List<String> moneyoutStatuses(String orderId) {
        return moneyouts(orderId).stream().map(m -> m.get("status").asString()).toList();
    }

    public void awaitMoneyouts(String orderId, String status) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(moneyoutStatuses(orderId))
                .as("moneyouts of %s", orderId)
                .isNotEmpty()
                .allMatch(status::equals));
    }

    /** {@code GET /orders/{id}/payment/refund}. */
    public JsonNode refund(String orderId) {
        return ApiClient.body(portal.get("/orders/" + orderId + "/payment/refund")
                .expectStatus()
                .isOk());
    }

    public JsonNode awaitRefundStatus(String orderId, String status) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        refund(orderId).get("status").asString())
                .as("status of the refund of %s", orderId)
                .isEqualTo(status));
        return refund(orderId);
    }

    // --- the gateway

    public void deliver(Delivery delivery, CardNotification notification) {
        gateway.deliver(delivery, portal, notification);
    }

    /** Captures the order's total and waits until it is ACCOUNTED; answers the capture. */
    public CardNotification pay(Delivery delivery, String orderId) {
        CardNotification capture = CardMessages.capture(orderId);
        deliver(delivery, capture);
        awaitStatus(orderId, "ACCOUNTED");
        return capture;
    }

    /**
     * Delivers, with the key of {@code orderId}, a REFUND for an instruction that does not exist, and waits for its
     * {@code UNEXPECTED_DEBIT}: every notification delivered for {@code orderId} before it has then been applied.
     */
    public void awaitNotificationsBefore(Delivery delivery, String orderId) {
        CardNotification sentinel = CardMessages.refund(orderId, "PI-SENTINEL-" + UUID.randomUUID(), null)
                .amount("1.00");
        deliver(delivery, sentinel);
        awaitUnexpectedDebit(sentinel.notificationId());
    }

    /** Waits for the one UNEXPECTED_DEBIT review item opened by the card notification {@code notificationId}. */
    public JsonNode awaitUnexpectedDebit(String notificationId) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(unexpectedDebits(notificationId))
                .as("UNEXPECTED_DEBIT review items about %s", notificationId)
                .isNotEmpty());
        List<JsonNode> items = unexpectedDebits(notificationId);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** The open UNEXPECTED_DEBIT review items opened by the card notification {@code notificationId}. */
    public List<JsonNode> unexpectedDebits(String notificationId) {
        return ops.reviewItems("kind=UNEXPECTED_DEBIT&status=OPEN")
                .get("items")
                .valueStream()
                .filter(item -> item.path("subjectId").asString("").contains(notificationId))
                .toList();
    }

    // --- the operator's view

    /** {@code GET /ops/instructions/{id}}. */
    public JsonNode instruction(String instructionId) {
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/instructions/" + instructionId)
                .expectStatus()
                .isOk());
    }

    public JsonNode awaitInstructionStatus(String instructionId, String status) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        instruction(instructionId).get("status").asString())
                .as("status of instruction %s", instructionId)
                .isEqualTo(status));
        return instruction(instructionId);
    }

    /** {@code PUT /ops/instructions/{id}/reissued}, with {@code {"iban"}} unless it is null. */
    public WebTestClient.ResponseSpec reissue(String instructionId, String iban) {
        return api.put(
                ApiClient.OPS_KEY,
                "/api/v1/ops/instructions/" + instructionId + "/reissued",
                iban == null ? null : Map.of("iban", iban));
    }

    /** The review items of {@code kind} about order {@code orderId}. */
    public List<JsonNode> reviewsOfOrder(String kind, String orderId) {
        return ops.reviewItems("kind=" + kind + "&orderId=" + orderId)
                .get("items")
                .valueStream()
                .toList();
    }

    /** Waits until order {@code orderId} has {@code count} review items of {@code kind}; answers them, newest first. */
    public List<JsonNode> awaitReviewsOfOrder(String kind, String orderId, int count) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(reviewsOfOrder(kind, orderId))
                .as("%s review items of %s", kind, orderId)
                .hasSize(count));
        return reviewsOfOrder(kind, orderId);
    }

    /** Waits for the one review item of {@code kind} about {@code subjectId} and answers it. */
    public JsonNode awaitReview(String kind, String subjectId) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(ops.reviewItemsAbout(kind, subjectId))
                .as("%s review items about %s", kind, subjectId)
                .isNotEmpty());
        List<JsonNode> items = ops.reviewItemsAbout(kind, subjectId);
        assertThat(items).as("%s review items about %s", kind, subjectId).hasSize(1);
        return items.get(0);
    }

    /** {@code PUT /ops/review-items/{id}/resolved} with {@code body}. */
    public WebTestClient.ResponseSpec resolve(String reviewItemId, Object body) {
        return api.put(ApiClient.OPS_KEY, "/api/v1/ops/review-items/" + reviewItemId + "/resolved", body);
    }

    // --- unidentified transfers

    /** The portal's unidentified transfers (up to 500, newest first). */
    public List<JsonNode> unidentified(String query) {
        return ApiClient.body(portal.get("/unidentified-transfers?size=500&" + query)
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .toList();
    }

    /** Every portal's unidentified transfers, as ops see them (up to 500, newest first). */
    public List<JsonNode> unidentifiedForOps(String query) {
        return ops.unidentified(query).get("items").valueStream().toList();
    }

    /** Waits for the one unidentified transfer naming {@code orderId} in the portal's list and answers it. */
    public JsonNode awaitUnidentifiedNaming(String orderId) {
        return awaitSingle(
                () -> unidentified("candidateOrderId=" + orderId), "unidentified transfers naming " + orderId);
    }

    /** Waits for the one unidentified transfer naming {@code orderId} in the ops list and answers it. */
    public JsonNode awaitUnidentifiedForOpsNaming(String orderId) {
        return awaitSingle(
                () -> unidentifiedForOps("candidateOrderId=" + orderId), "unidentified transfers naming " + orderId);
    }

    private static JsonNode awaitSingle(Callable<List<JsonNode>> items, String what) {
        await().atMost(DECIDED)
                .pollInterval(POLL)
                .untilAsserted(() -> assertThat(items.call()).as(what).isNotEmpty());
        try {
            List<JsonNode> found = items.call();
            assertThat(found).as(what).hasSize(1);
            return found.get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- outbound topics

    /** The data of every CloudEvent of {@code type} with {@code key} published on {@code topic} since then. */
    public List<JsonNode> events(String topic, String type, long sinceMillis, String key) {
        return kafka.readSince(topic, sinceMillis).stream()
                .filter(record -> key.equals(record.key()))
                .filter(record -> type.equals(PaymentFlows.header(record, "ce_type")))
                .map(record -> JSON.readTree(record.value()))
                .toList();
    }

    /** The payment instructions requested with {@code key} since then. */
    public List<JsonNode> requestedInstructions(long sinceMillis, String key) {
        return events(PaymentFlows.INSTRUCTIONS_TOPIC, PaymentFlows.INSTRUCTION_REQUESTED, sinceMillis, key);
    }

    /** Waits for a payment instruction requested with {@code key} that satisfies {@code wanted}; answers its data. */
    public JsonNode awaitRequestedInstruction(long sinceMillis, String key, Predicate<JsonNode> wanted) {
        return await().atMost(DECIDED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> requestedInstructions(sinceMillis, key).stream()
                                .filter(wanted)
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }

    /** Waits for a payment instruction, requested since then under any key, on card payment {@code pspReference}. */
    public JsonNode awaitRequestedInstructionOn(long sinceMillis, String pspReference) {
        return await().atMost(DECIDED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> kafka.readSince(PaymentFlows.INSTRUCTIONS_TOPIC, sinceMillis).stream()
                                .filter(record -> PaymentFlows.INSTRUCTION_REQUESTED.equals(
                                        PaymentFlows.header(record, "ce_type")))
                                .map(record -> JSON.readTree(record.value()))
                                .filter(data -> pspReference.equals(
                                        data.path("pspReference").asString(null)))
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }

    // --- the campaign

    public void closeCampaign() {
        portal.put("/campaigns/" + campaign + "/closed").expectStatus().isOk();
    }

    /** {@code PUT /campaigns/{id}/finalized-success} executing {@code ordersToExecute}. */
    public WebTestClient.ResponseSpec finalizeSuccess(List<String> ordersToExecute, List<String> ordersToUndo) {
        return portal.put(
                "/campaigns/" + campaign + "/finalized-success",
                Map.of("ordersToExecute", ordersToExecute, "ordersToUndo", ordersToUndo));
    }

    /** {@code PUT /campaigns/{id}/finalized-failure}: every paid order refunded. */
    public WebTestClient.ResponseSpec finalizeFailure() {
        return portal.put("/campaigns/" + campaign + "/finalized-failure");
    }
}
