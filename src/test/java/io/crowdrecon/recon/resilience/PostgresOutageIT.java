package io.crowdrecon.recon.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.crowdrecon.recon.embedded.DurablePostgres;
import io.crowdrecon.recon.ingest.InboundPipeline;
import io.crowdrecon.recon.outbox.OutboxRelay;
import io.crowdrecon.recon.stream.EventFanOut;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFeed;
import io.crowdrecon.recon.testing.CreditBurst;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.DeadPort;
import io.crowdrecon.recon.testing.LogCounter;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.OwnInstance;
import io.crowdrecon.recon.testing.OwnServers;
import io.crowdrecon.recon.testing.TableLock;
import io.crowdrecon.recon.testing.TestPortal;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL goes down in the middle of a burst of credits, while batches are inside their transactions, and comes
 * back on the same data directory and port: while it is down the service says it is not ready, answers writes with
 * 503, commits no offset and does not spin; once it is back the service recovers on its own and every credit is
 * decided exactly once. Runs on servers of its own.
 */
class PostgresOutageIT {

    private static final Logger log = LoggerFactory.getLogger(PostgresOutageIT.class);
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(5);
    /**
     * How hard a service that backs off may try while its database is down. Each of its loops retries on its own with
     * exponential backoff (200 ms doubling to 10 s): up to six partitions in the poll in hand, the outbox relay, the
     * stream poller; one try may take two connection attempts (localhost has two addresses, the pool retries once).
     * That is a few tries per second a couple of seconds into the outage, fewer later; a busy loop makes hundreds.
     */
    private static final double MAX_ATTEMPTS_PER_SECOND = 30;

    private static final double MAX_RETRIES_PER_SECOND = 15;

    private OwnServers servers;
    private OwnInstance service;
    private BankFeed feed;

    @BeforeEach
    void startOwnServersAndService() {
        servers = OwnServers.start();
        Map<String, Object> properties = new HashMap<>(servers.springProperties());
        // Small polls: the burst is many batches, so that the outage falls between and inside them.
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
    void decidesEveryCreditExactlyOnceAcrossAPostgresOutageWithoutSpinning() {
        ApiClient api = service.api();
        OpsView ops = new OpsView(api);
        await().atMost(RECOVERY).until(service::consumersAssigned);
        TestPortal portal = api.newPortal();
        CreditBurst burst = CreditBurst.prepare(portal, 100, 100, 25);
        List<List<Map.Entry<String, String>>> thirds = burst.split(3);

        feed.sendAll(Credits.TOPIC, thirds.get(0));
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(100)).until(() -> ops.count("credits", "EUR") >= 20);
        try (TableLock credits = TableLock.hold(servers.jdbcUrl(), DurablePostgres.USER, "", "credit")) {
            // Batches stopped inside their transactions: the outage cuts them for sure.
            feed.sendAll(Credits.TOPIC, thirds.get(1));
            await().atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(50))
                    .alias("batches stopped inside their transactions")
                    .until(() -> credits.waiting() > 0);
            servers.stopPostgres();
        }
        try (DeadPort postgresPort = DeadPort.listen(servers.postgresPort())) {
            feed.sendAll(Credits.TOPIC, thirds.get(2));

            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(readiness(service.web())).isEqualTo("DOWN"));
            assertAnswersWritesWith503(portal);

            Map<Integer, Long> frozen = feed.committed(Credits.TOPIC);
            long attemptsBefore = postgresPort.attempts();
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            try (LogCounter retries = LogCounter.of(
                    event -> event.getLevel() == Level.WARN,
                    InboundPipeline.class,
                    OutboxRelay.class,
                    EventFanOut.class)) {
                await().during(QUIET_WINDOW)
                        .atMost(QUIET_WINDOW.plusSeconds(25))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> feed.committed(Credits.TOPIC).equals(frozen));
                double seconds = (System.nanoTime() - started) / 1e9;
                long attempts = postgresPort.attempts() - attemptsBefore;
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                log.info(
                        "PostgreSQL down, {} s observed: {} connection attempts, {} retries logged by the consumer,"
                                + " relay and stream loops, {} s of CPU used by this whole test JVM",
                        String.format("%.1f", seconds),
                        attempts,
                        retries.count(),
                        String.format("%.2f", cpuSeconds));

                assertThat(feed.lag(Credits.TOPIC, Credits.PARTITIONS))
                        .as("credits waiting, not committed, while PostgreSQL is down")
                        .isPositive();
                assertThat(attempts / seconds)
                        .as(
                                "connection attempts per second to a PostgreSQL that is down (%d in %.1f s)",
                                attempts, seconds)
                        .isLessThan(MAX_ATTEMPTS_PER_SECOND);
                assertThat(retries.count() / seconds)
                        .as(
                                "failed attempts per second of the service's loops (%d in %.1f s)",
                                retries.count(), seconds)
                        .isLessThan(MAX_RETRIES_PER_SECOND);
            }
        }
        servers.startPostgres();

        await().atMost(RECOVERY)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(readiness(service.web())).isEqualTo("UP"));
        burst.assertDecidedExactlyOnce(ops, CreditBurst.Baseline.EMPTY, RECOVERY);
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                        feed.lag(Credits.TOPIC, Credits.PARTITIONS))
                .as("records not committed")
                .isZero());
        portal.post("/investors", investor()).expectStatus().isCreated();
    }

    private static void assertAnswersWritesWith503(TestPortal portal) {
        WebTestClient.ResponseSpec response = portal.post("/investors", investor());
        response.expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After");
        JsonNode problem = ApiClient.body(response);
        assertThat(problem.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    static String readiness(WebTestClient web) {
        JsonNode health = web.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        return health == null ? "?" : health.path("status").asString();
    }

    static Map<String, Object> investor() {
        return Map.of(
                "name",
                "Anna",
                "surname",
                "Bianchi",
                "fiscalCode",
                "BNCNNA80A41H501U",
                "type",
                "NATURAL_PERSON",
                "email",
                "anna.bianchi@example.org");
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
