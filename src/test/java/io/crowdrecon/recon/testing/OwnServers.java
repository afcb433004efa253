package io.crowdrecon.recon.testing;

import io.crowdrecon.recon.embedded.DurableKafka;
import io.crowdrecon.recon.embedded.DurablePostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server and a real Kafka broker for one fault test only, on a temporary directory and free ports
 * chosen once: either can be stopped and started again on the same data and the same port, as an outage and a
 * recovery look to the service. Never the shared {@link TestInfrastructure}, so other tests are unaffected.
 * Close the application contexts using these servers first.
 */
public final class OwnServers implements AutoCloseable {

    private final Path directory;
    private final int postgresPort;
    private final int kafkaPort;
    private final int controllerPort;
    private final boolean durable;
    private DurablePostgres postgres;
    private DurableKafka kafka;

    private OwnServers(Path directory, boolean durable) {
        this.directory = directory;
        this.durable = durable;
        this.postgresPort = freePort();
        this.kafkaPort = freePort();
        this.controllerPort = freePort();
    }

    /** Both servers, started on a new temporary directory; PostgreSQL with fsync off, as tests want it. */
    public static OwnServers start() {
        return start(false);
    }

    /**
     * Both servers, started on a new temporary directory.
     *
     * @param durable {@code true} keeps PostgreSQL's fsync and synchronous commit on, as a measurement wants them
     */
    public static OwnServers start(boolean durable) {
        try {
            OwnServers servers = new OwnServers(Files.createTempDirectory("crowdrecon-faults-"), durable);
            servers.startPostgres();
            servers.startKafka();
            return servers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard Spring properties pointing a service at these servers (valid while they are down, too). */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(
                "spring.r2dbc.url", "r2dbc:postgresql://localhost:" + postgresPort + "/" + DurablePostgres.DATABASE);
        properties.put("spring.r2dbc.username", DurablePostgres.USER);
        properties.put("spring.r2dbc.password", "");
        properties.put("spring.flyway.url", jdbcUrl());
        properties.put("spring.flyway.user", DurablePostgres.USER);
        properties.put("spring.flyway.password", "");
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers());
        return properties;
    }

    /** The service's database over JDBC (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + DurablePostgres.DATABASE;
    }

    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    /** Starts PostgreSQL on its data directory and port (creating them the first time). */
    public synchronized void startPostgres() {
        if (postgres == null) {
            postgres = DurablePostgres.start(directory.resolve("postgres"), postgresPort, durable);
        }
    }

    /** Stops PostgreSQL (a fast shutdown: open connections are cut, as in a server restart). */
    public synchronized void stopPostgres() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** Starts the broker on its log directory and ports; the service creates its own topics. */
    public synchronized void startKafka() {
        if (kafka == null) {
            kafka = DurableKafka.start(directory.resolve("kafka"), kafkaPort, controllerPort, false);
        }
    }

    /** Stops the broker; its log (topics, records, committed offsets) stays for the next start. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Stops both servers and deletes their data. */
    @Override
    public synchronized void close() {
        try {
            stopKafka();
        } finally {
            stopPostgres();
            deleteRecursively(directory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary directory; the OS cleans it up eventually.
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
