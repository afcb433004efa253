package io.crowdrecon.recon.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import io.crowdrecon.recon.testing.TableLock;
import io.crowdrecon.recon.testing.TestInfrastructure;
import io.crowdrecon.recon.testing.TestPortal;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The relay-lag gauge, which the stalled-relay alert reads, keeps being refreshed after its query was slower than
 * its 5 s period: it once failed with an overflow then and froze for good.
 */
@ReconIntegrationTest
class OutboxMetricsIT {

    private static final String LAG = "recon.outbox.relay.lag.seconds";

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry registry;

    @Test
    void theRelayLagGaugeOutlivesAQuerySlowerThanItsPeriod() {
        Map<String, Object> db = TestInfrastructure.springProperties();
        String url = db.get("spring.flyway.url").toString();
        String user = db.get("spring.flyway.user").toString();
        String password = db.get("spring.flyway.password").toString();
        TestPortal portal = new ApiClient(web).newPortal();
        String campaign = portal.openCampaign();
        String investor = portal.investor();

        // The refresh query reads relay_lease: held for more than two of its periods.
        try (TableLock stalled = TableLock.holdAgainstReads(url, user, password, "relay_lease")) {
            await().pollDelay(Duration.ofSeconds(12))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> stalled.waiting() > 0);
        }

        // Now the relay cannot move its cursor (writes wait), the refresh can read: an event waits, and ages.
        try (TableLock relayStalled = TableLock.hold(url, user, password, "relay_lease")) {
            portal.order(campaign, investor, Ibans.randomGerman());
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(registry.get(LAG).gauge().value())
                            .as("age of the oldest unpublished event")
                            .isGreaterThanOrEqualTo(2.0));
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(registry.get(LAG).gauge().value())
                        .as("once the relay published")
                        .isLessThan(2.0));
    }
}
