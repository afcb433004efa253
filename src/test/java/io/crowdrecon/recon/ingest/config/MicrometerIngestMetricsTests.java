package io.crowdrecon.recon.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.platform.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ingest meters as the alerts read them (k8s/monitoring/alerts.yaml). */
class MicrometerIngestMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerIngestMetrics metrics = new MicrometerIngestMetrics(registry, Clock.systemUTC());

    @Test
    void everyInboundTopicsDeadLetterCounterExistsAtZeroBeforeTheFirstDeadLetter() {
        for (String topic : Topics.INBOUND) {
            for (String credit : new String[] {"true", "false"}) {
                Counter counter = registry.find("recon.ingest.dead.letters")
                        .tags("topic", topic, "credit", credit)
                        .counter();
                assertThat(counter).as("%s credit=%s", topic, credit).isNotNull();
                assertThat(counter.count()).isZero();
            }
        }

        metrics.deadLettered(Topics.BANK_NOTIFICATIONS, true);

        assertThat(registry.get("recon.ingest.dead.letters")
                        .tags("topic", Topics.BANK_NOTIFICATIONS, "credit", "true")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void theDecisionDelayHistogramCountsDelaysWellAboveTheSixtySecondAlertThreshold() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new MicrometerIngestMetrics(prometheus, Clock.systemUTC());
        prometheus.get("recon.credits.decision.delay").timer().record(Duration.ofSeconds(120));

        // What Prometheus scrapes: finite buckets up to 10 minutes, and the 120 s delay below one of them over 60 s,
        // so that histogram_quantile can say a decision took more than 60 s.
        List<double[]> buckets = prometheus
                .scrape()
                .lines()
                .filter(line -> line.startsWith("recon_credits_decision_delay_seconds_bucket{"))
                .filter(line -> !line.contains("le=\"+Inf\""))
                .map(line -> new double[] {
                    Double.parseDouble(line.replaceAll(".*le=\"([^\"]+)\".*", "$1")),
                    Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))
                })
                .toList();
        assertThat(buckets.stream().mapToDouble(b -> b[0]).max().orElse(0))
                .as("the largest finite bucket, in seconds")
                .isGreaterThanOrEqualTo(600);
        assertThat(buckets.stream().filter(b -> b[0] > 60 && b[0] < 600).anyMatch(b -> b[1] == 1))
                .as("a bucket between 60 s and 10 min that counts the 120 s delay")
                .isTrue();
    }
}
