package io.crowdrecon.recon.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.ingest.config.InboundConsumers;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Credits.Credit;
import io.crowdrecon.recon.testing.Fixture;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.SecondInstance;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import io.crowdrecon.recon.testing.TheBooksBalanceAfterEachTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * SPEC.md section 5, concurrency: several credits for one order, in one batch, on several partitions or handled by
 * two instances of the service at once, give exactly one match; every other credit is {@code ALREADY_PAID}.
 */
@ReconIntegrationTest
@TheBooksBalanceAfterEachTest
class ConcurrentCreditsIT {

    private static final Duration DECIDED = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(250);

    @Fixture
    private static TestKafka kafka;

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

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

    @Test
    void decidesTwoCreditsForOneOrderInOneBatchAsOneMatchAndOneAlreadyPaid() {
        List<String> orders = newOrders(10);
        long creditsBefore = ops.count("credits", "EUR");
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (String orderId : orders) {
            Credit first = creditFor(orderId);
            Credit second = creditFor(orderId)
                    .notificationId(Credits.newNotificationIdOnPartition(Credits.partitionOf(first.notificationId())));
            records.add(Map.entry(first.notificationId(), first.json()));
            records.add(Map.entry(second.notificationId(), second.json()));
        }

        kafka.sendAll(Credits.TOPIC, records);

        awaitEachPaidExactlyOnce(orders, 2);
        assertThat(ops.count("credits", "EUR")).isEqualTo(creditsBefore + records.size());
    }

    @Test
    void decidesCreditsForOneOrderOnDifferentPartitionsAsOneMatchAndTheRestAlreadyPaid() {
        List<String> orders = newOrders(10);
        long creditsBefore = ops.count("credits", "EUR");
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            for (int copy = 0; copy < 3; copy++) {
                int partition = (i + 2 * copy) % Credits.PARTITIONS;
                Credit credit =
                        creditFor(orders.get(i)).notificationId(Credits.newNotificationIdOnPartition(partition));
                records.add(Map.entry(credit.notificationId(), credit.json()));
            }
        }

        kafka.sendAll(Credits.TOPIC, records);

