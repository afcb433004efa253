package io.crowdrecon.recon.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.crowdrecon.recon.outbox.config.OutboxLoops;
import io.crowdrecon.recon.outbox.kafka.KafkaEventPublisher;
import io.crowdrecon.recon.outbox.persistence.R2dbcRelayStore;
import io.crowdrecon.recon.platform.config.BackgroundLoops;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.SecondInstance;
import io.crowdrecon.recon.testing.TestKafka;
import io.crowdrecon.recon.testing.TestPortal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@ReconIntegrationTest
class OutboxRelayIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    ObjectMapper json;

    @Autowired
    BackgroundLoops loops;

    @Autowired
    io.crowdrecon.recon.platform.resilience.InfrastructureBreakers breakers;

    @Autowired
    @Qualifier("outboxSender")
    KafkaSender<String, byte[]> sender;

    TestKafka kafka;
    TestPortal portal;

    @BeforeEach
    void setUp() {
        kafka = new TestKafka();
        portal = new ApiClient(web).newPortal();
    }

    @AfterEach
    void tearDown() {
        loops.start(OutboxLoops.RELAY);
        kafka.close();
    }

    @Test
    void publishesEachEventAsABinaryModeCloudEventKeyedByItsSubject() {
        long since = System.currentTimeMillis();
        String orderId = portal.order(portal.openCampaign(), portal.investor(), Ibans.randomGerman())
                .get("orderId")
                .asString();

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> first(kafka.readSince("recon.order-events", since), orderId), r -> r != null);

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        // Read back by the CloudEvents SDK, as a consumer would.
        CloudEvent event = KafkaMessageFactory.createReader(
                        record.headers(), record.value().getBytes(StandardCharsets.UTF_8))
                .toEvent();
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getType()).isEqualTo("crowdrecon.order.status-changed.v1");
        assertThat(event.getSource()).hasToString("/portals/" + portal.portalId());
        assertThat(event.getSubject()).isEqualTo(orderId);
        assertThat(event.getId()).matches("[0-9a-f-]{36}");
        assertThat(event.getTime()).isBetween(OffsetDateTime.now().minusMinutes(5), OffsetDateTime.now());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(record.key()).isEqualTo(orderId);
        JsonNode data = json.readTree(event.getData().toBytes());
        assertThat(data.get("orderId").asString()).isEqualTo(orderId);
        assertThat(data.get("status").asString()).isEqualTo("CREATED");
        assertThat(data.get("previousStatus").isNull()).isTrue();
    }

    @Test
    void keepsTheOrderOfEachKeysEvents() {
        long since = System.currentTimeMillis();
        String orderId = portal.order(portal.openCampaign(), portal.investor(), Ibans.randomGerman())
                .get("orderId")
                .asString();
        portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk();
        portal.put("/orders/" + orderId + "/failed").expectStatus().isOk();

        List<String> statuses = await().atMost(Duration.ofSeconds(30))
                .until(() -> statusesOf(kafka.readSince("recon.order-events", since), orderId), s -> s.size() == 3);

        assertThat(statuses).containsExactly("CREATED", "WAITING", "FAILED");
    }

    @Test
    void aRelayDyingMidBatchLosesNothingAndItsSuccessorRepublishesWithTheSameIds() {
        loops.stop(OutboxLoops.RELAY);
        long since = System.currentTimeMillis();
        String campaign = portal.openCampaign();
        String investor = portal.investor();
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            orderIds.add(portal.order(campaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString());
        }
        KafkaEventPublisher real = new KafkaEventPublisher(sender, breakers);
        R2dbcRelayStore store = new R2dbcRelayStore(database, json);
        OutboxRelay.Settings settings =
                new OutboxRelay.Settings(1000, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1));
        // Publishes the first half of its batch, then dies before advancing the cursor.
        EventPublisher dyingHalfway = events -> real.publish(events.subList(0, events.size() / 2))
                .then(Mono.error(new IllegalStateException("relay process killed")));
        OutboxRelay doomed = new OutboxRelay(store, dyingHalfway, "doomed-relay", settings, events -> {});
        StepVerifier.create(doomed.step())
                .expectErrorMessage("relay process killed")
                .verify(Duration.ofSeconds(30));

        OutboxRelay successor = new OutboxRelay(store, real, "successor-relay", settings, events -> {});
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            successor.step().block(Duration.ofSeconds(10));
            return backlog() == 0;
        });

        List<ConsumerRecord<String, String>> published = kafka.readSince("recon.order-events", since).stream()
                .filter(r -> orderIds.contains(r.key()))
                .toList();
        Map<String, List<String>> idsByOrder = published.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.mapping(r -> header(r, "ce_id"), Collectors.toList())));
        assertThat(idsByOrder.keySet()).containsExactlyInAnyOrderElementsOf(orderIds);
        assertThat(idsByOrder.values())
                .allSatisfy(ids -> assertThat(ids).hasSizeBetween(1, 2).containsOnly(ids.get(0)));
        assertThat(published.size()).isGreaterThan(orderIds.size()).isLessThanOrEqualTo(2 * orderIds.size());
    }

    @Test
    void aSecondInstanceTakesOverPublishingWhenTheFirstStopsAndKeepsEachKeysOrder() {
        long since = System.currentTimeMillis();
        String campaign = portal.openCampaign();
        String investor = portal.investor();
        List<String> orderIds = new ArrayList<>();
        try (SecondInstance second = SecondInstance.start()) {
            for (int i = 0; i < 5; i++) {
                orderIds.add(portal.order(campaign, investor, Ibans.randomGerman())
                        .get("orderId")
                        .asString());
            }
            loops.stop(OutboxLoops.RELAY);
            for (String orderId : orderIds) {
                portal.put("/orders/" + orderId + "/waiting").expectStatus().isOk();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
            loops.start(OutboxLoops.RELAY);
            second.bean(BackgroundLoops.class).stop(OutboxLoops.RELAY);
            for (String orderId : orderIds) {
                portal.put("/orders/" + orderId + "/cancelled").expectStatus().isOk();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
        }

        List<ConsumerRecord<String, String>> published = kafka.readSince("recon.order-events", since);
        for (String orderId : orderIds) {
            assertThat(statusesOf(published, orderId)).containsExactly("CREATED", "WAITING", "CANCELLED");
        }
    }

    private long backlog() {
        return database.sql("SELECT (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM relay_lease)")
                .map(row -> row.get(0, Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private static ConsumerRecord<String, String> first(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
    }

    private List<String> statusesOf(List<ConsumerRecord<String, String>> records, String key) {
        Function<ConsumerRecord<String, String>, String> status =
                r -> json.readTree(r.value()).get("status").asString();
        return records.stream().filter(r -> key.equals(r.key())).map(status).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
