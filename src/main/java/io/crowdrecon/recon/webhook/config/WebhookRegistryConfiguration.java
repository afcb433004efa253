package io.crowdrecon.recon.webhook.config;

import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.webhook.WebhookRegistry;
import io.crowdrecon.recon.webhook.persistence.R2dbcDeliveryLog;
import io.crowdrecon.recon.webhook.persistence.R2dbcWebhookEndpoints;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The webhook registry: endpoints and the delivery log as a portal reads them. */
@Configuration(proxyBeanMethods = false)
class WebhookRegistryConfiguration {

    @Bean
    R2dbcWebhookEndpoints webhookEndpoints(DatabaseClient database) {
        return new R2dbcWebhookEndpoints(database);
    }

    @Bean
    R2dbcDeliveryLog webhookDeliveryLog(DatabaseClient database) {
        return new R2dbcDeliveryLog(database);
    }

    @Bean
    WebhookRegistry webhookRegistry(
            R2dbcWebhookEndpoints endpoints,
            R2dbcDeliveryLog deliveries,
            WebhookProperties properties,
            Transactions transactions,
            IdGenerator ids,
            SecureRandom random,
            Clock clock) {
        return new WebhookRegistry(
                endpoints,
                deliveries,
                WebhookRegistryConfiguration::addresses,
                properties.urlPolicy(),
                transactions,
                ids,
                // The platform's DRBG, seeded once: a new SecureRandom would read /dev/urandom on the event loop.
                random,
                clock);
    }

    /** The system resolver blocks: it runs on boundedElastic, never on an event loop. */
    static Mono<List<InetAddress>> addresses(String host) {
        return Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
