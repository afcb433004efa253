package io.crowdrecon.recon.ingest.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.WireAmounts;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * SPEC.md section 7, test mode: the sandbox publishes only what the consumers would take. What they would
 * dead-letter (a negative amount, more decimals than the currency has, a currency in lower case, an unknown event
 * code, a text over its limit) answers 400 {@code VALIDATION_FAILED} naming the field, and nothing reaches Kafka.
 */
@ReconIntegrationTest
class SandboxValidationIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    PaymentFlows flows;

    TestPortal portal;

    @BeforeEach
    void setUp() {
        portal = flows.portal();
    }

    static Stream<Arguments> invalidBankTransfers() {
        return Stream.of(
                Arguments.of("a negative amount", Map.of("amount", -5), "amount"),
                Arguments.of("a zero amount", Map.of("amount", 0), "amount"),
                Arguments.of("three decimals in euros", Map.of("amount", new BigDecimal("1.001")), "amount"),
                Arguments.of("no amount", Map.of("description", "no amount"), "amount"),
                Arguments.of("an amount over the maximum", Map.of("amount", new BigDecimal("1000000000")), "amount"),
                Arguments.of("a currency in lower case", Map.of("amount", 10, "currency", "eur"), "currency"),
                Arguments.of(
                        "a currency that is no ISO 4217 code", Map.of("amount", 10, "currency", "EURO"), "currency"),
                Arguments.of("decimals in yen", Map.of("amount", new BigDecimal("10.5"), "currency", "JPY"), "amount"),
                Arguments.of(
                        "a description over 4 KiB",
                        Map.of("amount", 10, "description", "x".repeat(4097)),
                        "description"),
                Arguments.of(
                        "a payer name over 255 characters",
                        Map.of("amount", 10, "payerName", "n".repeat(256)),
                        "payerName"),
                Arguments.of(
                        "a bank reference over 255 characters",
                        Map.of("amount", 10, "bankReference", "r".repeat(256)),
                        "bankReference"));
    }

    @ParameterizedTest(name = "refuses a bank transfer with {0}")
    @MethodSource("invalidBankTransfers")
    void refusesABankTransferTheBankFeedConsumerWouldDeadLetterAndPublishesNothing(
            String what, Map<String, Object> fields, String field) {
        long since = System.currentTimeMillis() - 1000;
        String notificationId = "SBX-REFUSED-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(fields);
        body.put("notificationId", notificationId);

        assertRefused(portal.post("/sandbox/bank-transfers", body), field);

        String accepted = "SBX-ACCEPTED-" + UUID.randomUUID();
        portal.post("/sandbox/bank-transfers", Map.of("amount", 10, "notificationId", accepted))
                .expectStatus()
                .isAccepted();
        assertThat(keysSince(Credits.TOPIC, since)).contains(accepted).doesNotContain(notificationId);
    }

    @Test
    void publishesAValidBankTransferWithItsAmountInTheCurrencysMinorDigits() {
        String published = ApiClient.text(
                portal.post("/sandbox/bank-transfers", Map.of("amount", 1100, "description", "TRX no such order"))
                        .expectStatus()
                        .isAccepted());
        String inYen = ApiClient.text(
                portal.post("/sandbox/bank-transfers", Map.of("amount", new BigDecimal("1000.0"), "currency", "JPY"))
                        .expectStatus()
                        .isAccepted());

        assertThat(WireAmounts.of(published, "amount")).containsExactly("1100.00");
        assertThat(WireAmounts.of(inYen, "amount")).containsExactly("1000");
    }

    static Stream<Arguments> invalidCardNotifications() {
        return Stream.of(
                Arguments.of("an unknown eventCode", Map.of("eventCode", "STEAL", "amount", 1100), "eventCode"),
                Arguments.of("no eventCode", Map.of("amount", 1100), "eventCode"),
                Arguments.of("a negative amount", Map.of("eventCode", "CAPTURE", "amount", -5), "amount"),
                Arguments.of(
                        "three decimals in euros",
                        Map.of("eventCode", "CAPTURE", "amount", new BigDecimal("1.001")),
                        "amount"),
                Arguments.of("no amount", Map.of("eventCode", "CAPTURE"), "amount"),
                Arguments.of(
                        "a currency in lower case",
                        Map.of("eventCode", "CAPTURE", "amount", 1100, "currency", "eur"),
                        "currency"),
                Arguments.of(
                        "a reason over 255 characters",
                        Map.of(
                                "eventCode",
                                "AUTHORISATION",
                                "success",
                                false,
                                "amount",
                                1100,
                                "reason",
                                "r".repeat(256)),
                        "reason"));
    }

    @ParameterizedTest(name = "refuses a card notification with {0}")
    @MethodSource("invalidCardNotifications")
    void refusesACardNotificationTheCardConsumerWouldDeadLetterAndPublishesNothing(
            String what, Map<String, Object> fields, String field) {
        String orderId = flows.newOrder(Ibans.randomGerman());
        long since = System.currentTimeMillis() - 1000;
        Map<String, Object> body = new HashMap<>(fields);
        body.put("orderId", orderId);

        assertRefused(portal.post("/sandbox/card-notifications", body), field);

        portal.post(
                        "/sandbox/card-notifications",
                        Map.of("eventCode", "AUTHORISATION", "orderId", orderId, "amount", 1100))
                .expectStatus()
                .isAccepted();
        assertThat(kafka.readSince(CardMessages.TOPIC, since).stream()
                        .filter(record -> orderId.equals(record.key()))
                        .map(ConsumerRecord::value))
                .as("published for %s", orderId)
                .singleElement()
                .satisfies(value -> assertThat(value).contains("\"AUTHORISATION\""));
    }

    @Test
    void refusesAnOrderIdThatIsMissingWithoutLookingItUp() {
        assertRefused(
                portal.post("/sandbox/card-notifications", Map.of("eventCode", "CAPTURE", "amount", 1100)), "orderId");
    }

    @Test
    void refusesAnExecutionTheBankFeedConsumerWouldDeadLetterAndPublishesNothing() {
        long since = System.currentTimeMillis() - 1000;
        String transferId = flows.unidentifiedTransfer("42.00", Ibans.randomGerman())
                .get("unidentifiedTransferId")
                .asString();
        String instructionId = flows.returnInstructionOf(since, transferId);
        String path = "/sandbox/executions/" + instructionId;

        assertRefused(portal.post(path, Map.of("status", "DONE")), "status");
        assertRefused(portal.post(path, Map.of("status", "FAILED", "reason", "r".repeat(256))), "reason");
        assertRefused(portal.post(path, Map.of("amount", -5)), "amount");
        assertThat(keysSince(Credits.TOPIC, since).stream().filter(key -> key.startsWith("SBXD")))
                .as("DEBITs published by the sandbox")
                .isEmpty();

        portal.post(path, Map.of("status", "FAILED", "reason", "ACCOUNT_CLOSED"))
                .expectStatus()
                .isAccepted();
        assertThat(flows.awaitInstructionStatus(instructionId, "FAILED")
                        .get("failureReason")
                        .asString())
                .isEqualTo("ACCOUNT_CLOSED");
    }

    @Test
    void refusesToExecuteAnInstructionAwaitingApprovalAndPublishesNothing() {
        long since = System.currentTimeMillis() - 1000;
        String transferId = flows.unidentifiedTransfer("20000.00", Ibans.randomGerman())
                .get("unidentifiedTransferId")
                .asString();
        String instructionId = flows.returnAwaitingApprovalOf(transferId);

        portal.post("/sandbox/executions/" + instructionId, Map.of())
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ILLEGAL_TRANSITION");
        assertThat(kafka.readSince(Credits.TOPIC, since).stream()
                        .map(ConsumerRecord::value)
                        .filter(value -> value.contains(instructionId)))
                .as("DEBITs published for %s", instructionId)
                .isEmpty();
        assertThat(flows.instruction(instructionId).get("status").asString()).isEqualTo("AWAITING_APPROVAL");
    }

    private static void assertRefused(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.errors[0].message")
                .isNotEmpty();
    }

    private static List<String> keysSince(String topic, long since) {
        return kafka.readSince(topic, since).stream().map(ConsumerRecord::key).toList();
    }
}
