package io.crowdrecon.recon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.DebitMessages.Debit;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One test's portal paying, cancelling and being answered by the bank: orders through the API, CREDITs and DEBITs
 * through {@code recon.bank-notifications}, and what the portal, the operator and {@code recon.payment-instructions}
 * then show. Every wait is an Awaitility poll.
 */
public final class PaymentFlows {

    public static final Duration DECIDED = Duration.ofSeconds(60);
    public static final Duration POLL = Duration.ofMillis(200);
    public static final String INSTRUCTIONS_TOPIC = "recon.payment-instructions";
    public static final String INSTRUCTION_REQUESTED = "crowdrecon.payment-instruction.requested.v1";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final TestKafka kafka;
    private final OpsView ops;
    private final TestPortal portal;
    private final String campaign;
    private final String investor;

    /** A new portal with an open campaign and an investor. */
    public PaymentFlows(ApiClient api, TestKafka kafka) {
        this.api = api;
        this.kafka = kafka;
        this.ops = new OpsView(api);
        this.portal = api.newPortal();
        this.campaign = portal.openCampaign();
        this.investor = portal.investor();
    }

    public TestPortal portal() {
        return portal;
    }

    public OpsView ops() {
        return ops;
    }

    // --- orders

    /** A new order of 1100 (1000 + 100 fee) whose investor account is {@code investorIban}. */
    public String newOrder(String investorIban) {
        return portal.order(campaign, investor, investorIban).get("orderId").asString();
    }

    public JsonNode order(String orderId) {
        return ApiClient.body(portal.get("/orders/" + orderId).expectStatus().isOk());
    }

