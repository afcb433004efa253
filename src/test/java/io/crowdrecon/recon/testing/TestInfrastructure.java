package io.crowdrecon.recon.testing;

import io.crowdrecon.recon.embedded.EmbeddedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL and Kafka every integration test runs against, started once per JVM:
 * Testcontainers where a Docker engine answers, otherwise the embedded servers (zonky's PostgreSQL
 * binaries and an in-process KRaft broker) on temporary directories and free ports.
 *
 * <p>The servers are stopped by a JVM shutdown hook that first waits for the Spring contexts using
 * them to close (their shutdown hooks run concurrently), so that no producer is left retrying
 * against a broker that is already gone.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static Map<String, Object> properties;
    private static final Phaser openContexts = new Phaser(1);

    private TestInfrastructure() {}

    /** Spring properties pointing at the shared servers; starts them on first use. */
    public static synchronized Map<String, Object> springProperties() {
        if (properties == null) {
            properties = DockerClientFactory.instance().isDockerAvailable() ? startContainers() : startEmbedded();
        }
        return properties;
    }

    /** A context now uses the servers; call {@link #contextClosed()} when it closes. */
    static void contextOpened() {
        openContexts.register();
    }

    static void contextClosed() {
        openContexts.arriveAndDeregister();
    }

    private static Map<String, Object> startEmbedded() {
        Path workDirectory = createTempDirectory();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(workDirectory, 0, 0, 0, false);
        onShutdown(() -> {
            infrastructure.close();
            deleteRecursively(workDirectory);
        });
        log.info("Integration tests use embedded PostgreSQL and Kafka (no Docker engine found)");
        return infrastructure.springProperties();
    }

    private static Map<String, Object> startContainers() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.0");
        postgres.start();
        kafka.start();
        onShutdown(() -> {
            kafka.stop();
            postgres.stop();
        });
        String hostPort = postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + postgres.getDatabaseName();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.r2dbc.url", "r2dbc:postgresql://" + hostPort);
        props.put("spring.r2dbc.username", postgres.getUsername());
        props.put("spring.r2dbc.password", postgres.getPassword());
        props.put("spring.flyway.url", "jdbc:postgresql://" + hostPort);
        props.put("spring.flyway.user", postgres.getUsername());
        props.put("spring.flyway.password", postgres.getPassword());
        props.put("spring.kafka.bootstrap-servers", kafka.getBootstrapServers());
        log.info("Integration tests use Testcontainers PostgreSQL and Kafka");
        return props;
    }

    private static void onShutdown(Runnable stop) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                openContexts.awaitAdvanceInterruptibly(openContexts.arrive(), 60, TimeUnit.SECONDS);
                            } catch (InterruptedException | TimeoutException e) {
                                log.warn("Stopping test servers while application contexts are still open");
                            }
                            stop.run();
                        },
                        "test-infrastructure-shutdown"));
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("crowdrecon-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", directory, e);
        }
    }
}
