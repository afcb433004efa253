package io.crowdrecon.recon.resilience;

import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.ingest.config.InboundConsumers;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CreditBurst;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.OpsView;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.SecondInstance;
import io.crowdrecon.recon.testing.TableLock;
import io.crowdrecon.recon.testing.TestInfrastructure;
import io.crowdrecon.recon.testing.TestKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances share the inbound partitions (consumer group {@code crowdrecon}); the second is stopped in the middle
 * of a burst, while a batch of its own is inside its transaction: it finishes that batch, leaves the group, the first
 * takes its partitions over and decides the rest. Every credit is decided exactly once.
 */
@ReconIntegrationTest
class RebalanceIT {

    private static final Logger log = LoggerFactory.getLogger(RebalanceIT.class);
    private static final Duration DECIDED = Duration.ofSeconds(120);
    private static final String SECOND = "crowdrecon-second";

    private static TestKafka kafka;

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void connectTheBankFeed() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void disconnectTheBankFeed() {
        kafka.close();
    }

    @Test
    void decidesEveryCreditExactlyOnceWhenAnInstanceLeavesInTheMiddleOfABurst() {
        ApiClient api = new ApiClient(web);
        OpsView ops = new OpsView(api);
        CreditBurst burst = CreditBurst.prepare(api.newPortal(), 100, 100, 25);
        List<List<Map.Entry<String, String>>> halves = burst.split(2);
        CreditBurst.Baseline before = CreditBurst.Baseline.of(ops);
        Map<String, Object> database = TestInfrastructure.springProperties();

        SecondInstance second = SecondInstance.start(Map.of(
                "recon.kafka.max-poll-records",
                20,
                // Its sessions carry this name in pg_stat_activity.
                "spring.r2dbc.properties.applicationName",
                SECOND));
        try {
            await().atMost(DECIDED)
                    .until(() -> second.bean(InboundConsumers.class).allAssigned()
                            && context.getBean(InboundConsumers.class).allAssigned());
            kafka.sendAll(Credits.TOPIC, halves.get(0));
            await().atMost(DECIDED)
                    .pollInterval(Duration.ofMillis(100))
                    .alias("the second instance decides credits of the burst")
                    .until(() -> creditsDecidedBy(second.bean(MeterRegistry.class)) > 0);

            CompletableFuture<Void> stopped;
            try (TableLock credits = TableLock.hold(
                    (String) database.get("spring.flyway.url"),
                    (String) database.get("spring.flyway.user"),
                    (String) database.get("spring.flyway.password"),
                    "credit")) {
                kafka.sendAll(Credits.TOPIC, halves.get(1));
                await().atMost(DECIDED)
                        .pollInterval(Duration.ofMillis(50))
                        .alias("a batch of the second instance stopped inside its transaction")
                        .until(() -> credits.waiting(SECOND) > 0);
                log.info("Stopping the second instance with {} credits decided", ops.count("credits", "EUR"));
                stopped = CompletableFuture.runAsync(second::close);
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(10))
                        .alias("the second instance waits for its batch in hand")
                        .until(() -> !stopped.isDone());
            }
            await().atMost(DECIDED).until(stopped::isDone);
            stopped.join();
        } finally {
            second.close();
        }

        burst.assertDecidedExactlyOnce(ops, before, DECIDED);
    }

    /** How many credits an instance decided since it started (its {@code recon.credits.decided} counters). */
    private static double creditsDecidedBy(MeterRegistry registry) {
        return registry.find("recon.credits.decided").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