    public JsonNode awaitStatus(String orderId, String status) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        order(orderId).get("status").asString())
                .as("status of order %s", orderId)
                .isEqualTo(status));
        return order(orderId);
    }

    /** {@code GET /orders/{id}/payment}. */
    public JsonNode payment(String orderId) {
        return ApiClient.body(
                portal.get("/orders/" + orderId + "/payment").expectStatus().isOk());
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

    /** The items of {@code GET /orders/{id}/payment/moneyouts}. */
    public List<JsonNode> moneyouts(String orderId) {
        return ApiClient.body(portal.get("/orders/" + orderId + "/payment/moneyouts")
                        .expectStatus()
                        .isOk())
                .get("items")
                .valueStream()
                .toList();
    }

    /** The transitions of the order's history into {@code status}. */
    public List<JsonNode> transitionsTo(String orderId, String status) {
        return order(orderId)
                .get("statusHistory")
                .valueStream()
                .filter(entry -> status.equals(entry.get("status").asString()))
                .toList();
    }

    // --- the bank feed

    /** A credit of the order's total to the portal's collection account naming the order, from {@code payerIban}. */
    public Credit creditFor(String orderId, String payerIban) {
        Credit credit = Credits.to(portal.collectionIban()).description("Subscription " + orderId);
        return payerIban == null ? credit : credit.payerIban(payerIban);
    }

    /** Pays the order with a credit from {@code payerIban} and waits until it is ACCOUNTED; answers the credit. */
    public Credit pay(String orderId, String payerIban) {
        Credit credit = creditFor(orderId, payerIban);
        publish(credit);
        awaitStatus(orderId, "ACCOUNTED");
        return credit;
    }

    public void publish(Credit credit) {
        kafka.send(Credits.TOPIC, credit.notificationId(), credit.json());
    }

    public void publish(Debit debit) {
        kafka.send(Credits.TOPIC, debit.notificationId(), debit.json());
    }

    /**
     * Publishes, on the partition of {@code key}, a DEBIT for an instruction that does not exist, and waits for its
     * {@code UNEXPECTED_DEBIT}: every DEBIT published with {@code key} before it has then been applied.
     */
    public void awaitDebitsBefore(String key) {
        Debit sentinel = DebitMessages.answer("PI-SENTINEL-" + UUID.randomUUID(), "EXECUTED", "1.00")
                .notificationId(Credits.newNotificationIdOnPartition(Credits.partitionOf(key)));
        publish(sentinel);
        awaitReview("UNEXPECTED_DEBIT", sentinel.notificationId());
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

    /** Waits for the one review item of {@code kind} about {@code subjectId} and answers it. */
    public JsonNode awaitReview(String kind, String subjectId) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(ops.reviewItemsAbout(kind, subjectId))
                .as("%s review items about %s", kind, subjectId)
                .isNotEmpty());
        List<JsonNode> items = ops.reviewItemsAbout(kind, subjectId);
        assertThat(items).as("%s review items about %s", kind, subjectId).hasSize(1);
        return items.get(0);
    }

    /** {@code PUT /ops/instructions/{id}/reissued}, with {@code {"iban"}} unless it is null. */
    public WebTestClient.ResponseSpec reissue(String instructionId, String iban) {
        return api.put(
                ApiClient.OPS_KEY,
                "/api/v1/ops/instructions/" + instructionId + "/reissued",
                iban == null ? null : Map.of("iban", iban));
    }

    /** {@code PUT /ops/instructions/{id}/approved} by {@code opsKey}, without a note. */
    public WebTestClient.ResponseSpec approve(String opsKey, String instructionId) {
        return api.put(opsKey, "/api/v1/ops/instructions/" + instructionId + "/approved", null);
    }

    /**
     * Approves an instruction AWAITING_APPROVAL as the bootstrap administrator (which caused nothing a portal call
     * caused) and answers it CREATED: what a cashout needs before it leaves.
     */
    public JsonNode approve(String instructionId) {
        JsonNode approved = ApiClient.body(
                approve(ApiClient.OPS_KEY, instructionId).expectStatus().isOk());
        assertThat(approved.get("status").asString()).isEqualTo("CREATED");
        return approved;
    }

    /**
     * The return of an unidentified transfer that waits for an approver, as the approvers' list shows it ({@code GET
     * /ops/instructions?status=AWAITING_APPROVAL}): it is not announced on Kafka while it waits.
     */
    public String returnAwaitingApprovalOf(String transferId) {
        JsonNode page =
                ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/instructions?status=AWAITING_APPROVAL&size=500")
                        .expectStatus()
                        .isOk());
        List<JsonNode> items = page.get("items").valueStream().toList();
        assertThat(items).allSatisfy(i -> assertThat(i.get("status").asString()).isEqualTo("AWAITING_APPROVAL"));
        return items.stream()
                .filter(i -> i.hasNonNull("unidentifiedTransferId")
                        && transferId.equals(i.get("unidentifiedTransferId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no instruction awaiting approval returns " + transferId))
                .get("instructionId")
                .asString();
    }

    /** {@code PUT /ops/instructions/{id}/rejected} by {@code opsKey}, with {@code {"note"}} unless it is null. */
    public WebTestClient.ResponseSpec reject(String opsKey, String instructionId, String note) {
        return api.put(
                opsKey,
                "/api/v1/ops/instructions/" + instructionId + "/rejected",
                note == null ? Map.of() : Map.of("note", note));
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

    public List<JsonNode> unidentifiedDescribedAs(String description) {
        return unidentified("").stream()
                .filter(t -> description.equals(t.path("description").asString(null)))
                .toList();
    }

    public JsonNode awaitUnidentifiedDescribedAs(String description) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(unidentifiedDescribedAs(description))
                .as("unidentified transfers described as %s", description)
                .isNotEmpty());
        return unidentifiedDescribedAs(description).get(0);
    }

    public JsonNode transfer(String transferId) {
        List<JsonNode> found = unidentified("").stream()
                .filter(t -> transferId.equals(t.get("unidentifiedTransferId").asString()))
                .toList();
        assertThat(found).as("unidentified transfer %s", transferId).hasSize(1);
        return found.get(0);
    }

    /** Waits until the transfer's returnStatus (the detail: RECEIVED, RETURN_REQUESTED, RETURNED, RETURN_FAILED) is {@code status}. */
    public JsonNode awaitTransferStatus(String transferId, String status) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        transfer(transferId).get("returnStatus").asString())
                .as("returnStatus of unidentified transfer %s", transferId)
                .isEqualTo(status));
        return transfer(transferId);
    }

    /**
     * Publishes a credit of {@code amount} EUR from {@code payerIban} naming no order, and waits until it is an
     * unidentified transfer ({@code MISSING_REFERENCE}) whose return is requested; answers the transfer.
     */
    public JsonNode unidentifiedTransfer(String amount, String payerIban) {
        String description = "No reference " + UUID.randomUUID();
        publish(Credits.to(portal.collectionIban())
                .amount(amount)
                .description(description)
                .payerIban(payerIban));
        return awaitUnidentifiedDescribedAs(description);
    }

    // --- recon.payment-instructions

    /** The data of every {@code payment-instruction.requested} event with {@code key} published since then. */
    public List<JsonNode> requestedInstructions(long sinceMillis, String key) {
        return events(INSTRUCTIONS_TOPIC, INSTRUCTION_REQUESTED, sinceMillis, key);
    }

    /** The data of every CloudEvent of {@code type} with {@code key} published on {@code topic} since then. */
    public List<JsonNode> events(String topic, String type, long sinceMillis, String key) {
        return kafka.readSince(topic, sinceMillis).stream()
                .filter(record -> key.equals(record.key()))
                .filter(record -> type.equals(header(record, "ce_type")))
                .map(record -> JSON.readTree(record.value()))
                .toList();
    }

    /** The raw data (as written, numbers unparsed) of every CloudEvent of {@code type} with {@code key} since then. */
    public List<String> rawEvents(String topic, String type, long sinceMillis, String key) {
        return kafka.readSince(topic, sinceMillis).stream()
                .filter(record -> key.equals(record.key()))
                .filter(record -> type.equals(header(record, "ce_type")))
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Waits until an event of {@code type} with {@code key} on {@code topic} satisfies {@code wanted}; answers it. */
    public JsonNode awaitEvent(String topic, String type, long sinceMillis, String key, Predicate<JsonNode> wanted) {
        return await().atMost(DECIDED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> events(topic, type, sinceMillis, key).stream()
                                .filter(wanted)
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }

    /** Waits for the requested instruction {@code instructionId} (published with {@code key}) and answers its data. */
    public JsonNode awaitRequestedInstruction(long sinceMillis, String key, String instructionId) {
        return await().atMost(DECIDED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> requestedInstructions(sinceMillis, key).stream()
                                .filter(data -> instructionId == null
                                        || instructionId.equals(
                                                data.get("instructionId").asString()))
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }

    /** The id of the return instruction requested for the unidentified transfer (read from its Kafka event). */
    public String returnInstructionOf(long sinceMillis, String transferId) {
        return awaitRequestedInstruction(sinceMillis, transferId, null)
                .get("instructionId")
                .asString();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
