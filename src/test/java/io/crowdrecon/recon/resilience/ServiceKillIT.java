package io.crowdrecon.recon.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.embedded.DurablePostgres;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFeed;
import io.crowdrecon.recon.testing.CreditBurst;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.ServiceProcess;
import io.crowdrecon.recon.testing.TableLock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service as a separate JVM (the embedded default, with its own durable PostgreSQL and Kafka) is killed with
 * SIGKILL, or stopped with SIGTERM, in the middle of a burst of credits, then started again on the same work
 * directory: every credit is decided exactly once. To make the signal fall inside a batch for sure, the test holds a
 * lock on the credit table until a batch waits for it inside its transaction. SIGTERM drains: the process waits for
 * its batch in hand, then exits on its own.
 */
class ServiceKillIT {

    private static final Logger log = LoggerFactory.getLogger(ServiceKillIT.class);
    private static final Duration DECIDED = Duration.ofSeconds(120);

    private ServiceProcess service;
    private BankFeed feed;
    private OpsView ops;
    private CreditBurst burst;

    @BeforeEach
    void startTheServiceAndPrepareABurst() {
        // Small polls: the burst is several batches per partition, some decided before the signal, some after.
        service = ServiceProcess.create("--recon.kafka.max-poll-records=20");
        service.startAndAwaitHealthy();
        ApiClient api = service.api();
        ops = new OpsView(api);
        burst = CreditBurst.prepare(api.newPortal(), 100, 100, 25);
        feed = new BankFeed(service.bootstrapServers());
    }

    @AfterEach
    void stopTheService() {
        try {
            if (feed != null) {
                feed.close();
            }
        } finally {
            service.close();
        }
    }

    @Test
    void decidesEveryCreditExactlyOnceAfterAKillDashNineInTheMiddleOfABatch() {
        List<List<Map.Entry<String, String>>> halves = burst.split(2);
        feed.sendAll(Credits.TOPIC, halves.get(0));
        awaitSomeCreditsDecided();
        long decidedBeforeTheKill;
        try (TableLock credits = TableLock.hold(service.jdbcUrl(), DurablePostgres.USER, "", "credit")) {
            feed.sendAll(Credits.TOPIC, halves.get(1));
            await().atMost(DECIDED)
                    .pollInterval(Duration.ofMillis(50))
                    .alias("a batch stopped inside its transaction")
                    .until(() -> credits.waiting() > 0);
            decidedBeforeTheKill = ops.count("credits", "EUR");

            service.kill();
        }
        log.info("Killed the service with {} of {} credits decided", decidedBeforeTheKill, burst.distinctCredits());
        assertThat(decidedBeforeTheKill).as("credits decided when killed").isLessThan(burst.distinctCredits());
        service.startAndAwaitHealthy();

        burst.assertDecidedExactlyOnce(ops, CreditBurst.Baseline.EMPTY, DECIDED);
        await().atMost(DECIDED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                        feed.lag(Credits.TOPIC, Credits.PARTITIONS))
                .as("records not committed")
                .isZero());
    }

    @Test
    void finishesTheBatchInHandAndExitsOnSigtermThenDecidesTheRestAfterARestart() {
        List<List<Map.Entry<String, String>>> halves = burst.split(2);
        feed.sendAll(Credits.TOPIC, halves.get(0));
        awaitSomeCreditsDecided();
        long decidedAtTheSignal;
        int logBeforeTheBatchCompletes;
        try (TableLock credits = TableLock.hold(service.jdbcUrl(), DurablePostgres.USER, "", "credit")) {
            feed.sendAll(Credits.TOPIC, halves.get(1));
            await().atMost(DECIDED)
                    .pollInterval(Duration.ofMillis(50))
                    .alias("a batch stopped inside its transaction")
                    .until(() -> credits.waiting() > 0);
            decidedAtTheSignal = ops.count("credits", "EUR");

            service.terminate();
            // Draining: the service waits for the batch in hand instead of cutting it.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .alias("the service waits for its batch in hand")
                    .until(service::isAlive);
            logBeforeTheBatchCompletes = service.logText().length();
        }
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !service.isAlive());
        log.info(
                "SIGTERM with {} of {} credits decided; exit code {} {} s after the batch in hand could commit",
                decidedAtTheSignal,
                burst.distinctCredits(),
                service.exitValue(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        assertThat(decidedAtTheSignal).as("credits decided at the signal").isLessThan(burst.distinctCredits());
        // 143 = 128 + SIGTERM: the JVM's own exit status once its shutdown hooks (Spring's graceful shutdown) ran.
        assertThat(service.exitValue()).as("exit code").isIn(0, 143);
        assertThat(service.logText().substring(logBeforeTheBatchCompletes))
                .as("what the service logged once its batch in hand could commit")
                .contains("Consumers stopped");
        service.startAndAwaitHealthy();

        burst.assertDecidedExactlyOnce(ops, CreditBurst.Baseline.EMPTY, DECIDED);
        await().atMost(DECIDED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                        feed.lag(Credits.TOPIC, Credits.PARTITIONS))
                .as("records not committed")
                .isZero());
    }

    /** The service is in the burst: some of its credits are decided. */
    private void awaitSomeCreditsDecided() {
        await().atMost(DECIDED).pollInterval(Duration.ofMillis(100)).until(() -> ops.count("credits", "EUR") >= 20);
    }
}
