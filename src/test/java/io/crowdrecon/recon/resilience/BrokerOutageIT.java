package io.crowdrecon.recon.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.crowdrecon.recon.embedded.DurablePostgres;
import io.crowdrecon.recon.ingest.InboundPipeline;
import io.crowdrecon.recon.ingest.config.InboundConsumers;
import io.crowdrecon.recon.outbox.OutboxRelay;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFeed;
import io.crowdrecon.recon.testing.CreditBurst;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.LogCounter;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.OwnInstance;
import io.crowdrecon.recon.testing.OwnServers;
import io.crowdrecon.recon.testing.TableLock;
import io.crowdrecon.recon.testing.TestPortal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka broker goes down in the middle of a burst of credits, while batches are inside their transactions (they
 * commit to the database after it has gone, so their offsets cannot be committed), and comes back on the same log
 * directory and ports:
 * while it is down the service says it is not ready but keeps taking API writes (their events wait in the outbox);
 * once it is back the service recovers on its own, every credit is decided exactly once and every event reaches the
 * outbound topics. And while the broker is down the service still shuts down in time. Runs on servers of its own.
 */
class BrokerOutageIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerOutageIT.class);
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(5);
    private static final double MAX_RETRIES_PER_SECOND = 5;
    private static final String ORDER_EVENTS = "recon.order-events";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private OwnServers servers;
    private OwnInstance service;
    private BankFeed feed;

    @BeforeEach
    void startOwnServersAndService() {
        servers = OwnServers.start();
        Map<String, Object> properties = new HashMap<>(servers.springProperties());
        properties.put("recon.kafka.max-poll-records", 25);
        service = OwnInstance.start(properties);
        feed = new BankFeed(servers.bootstrapServers());
    }

    @AfterEach
    void stopThemInReverse() {
        try {
            if (feed != null) {
                feed.close();
            }
            if (service != null) {
                service.close();
            }
        } finally {
            if (servers != null) {
                servers.close();
            }
        }
    }

    @Test
    void decidesEveryCreditExactlyOnceAndPublishesEveryEventAcrossABrokerOutage() {
        ApiClient api = service.api();
        OpsView ops = new OpsView(api);
        await().atMost(RECOVERY).until(service::consumersAssigned);
        TestPortal portal = api.newPortal();
        CreditBurst burst = CreditBurst.prepare(portal, 100, 100, 25);
        List<List<Map.Entry<String, String>>> thirds = burst.split(3);
        String campaign = portal.openCampaign();
        String investor = portal.investor();

        feed.sendAll(Credits.TOPIC, thirds.get(0));
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100)).until(() -> ops.count("credits", "EUR") >= 20);
        try (TableLock credits = TableLock.hold(servers.jdbcUrl(), DurablePostgres.USER, "", "credit")) {
            // Batches held inside their transactions commit only once the broker is gone: their offsets cannot be.
            feed.sendAll(Credits.TOPIC, thirds.get(1));
            await().atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(50))
                    .alias("batches stopped inside their transactions")
                    .until(() -> credits.waiting() > 0);
            servers.stopKafka();
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() ->
                        assertThat(PostgresOutageIT.readiness(service.web())).isEqualTo("DOWN"));
        String orderDuringOutage = portal.order(campaign, investor, Ibans.randomGerman())
                .get("orderId")
                .asString();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(outboxBacklog(api))
                        .as("events waiting in the outbox")
                        .isPositive());
        long started = System.nanoTime();
        try (LogCounter retries = LogCounter.of(
                event -> event.getLevel().isGreaterOrEqual(Level.WARN),
                InboundPipeline.class,
                InboundConsumers.class,
                OutboxRelay.class)) {
            await().during(QUIET_WINDOW)
                    .atMost(QUIET_WINDOW.plusSeconds(25))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> PostgresOutageIT.readiness(service.web()).equals("DOWN"));
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Broker down, {} s observed: {} retries logged", String.format("%.1f", seconds), retries.count());
            assertThat(retries.count() / seconds)
                    .as("failed attempts per second of the service's loops (%d in %.1f s)", retries.count(), seconds)
                    .isLessThan(MAX_RETRIES_PER_SECOND);
        }
        servers.startKafka();
        feed.sendAll(Credits.TOPIC, thirds.get(2));

        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                        PostgresOutageIT.readiness(service.web()))
                .isEqualTo("UP"));
        burst.assertDecidedExactlyOnce(ops, CreditBurst.Baseline.EMPTY, RECOVERY);
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(outboxBacklog(api))
                .as("events waiting in the outbox")
                .isZero());
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                        feed.lag(Credits.TOPIC, Credits.PARTITIONS))
                .as("records not committed")
                .isZero());
        Map<String, Set<String>> statusesByOrder = feed.readAll(ORDER_EVENTS).stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.mapping(BrokerOutageIT::status, Collectors.toSet())));
        for (String orderId : burst.orders()) {
            assertThat(statusesByOrder.get(orderId))
                    .as("statuses of %s on %s", orderId, ORDER_EVENTS)
                    .contains("CREATED", "ACCOUNTED");
        }
        assertThat(statusesByOrder.get(orderDuringOutage))
                .as("statuses of %s, created while the broker was down", orderDuringOutage)
                .contains("CREATED");
    }

    @Test
    void shutsDownWithinTheGracePeriodWhileTheBrokerIsDown() {
        ApiClient api = service.api();
        await().atMost(RECOVERY).until(service::consumersAssigned);
        TestPortal portal = api.newPortal();
        String campaign = portal.openCampaign();
        String investor = portal.investor();
        servers.stopKafka();
        portal.order(campaign, investor, Ibans.randomGerman());
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(outboxBacklog(api))
                        .as("events the relay is trying to publish")
                        .isPositive());

        long closing = System.nanoTime();
        service.close();
        service = null;
        Duration closed = Duration.ofNanos(System.nanoTime() - closing);

        log.info("Closed the service with the broker down in {} ms", closed.toMillis());
        // Kubernetes gives it 75 s (k8s/base/deployment.yaml), 5 of which its preStop hook sleeps.
        assertThat(closed).as("time to shut down").isLessThan(Duration.ofSeconds(30));
    }

    private static long outboxBacklog(ApiClient api) {
        JsonNode stats = ApiClient.body(
                api.get(ApiClient.OPS_KEY, "/api/v1/ops/stats").expectStatus().isOk());
        return stats.path("outbox").path("backlog").asLong();
    }

    private static String status(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value()).path("status").asString();
    }
}