        awaitEachPaidExactlyOnce(orders, 3);
        assertThat(ops.count("credits", "EUR")).isEqualTo(creditsBefore + records.size());
    }

    @Test
    void recordsCopiesOfOneBankBookingOnDifferentPartitionsAsFeedDuplicates() {
        List<String> orders = newOrders(10);
        long duplicatesBefore = ops.count("duplicates", "EUR");
        long notDecidedBefore = ops.countInAllCurrencies("creditsNotDecided");
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Credit credit = creditFor(orders.get(i))
                    .notificationId(Credits.newNotificationIdOnPartition(i % Credits.PARTITIONS));
            Credit copy =
                    credit.copy().notificationId(Credits.newNotificationIdOnPartition((i + 3) % Credits.PARTITIONS));
            records.add(Map.entry(credit.notificationId(), credit.json()));
            records.add(Map.entry(copy.notificationId(), copy.json()));
        }

        kafka.sendAll(Credits.TOPIC, records);

        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(ops.count("duplicates", "EUR"))
                .isEqualTo(duplicatesBefore + orders.size()));
        for (String orderId : orders) {
            JsonNode order = ApiClient.body(
                    portal.get("/orders/" + orderId).expectStatus().isOk());
            assertThat(order.get("status").asString()).as(orderId).isEqualTo("ACCOUNTED");
        }
        assertThat(ApiClient.body(portal.get("/unidentified-transfers")
                                .expectStatus()
                                .isOk())
                        .get("total")
                        .asLong())
                .as("a copy of a booking is not a second payment")
                .isZero();
        assertThat(ops.countInAllCurrencies("creditsNotDecided")).isEqualTo(notDecidedBefore);
    }

    @Test
    void decidesCreditsHandledByTwoInstancesExactlyOnce() {
        List<String> orders = newOrders(30);
        long creditsBefore = ops.count("credits", "EUR");
        double decidedHereBefore = creditsDecidedBy(meters);

        try (SecondInstance second = SecondInstance.start()) {
            await().atMost(DECIDED).pollInterval(POLL).until(() -> second.bean(InboundConsumers.class)
                    .allAssigned());
            List<Map.Entry<String, String>> records = new ArrayList<>();
            for (String orderId : orders) {
                for (int copy = 0; copy < 2; copy++) {
                    Credit credit = creditFor(orderId);
                    records.add(Map.entry(credit.notificationId(), credit.json()));
                }
            }
            kafka.sendAll(Credits.TOPIC, records);

            awaitEachPaidExactlyOnce(orders, 2);
            ApiClient throughTheSecond = new ApiClient(second.web());
            JsonNode audit = ApiClient.body(throughTheSecond
                    .get(ApiClient.OPS_KEY, "/api/v1/ops/audit")
                    .expectStatus()
                    .isOk());
            assertThat(audit.get("breaches").size())
                    .as("%s", audit.get("breaches"))
                    .isZero();
            await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(ops.count("credits", "EUR"))
                    .isEqualTo(creditsBefore + records.size()));
            assertThat(creditsDecidedBy(second.bean(MeterRegistry.class)))
                    .as("credits decided by the second instance")
                    .isPositive();
            assertThat(creditsDecidedBy(meters) - decidedHereBefore)
                    .as("credits decided by the first instance")
                    .isPositive();
        }
    }

    /** How many credits an instance decided since it started (its {@code recon.credits.decided} counters). */
    private static double creditsDecidedBy(MeterRegistry registry) {
        return registry.find("recon.credits.decided").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Each order ACCOUNTED once, with one moneyin and its moneyouts; each of its other credits ALREADY_PAID. */
    private void awaitEachPaidExactlyOnce(List<String> orders, int creditsPerOrder) {
        await().atMost(DECIDED).pollInterval(POLL).untilAsserted(() -> assertThat(
                        ApiClient.body(portal.get("/unidentified-transfers?size=500")
                                        .expectStatus()
                                        .isOk())
                                .get("total")
                                .asLong())
                .isEqualTo((long) orders.size() * (creditsPerOrder - 1)));
        for (String orderId : orders) {
            JsonNode order = ApiClient.body(
                    portal.get("/orders/" + orderId).expectStatus().isOk());
            assertThat(order.get("status").asString()).as(orderId).isEqualTo("ACCOUNTED");
            assertThat(order.get("statusHistory").valueStream().filter(t -> "ACCOUNTED"
                            .equals(t.get("status").asString())))
                    .as("transitions of %s to ACCOUNTED", orderId)
                    .hasSize(1);
            JsonNode payment = ApiClient.body(
                    portal.get("/orders/" + orderId + "/payment").expectStatus().isOk());
            assertThat(payment.get("moneyin").get("amount").decimalValue()).isEqualByComparingTo("1100");
            assertThat(payment.get("moneyouts").size()).isEqualTo(2);
            JsonNode returned = ApiClient.body(portal.get("/unidentified-transfers?candidateOrderId=" + orderId)
                    .expectStatus()
                    .isOk());
            assertThat(returned.get("total").asLong())
                    .as("returned credits of %s", orderId)
                    .isEqualTo(creditsPerOrder - 1);
            assertThat(returned.get("items").valueStream().map(t -> t.get("reason")
                            .asString()))
                    .containsOnly("ALREADY_PAID");
        }
    }

    private List<String> newOrders(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> portal.order(campaign, investor, investorIban)
                        .get("orderId")
                        .asString())
                .toList();
    }

    private Credit creditFor(String orderId) {
        return Credits.to(portal.collectionIban())
                .description("Subscription " + orderId)
                .payerIban(investorIban);
    }
}
