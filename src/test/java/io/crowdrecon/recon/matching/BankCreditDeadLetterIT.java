package io.crowdrecon.recon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md section 6: a record of {@code recon.bank-notifications} that is not a valid CREDIT goes to the DLQ with
 * where it came from and why, is tracked as real money that was not decided, and never stalls its partition.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class BankCreditDeadLetterIT {

    private static final Duration DECIDED = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    @Fixture
    private static TestKafka kafka;

    @Fixture
    ApiClient api;

    @Fixture
    OpsView ops;

    TestPortal portal;
    String campaign;
    String investor;
    String investorIban = Ibans.randomGerman();

    @BeforeEach
    void setUp() {
        portal = api.newPortal();
        campaign = portal.openCampaign();
        investor = portal.investor();
    }

    /** How to spoil a valid credit (written from it), and whether the result still names its notificationId. */
    record Invalid(Function<Credit, String> value, boolean namesItsNotificationId) {}

    static Stream<Arguments> invalidCredits() {
        return Stream.of(
                invalid(
                        "is not JSON",
                        credit -> "{\"notificationId\":\"" + credit.notificationId() + "\",\"direction\":\"CREDIT\",",
                        false),
                invalid("is a JSON array", credit -> "[" + credit.json() + "]", false),
                invalid(
                        "lacks its bankReference",
                        credit -> credit.without("bankReference").json(),
                        true),
                invalid(
                        "lacks its bankReference and has a NUL character in its notificationId",
                        credit -> credit.notificationId(credit.notificationId() + "\0")
                                .without("bankReference")
                                .json(),
                        false),
                invalid(
                        "lacks its receivedDatetime",
                        credit -> credit.without("receivedDatetime").json(),
                        true),
                invalid(
                        "has its amount as a string",
                        credit -> credit.with("amount", "1100.00").json(),
                        true),
                invalid("has a zero amount", credit -> credit.amount("0").json(), true),
                invalid(
                        "has an amount with more digits than any number column holds",
                        credit -> credit.amount("1E+200000").json(),
                        true),
                invalid(
                        "has an amount whose exponent overflows",
                        credit -> credit.json().replaceFirst("\"amount\":[0-9.]+", "\"amount\":1E-2147483649"),
                        false),
                invalid(
                        "has an amount with more decimals than any number column holds",
                        credit -> credit.amount("1E-20000").json(),
                        true),
                invalid(
                        "has a currency that is no ISO 4217 code",
                        credit -> credit.currency("EURO").json(),
                        true),
                invalid(
                        "has its currency in lower case",
                        credit -> credit.currency("eur").json(),
                        true),
                invalid(
                        "has decimals in yen",
                        credit -> credit.currency("JPY").amount("10.5").json(),
                        true),
                invalid(
                        "has four decimals in Kuwaiti dinars",
                        credit -> credit.currency("KWD").amount("1.2345").json(),
                        true),
                invalid(
                        "has three decimals in euros",
                        credit -> credit.amount("1100.001").json(),
                        true),
                invalid(
                        "has a description over 4 KiB",
                        credit -> credit.description("x".repeat(4097)).json(),
                        true),
                invalid(
                        "has a description over 4 KiB in accented letters",
                        credit -> credit.description("é".repeat(2049)).json(),
                        true),
                invalid(
                        "credits something that is not an IBAN",
                        credit -> credit.with("creditorIban", "DE00NOTANIBAN").json(),
                        true),
                invalid(
                        "has a receivedDatetime without an offset",
                        credit -> credit.with("receivedDatetime", "2026-11-20T10:15:30")
                                .json(),
                        true));
    }

    private static Arguments invalid(String what, Function<Credit, String> value, boolean namesItsNotificationId) {
        return Arguments.of(what, new Invalid(value, namesItsNotificationId));
    }

    @ParameterizedTest(name = "dead-letters a credit that {0} and decides the next one on its partition")
    @MethodSource("invalidCredits")
    void deadLettersAnInvalidCreditAndDecidesTheNextOneOnItsPartition(String what, Invalid invalid) {
        Credit template = Credits.to(portal.collectionIban()).payerIban(investorIban);
        String key = template.notificationId();
        String value = invalid.value().apply(template);
        String orderId = newOrder();
        long notDecided = ops.countInAllCurrencies("creditsNotDecided");
        long dlqItems =
                ops.reviewItems("kind=DLQ_CREDIT&status=OPEN").get("total").asLong();
        long since = System.currentTimeMillis() - 1000;

        kafka.send(Credits.TOPIC, key, value);
        kafka.send(Credits.TOPIC, key, creditFor(orderId).json());

        awaitStatus(orderId, "ACCOUNTED");
        ConsumerRecord<String, String> dead = await().atMost(DECIDED)
                .pollInterval(POLL)
                .until(() -> recordsWithKey(Credits.DLQ, since, key), found -> !found.isEmpty())
                .get(0);
        assertThat(recordsWithKey(Credits.DLQ, since, key))
                .as("dead letters of %s", key)
                .hasSize(1);
        ConsumerRecord<String, String> original = recordsWithKey(Credits.TOPIC, since, key).stream()
                .filter(r -> value.equals(r.value()))
                .findFirst()
                .orElseThrow();
        assertThat(dead.value()).isEqualTo(value);
        assertThat(header(dead, "x-dlq-reason")).isNotBlank();
        assertThat(header(dead, "x-dlq-original-topic")).isEqualTo(Credits.TOPIC);
        assertThat(header(dead, "x-dlq-original-partition"))
                .isEqualTo(String.valueOf(original.partition()))
                .isEqualTo(String.valueOf(Credits.partitionOf(key)));
        assertThat(header(dead, "x-dlq-original-offset")).isEqualTo(String.valueOf(original.offset()));
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        ops.countInAllCurrencies("creditsNotDecided"))
                .as("credits not decided")
                .isEqualTo(notDecided + 1));
        JsonNode openItems = ops.reviewItems("kind=DLQ_CREDIT&status=OPEN");
        assertThat(openItems.get("total").asLong()).isEqualTo(dlqItems + 1);
        JsonNode item = openItems.get("items").get(0);
        assertThat(item.get("reviewItemId").asString()).startsWith("RI");
        if (invalid.namesItsNotificationId()) {
            assertThat(item.get("subjectId").asString()).isEqualTo(key);
        }
    }

    static Stream<Arguments> creditsTheDatabaseRefuses() {
        return Stream.of(
                Arguments.of("a NUL character in its description", (UnaryOperator<Credit>)
                        credit -> credit.description("Subscription\0")),
                Arguments.of("a NUL character in its payer name", (UnaryOperator<Credit>)
                        credit -> credit.payerName("Mario\0Rossi")),
                Arguments.of("a NUL character in its bank reference", (UnaryOperator<Credit>)
                        credit -> credit.bankReference("BR\0" + credit.notificationId())),
                Arguments.of("a NUL character in its notification id", (UnaryOperator<Credit>)
                        credit -> credit.notificationId(credit.notificationId() + "\0")),
                Arguments.of("a receipt before the year 4713 BC", (UnaryOperator<Credit>)
                        credit -> credit.with("receivedDatetime", "-5000-01-01T00:00:00Z")),
                Arguments.of("a booking date before the year 4713 BC", (UnaryOperator<Credit>)
                        credit -> credit.bookingDate("-5000-01-01")));
    }

    @ParameterizedTest(name = "dead-letters only a credit with {0} and decides the rest of its batch")
    @MethodSource("creditsTheDatabaseRefuses")
    void deadLettersOnlyTheCreditTheDatabaseRefusesAndDecidesTheRestOfItsBatch(
            String what, UnaryOperator<Credit> spoil) {
        String before = newOrder();
        String after = newOrder();
        Credit first = creditFor(before);
        String key = first.notificationId();
        String refused = spoil.apply(Credits.to(portal.collectionIban()).payerIban(investorIban))
                .json();
        long notDecided = ops.countInAllCurrencies("creditsNotDecided");
        long dlqItems =
                ops.reviewItems("kind=DLQ_CREDIT&status=OPEN").get("total").asLong();
        long since = System.currentTimeMillis() - 1000;

        kafka.sendAll(
                Credits.TOPIC,
                List.of(
                        Map.entry(key, first.json()),
                        Map.entry(key, refused),
                        Map.entry(key, creditFor(after).json())));

        awaitStatus(before, "ACCOUNTED");
        awaitStatus(after, "ACCOUNTED");
        ConsumerRecord<String, String> dead = await().atMost(DECIDED)
                .pollInterval(POLL)
                .until(() -> recordsWithKey(Credits.DLQ, since, key), found -> !found.isEmpty())
                .get(0);
        assertThat(recordsWithKey(Credits.DLQ, since, key)).hasSize(1);
        assertThat(dead.value()).isEqualTo(refused);
        assertThat(header(dead, "x-dlq-reason")).isNotBlank();
        assertThat(header(dead, "x-dlq-original-partition")).isEqualTo(String.valueOf(Credits.partitionOf(key)));
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        ops.countInAllCurrencies("creditsNotDecided"))
                .isEqualTo(notDecided + 1));
        assertThat(ops.reviewItems("kind=DLQ_CREDIT&status=OPEN").get("total").asLong())
                .isEqualTo(dlqItems + 1);
    }

    @Test
    void truncatesADeadLetterTo64KiB() {
        Credit credit = Credits.to(portal.collectionIban()).description("x".repeat(70 * 1024));
        long since = System.currentTimeMillis() - 1000;

        kafka.send(Credits.TOPIC, credit.notificationId(), credit.json());

        ConsumerRecord<String, String> dead = await().atMost(DECIDED)
                .pollInterval(POLL)
                .until(() -> recordsWithKey(Credits.DLQ, since, credit.notificationId()), found -> !found.isEmpty())
                .get(0);
        assertThat(dead.value()).hasSize(64 * 1024).isEqualTo(credit.json().substring(0, 64 * 1024));
        assertThat(header(dead, "x-dlq-reason")).isNotBlank();
    }

    @Test
    void ignoresFieldsItDoesNotKnowInAValidCredit() {
        String orderId = newOrder();
        long since = System.currentTimeMillis() - 1000;
        Credit credit = creditFor(orderId)
                .with("channel", "SEPA_INSTANT")
                .with("ultimateDebtor", Map.of("name", "Mario Rossi", "codes", List.of(1, 2)))
                .with("purposeCode", null);

        kafka.send(Credits.TOPIC, credit.notificationId(), credit.json());

        awaitStatus(orderId, "ACCOUNTED");
        assertThat(recordsWithKey(Credits.DLQ, since, credit.notificationId())).isEmpty();
    }

    @Test
    void acceptsADescriptionOfExactly4KiB() {
        String orderId = newOrder();
        String start = "Subscription " + orderId + " ";
        String description = start + "é".repeat((4096 - start.length()) / 2);
        description = description + "x".repeat(4096 - description.getBytes(StandardCharsets.UTF_8).length);
        assertThat(description.getBytes(StandardCharsets.UTF_8)).hasSize(4096);

        Credit credit = creditFor(orderId).description(description);
        kafka.send(Credits.TOPIC, credit.notificationId(), credit.json());

        awaitStatus(orderId, "ACCOUNTED");
    }

    @Test
    void keepsDecidingAfterManyInvalidRecordsInARow() {
        String orderId = newOrder();
        Credit credit = creditFor(orderId);
        long notDecided = ops.countInAllCurrencies("creditsNotDecided");
        String key = credit.notificationId();

        kafka.sendAll(
                Credits.TOPIC,
                List.of(
                        Map.entry(key, "garbage"),
                        Map.entry(key, "{}"),
                        Map.entry(
                                key,
                                Credits.to(portal.collectionIban()).amount("-5").json()),
                        Map.entry(key, credit.json())));

        awaitStatus(orderId, "ACCOUNTED");
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        ops.countInAllCurrencies("creditsNotDecided"))
                .isEqualTo(notDecided + 3));
    }

    private String newOrder() {
        return portal.order(campaign, investor, investorIban).get("orderId").asString();
    }

    private Credit creditFor(String orderId) {
        return Credits.to(portal.collectionIban())
                .description("Subscription " + orderId)
                .payerIban(investorIban);
    }

    private void awaitStatus(String orderId, String status) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(ApiClient.body(
                                portal.get("/orders/" + orderId).expectStatus().isOk())
                        .get("status")
                        .asString())
                .isEqualTo(status));
    }

    private static List<ConsumerRecord<String, String>> recordsWithKey(String topic, long since, String key) {
        return kafka.readSince(topic, since).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
