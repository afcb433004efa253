package io.crowdrecon.recon.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.CardFlows;
import io.crowdrecon.recon.testing.CardMessages;
import io.crowdrecon.recon.testing.CardMessages.CardNotification;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.PaymentFlows;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md section 6: a record of {@code recon.card-notifications} that is not a valid notification goes to
 * {@code recon.card-notifications.dlq} with where it came from and why, never stalls its partition, and, when it may
 * be a capture, is tracked as real money with a {@code DLQ_CREDIT} review item.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class CardDeadLettersIT {

    @Fixture
    private static TestKafka kafka;

    @Fixture
    CardFlows flows;

    @Fixture
    OpsView ops;

    /** An invalid record made from a valid notification; whether it still names its notification id. */
    record Invalid(Function<CardNotification, String> value, boolean namesItsNotificationId) {}

    static Stream<Arguments> invalidCaptures() {
        return Stream.of(
                invalid(
                        "is not JSON",
                        n -> "{\"notificationId\":\"" + n.notificationId() + "\",\"eventCode\":\"CAPTURE\",",
                        false),
                invalid("is a JSON array", n -> "[" + n.json() + "]", false),
                invalid("lacks its eventCode", n -> n.without("eventCode").json(), true),
                invalid("lacks its pspReference", n -> n.without("pspReference").json(), true),
                invalid("lacks its orderId", n -> n.without("orderId").json(), true),
                invalid("lacks its success flag", n -> n.without("success").json(), true),
                invalid(
                        "has its success flag as a string",
                        n -> n.with("success", "true").json(),
                        true),
                invalid("lacks its amount", n -> n.without("amount").json(), true),
                invalid(
                        "has its amount as a string",
                        n -> n.with("amount", "1100.00").json(),
                        true),
                invalid("has a zero amount", n -> n.amount("0").json(), true),
                invalid("has three decimals in euros", n -> n.amount("1100.001").json(), true),
                invalid(
                        "has decimals in yen",
                        n -> n.with("currency", "JPY").amount("10.5").json(),
                        true),
                invalid(
                        "has a currency that is no ISO 4217 code",
                        n -> n.with("currency", "EURO").json(),
                        true),
                invalid(
                        "has its currency in lower case",
                        n -> n.with("currency", "eur").json(),
                        true),
                invalid(
                        "lacks its eventDatetime",
                        n -> n.without("eventDatetime").json(),
                        true),
                invalid(
                        "has an eventDatetime without an offset",
                        n -> n.with("eventDatetime", "2026-11-20T10:15:30").json(),
                        true));
    }

    private static Arguments invalid(String what, Function<CardNotification, String> value, boolean names) {
        return Arguments.of(what, new Invalid(value, names));
    }

    @ParameterizedTest(name = "dead-letters a capture that {0}, opens DLQ_CREDIT and decides the next one")
    @MethodSource("invalidCaptures")
    void deadLettersAnInvalidCaptureAsMoneyNotDecidedAndDecidesTheNextOneOnItsPartition(String what, Invalid invalid) {
        String orderId = flows.newCardOrder();
        CardNotification spoilt = CardMessages.capture(orderId);
        String value = invalid.value().apply(spoilt);
        long notDecided = ops.countInAllCurrencies("creditsNotDecided");
        long openDlqItems =
                ops.reviewItems("kind=DLQ_CREDIT&status=OPEN").get("total").asLong();
        long since = System.currentTimeMillis() - 1000;

        kafka.send(CardMessages.TOPIC, orderId, value);
        flows.gateway().publish(CardMessages.capture(orderId));

        flows.awaitStatus(orderId, "ACCOUNTED");
        ConsumerRecord<String, String> dead = awaitDeadLetter(since, orderId);
        assertDeadLetterOf(dead, since, orderId, value);
        await().atMost(CardFlows.DECIDED).pollInterval(CardFlows.POLL).untilAsserted(() -> assertThat(
                        ops.countInAllCurrencies("creditsNotDecided"))
                .as("credits not decided")
                .isEqualTo(notDecided + 1));
        assertThat(ops.reviewItems("kind=DLQ_CREDIT&status=OPEN").get("total").asLong())
                .isEqualTo(openDlqItems + 1);
        if (invalid.namesItsNotificationId()) {
            JsonNode item = flows.awaitReview("DLQ_CREDIT", spoilt.notificationId());
            assertThat(item.get("status").asString()).isEqualTo("OPEN");
        }
    }

    static Stream<Arguments> invalidOtherNotifications() {
        return Stream.of(
                Arguments.of("an authorisation without its pspReference", (Function<String, String>)
                        orderId -> CardMessages.authorisation(orderId)
                                .without("pspReference")
                                .json()),
                Arguments.of("a refund with its amount as a string", (Function<String, String>)
                        orderId -> CardMessages.refund(orderId, "PI0000000000000000", null)
                                .with("amount", "1100.00")
                                .json()),
                Arguments.of("a chargeback without its eventDatetime", (Function<String, String>)
                        orderId -> CardMessages.chargeback(orderId, "PSP1")
                                .without("eventDatetime")
                                .json()),
                Arguments.of("a notification with an unknown eventCode", (Function<String, String>)
                        orderId -> CardMessages.authorisation(orderId)
                                .with("eventCode", "SETTLEMENT")
                                .json()));
    }

    @ParameterizedTest(name = "dead-letters {0} without tracking it as money")
    @MethodSource("invalidOtherNotifications")
    void deadLettersAnInvalidNotificationThatIsNoCaptureWithoutTrackingItAsMoney(
            String what, Function<String, String> invalid) {
        String orderId = flows.newCardOrder();
        String value = invalid.apply(orderId);
        long notDecided = ops.countInAllCurrencies("creditsNotDecided");
        long openDlqItems =
                ops.reviewItems("kind=DLQ_CREDIT&status=OPEN").get("total").asLong();
        long since = System.currentTimeMillis() - 1000;

        kafka.send(CardMessages.TOPIC, orderId, value);
        flows.gateway().publish(CardMessages.authorisation(orderId));

        flows.awaitStatus(orderId, "WAITING");
        ConsumerRecord<String, String> dead = awaitDeadLetter(since, orderId);
        assertDeadLetterOf(dead, since, orderId, value);
        assertThat(ops.countInAllCurrencies("creditsNotDecided")).isEqualTo(notDecided);
        assertThat(ops.reviewItems("kind=DLQ_CREDIT&status=OPEN").get("total").asLong())
                .isEqualTo(openDlqItems);
    }

    private ConsumerRecord<String, String> awaitDeadLetter(long since, String key) {
        await().atMost(CardFlows.DECIDED)
                .pollInterval(CardFlows.POLL)
                .until(() -> recordsWithKey(CardMessages.DLQ, since, key), found -> !found.isEmpty());
        List<ConsumerRecord<String, String>> dead = recordsWithKey(CardMessages.DLQ, since, key);
        assertThat(dead).as("dead letters keyed %s", key).hasSize(1);
        return dead.get(0);
    }

    private void assertDeadLetterOf(ConsumerRecord<String, String> dead, long since, String key, String value) {
        ConsumerRecord<String, String> original = recordsWithKey(CardMessages.TOPIC, since, key).stream()
                .filter(r -> value.equals(r.value()))
                .findFirst()
                .orElseThrow();
        assertThat(dead.value()).isEqualTo(value);
        assertThat(PaymentFlows.header(dead, "x-dlq-reason")).isNotBlank();
        assertThat(PaymentFlows.header(dead, "x-dlq-original-topic")).isEqualTo(CardMessages.TOPIC);
        assertThat(PaymentFlows.header(dead, "x-dlq-original-partition"))
                .isEqualTo(String.valueOf(original.partition()))
                .isEqualTo(String.valueOf(Credits.partitionOf(key)));
        assertThat(PaymentFlows.header(dead, "x-dlq-original-offset")).isEqualTo(String.valueOf(original.offset()));
    }

    private static List<ConsumerRecord<String, String>> recordsWithKey(String topic, long since, String key) {
        return kafka.readSince(topic, since).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }
}
