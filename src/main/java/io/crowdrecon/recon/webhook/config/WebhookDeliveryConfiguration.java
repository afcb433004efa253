package io.crowdrecon.recon.webhook.config;

import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.webhook.RetryDecision;
import io.crowdrecon.recon.webhook.WebhookDispatcher;
import io.crowdrecon.recon.webhook.WebhookFanOut;
import io.crowdrecon.recon.webhook.http.WebhookSender;
import io.crowdrecon.recon.webhook.persistence.R2dbcDeliveries;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The webhook delivery engine: the fan-out from the event log, the dispatcher and its sender (docs/webhooks.md). */
@Configuration(proxyBeanMethods = false)
public class WebhookDeliveryConfiguration {

    /** How long past the timeout a claimed delivery is held before it may be claimed again (a crash in between). */
    private static final Duration HOLD_MARGIN = Duration.ofSeconds(30);

    @Bean
    R2dbcDeliveries webhookDeliveries(DatabaseClient database) {
        return new R2dbcDeliveries(database);
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(WebhookProperties properties) {
        return new WebhookSender(properties.urlPolicy(), properties.timeout(), properties.concurrency());
    }

    @Bean
    WebhookDeliveryMetrics webhookDeliveryMetrics(MeterRegistry registry, DatabaseClient database) {
        return new WebhookDeliveryMetrics(registry, database);
    }

    @Bean
    WebhookFanOut webhookFanOut(
            R2dbcDeliveries deliveries,
            Clock clock,
            WebhookDeliveryMetrics metrics,
            @Value("${recon.webhooks.fan-out-batch-size:2000}") int batchSize) {
        // A step every 200 ms while events keep coming: a webhook waits a few hundred ms more at most, and the step
        // runs
        // 5 times a second instead of up to 20 (with no endpoint registered it was still 6 % of PostgreSQL's active
        // time under a bank feed at 50 ms).
        return new WebhookFanOut(
                deliveries,
                ownerName(),
                clock,
                new WebhookFanOut.Settings(
                        batchSize, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10)),
                metrics::fannedOut);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            R2dbcDeliveries deliveries,
            Transactions transactions,
            ReviewItems reviewItems,
            IdGenerator ids,
            WebhookSender sender,
            Clock clock,
            WebhookProperties properties,
            WebhookFanOut fanOut,
            WebhookDeliveryMetrics metrics) {
        return new WebhookDispatcher(
                deliveries,
                transactions,
                reviewItems,
                ids,
                sender,
                clock,
                new RetryDecision.Policy(properties.retrySchedule(), properties.giveUpAfter()),
                new WebhookDispatcher.Settings(
                        properties.concurrency(), properties.timeout(), HOLD_MARGIN, Duration.ofMillis(100)),
                fanOut::holdsLease,
                () -> ThreadLocalRandom.current().nextDouble(),
                metrics::attempted);
    }

    @Bean
    WebhookDeliveryLoops webhookDeliveryLoops(
            WebhookFanOut fanOut,
            WebhookDispatcher dispatcher,
            WebhookDeliveryMetrics metrics,
            WebhookProperties properties) {
        return new WebhookDeliveryLoops(
                fanOut, dispatcher, metrics, properties.timeout().plusSeconds(2));
    }

    /** Unique per process, as the outbox relay's name is. */
    private static String ownerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
