package io.crowdrecon.recon.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.testing.OpenApiDocuments;
import io.crowdrecon.recon.testing.ReconIntegrationTest;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@ReconIntegrationTest
class ServiceStartupIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void healthIsUpWithoutAKey() {
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void servesTheOpenApiDocumentWithoutAKey() {
        // A locale of its own: springdoc builds (and caches) one document per locale, scanning class files as it
        // does, so this request builds one and BlockHound sees where.
        OpenApiDocuments.reader(web)
                .get()
                .uri("/v3/api-docs")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CH")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .exists();
    }

    @Test
    void servesPrometheusMetricsWithoutAKeyIncludingTheOutboxAndStreamGauges() {
        // After the other tests of this JVM, with their request histograms, a scrape is well over the default 256 KB.
        String scrape = web.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(scrape)
                .containsPattern("(?m)^recon_outbox_backlog[ {]")
                .containsPattern("(?m)^recon_outbox_relay_lag_seconds[ {]")
                .containsPattern("(?m)^recon_ingest_consumer_lag_records\\{topic=\"recon.bank-notifications\"")
                .containsPattern(
                        "(?m)^recon_ingest_dead_letters_total\\{credit=\"true\",topic=\"recon.bank-notifications\"")
                .containsPattern("(?m)^recon_stream_clients[ {]")
                .containsPattern("(?m)^recon_stream_clients_dropped_total[ {]")
                .containsPattern("(?m)^jvm_memory_used_bytes[ {]");
    }

    @Test
    void appliesTheFlywayMigrations() {
        Long applied = database.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        assertThat(applied).isPositive();
    }

    @Test
    void createsTheTopicsOfTheSpecWithTheirPartitionCounts() throws Exception {
        try (AdminClient admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> names = Set.of(
                    Topics.BANK_NOTIFICATIONS,
                    Topics.CARD_NOTIFICATIONS,
                    Topics.ORDER_EVENTS,
                    Topics.MONEYOUTS,
                    Topics.PAYMENT_INSTRUCTIONS,
                    Topics.PAYMENT_INSTRUCTION_OUTCOMES,
                    Topics.UNIDENTIFIED_TRANSFERS,
                    Topics.PAYMENT_FILES,
                    Topics.dlq(Topics.BANK_NOTIFICATIONS),
                    Topics.dlq(Topics.CARD_NOTIFICATIONS));
            Map<String, Integer> partitions = admin.describeTopics(names).allTopicNames().get().values().stream()
                    .collect(Collectors.toMap(
                            TopicDescription::name, d -> d.partitions().size()));
            assertThat(partitions)
                    .containsEntry(Topics.BANK_NOTIFICATIONS, 6)
                    .containsEntry(Topics.CARD_NOTIFICATIONS, 6)
                    .containsEntry(Topics.ORDER_EVENTS, 6)
                    .containsEntry(Topics.MONEYOUTS, 6)
                    .containsEntry(Topics.PAYMENT_INSTRUCTIONS, 6)
                    .containsEntry(Topics.PAYMENT_INSTRUCTION_OUTCOMES, 6)
                    .containsEntry(Topics.UNIDENTIFIED_TRANSFERS, 6)
                    .containsEntry(Topics.PAYMENT_FILES, 6)
                    .containsEntry(Topics.dlq(Topics.BANK_NOTIFICATIONS), 1)
                    .containsEntry(Topics.dlq(Topics.CARD_NOTIFICATIONS), 1);
        }
    }
}
