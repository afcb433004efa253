package io.crowdrecon.recon.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.Ibans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded default survives its own crash: the service runs in a separate JVM exactly as
 * {@code ./mvnw spring-boot:run} starts it, is killed with SIGKILL (leaving its PostgreSQL server
 * orphaned), restarted on the same work directory, and still has its database rows, Kafka
 * records, topics and committed offsets.
 */
class EmbeddedCrashRecoveryIT {

    private static final String OPS_KEY = "crash-test-ops-key";
    private static final String TOPIC = "recon.bank-notifications.dlq";

    private final HttpClient http = HttpClient.newHttpClient();
    private Process service;
    private Path workDirectory;

    @AfterEach
    void stopService() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor();
        }
    }

    @Test
    void keepsDatabaseRowsKafkaRecordsAndCommittedOffsetsAcrossAKillDashNine() throws Exception {
        workDirectory = Files.createTempDirectory("crowdrecon-crash-");
        Map<String, String> env = Map.of(
                "RECON_WORK_DIR", workDirectory.toString(),
                "RECON_EMBEDDED_POSTGRES_PORT", String.valueOf(freePort()),
                "RECON_EMBEDDED_KAFKA_PORT", String.valueOf(freePort()),
                "RECON_EMBEDDED_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                "SERVER_PORT", String.valueOf(freePort()),
                "RECON_OPS_API_KEY", OPS_KEY);
        String api = "http://localhost:" + env.get("SERVER_PORT");
        String kafka = "localhost:" + env.get("RECON_EMBEDDED_KAFKA_PORT");

        service = start(env);
        awaitHealthy(api);
        String portalId = createPortal(api);
        String marker = UUID.randomUUID().toString();
        produce(kafka, marker);
        long committed = consumeAndCommit(kafka, marker);

        service.destroyForcibly().waitFor();
        service = start(env);
        awaitHealthy(api);

        HttpResponse<String> portal = http.send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/ops/portals/" + portalId))
                        .header("Authorization", "Bearer " + OPS_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains(portalId);
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            assertThat(admin.listTopics().names().get()).contains("recon.bank-notifications", TOPIC);
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("crash-test")
                    .partitionsToOffsetAndMetadata()
                    .get();
            assertThat(offsets.get(new TopicPartition(TOPIC, 0)).offset()).isEqualTo(committed);
        }
        assertThat(readAll(kafka)).contains(marker);
    }

    private Process start(Map<String, String> env) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                        javaBin,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedReconApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        workDirectory.resolve("service.log").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitHealthy(String api) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!service.isAlive()) {
                        throw new AssertionError(
                                "service exited; log: " + Files.readString(workDirectory.resolve("service.log")));
                    }
                    try {
                        HttpResponse<String> health = http.send(
                                HttpRequest.newBuilder(URI.create(api + "/actuator/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        return health.statusCode() == 200 && health.body().contains("\"UP\"");
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private String createPortal(String api) throws Exception {
        String body = "{\"name\":\"Crash\",\"collectionIban\":\"" + Ibans.randomGerman() + "\",\"feeAccountIban\":\""
                + Ibans.randomGerman() + "\"}";
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/ops/portals"))
                        .header("Authorization", "Bearer " + OPS_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        int start = created.body().indexOf("PRT");
        return created.body().substring(start, start + 19);
    }

    private static void produce(String kafka, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "crash", value)).get();
        }
    }

    private static long consumeAndCommit(String kafka, String marker) {
        try (KafkaConsumer<String, String> consumer = consumer(kafka, "crash-test")) {
            consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
            consumer.seekToBeginning(consumer.assignment());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                return records.records(new TopicPartition(TOPIC, 0)).stream()
                        .anyMatch(r -> r.value().equals(marker));
            });
            consumer.commitSync();
            return consumer.position(new TopicPartition(TOPIC, 0));
        }
    }

    private static List<String> readAll(String kafka) {
        try (KafkaConsumer<String, String> consumer = consumer(kafka, "crash-test-reader")) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            java.util.ArrayList<String> values = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return consumer.position(partition) >= end;
            });
            return values;
        }
    }

    private static KafkaConsumer<String, String> consumer(String kafka, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
