package io.crowdrecon.recon.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (KRaft, combined broker and controller) running inside this JVM, with a log
 * directory that survives restarts and crashes: topics, records and committed offsets persist.
 * The directory is formatted once, only when {@code meta.properties} is missing.
 */
public final class DurableKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurableKafka.class);

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDirectory;

    private DurableKafka(KafkaRaftServer server, int port, Path logDirectory) {
        this.server = server;
        this.port = port;
        this.logDirectory = logDirectory;
    }

    /**
     * Starts a broker on {@code localhost:port} (its controller on a free port unless given).
     *
     * @param autoCreateTopics the service creates its own topics; tests may let clients create theirs
     */
    public static DurableKafka start(Path logDirectory, int port, int controllerPort, boolean autoCreateTopics) {
        neverExitTheJvm();
        int brokerPort = port == 0 ? freePort() : port;
        int quorumPort = controllerPort == 0 ? freePort() : controllerPort;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + quorumPort);
        props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + quorumPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Without these a restart after a kill waits ~9 s for the old broker session to expire.
        props.put("broker.session.timeout.ms", "2000");
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("log.flush.interval.messages", "1");
        props.put("message.max.bytes", "2097152");
        KafkaConfig config = new KafkaConfig(props, false);
        formatOnce(config, logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        log.info("Embedded Kafka broker listening on localhost:{} (log dir {})", brokerPort, logDirectory);
        return new DurableKafka(server, brokerPort, logDirectory);
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the broker (its log stays for the next start); a failure to stop is logged, not thrown. */
    @Override
    public void close() {
        log.info("Stopping embedded Kafka broker on localhost:{} (log dir {})", port, logDirectory);
        try {
            server.shutdown();
            server.awaitShutdown();
            log.info("Embedded Kafka broker on localhost:{} stopped", port);
        } catch (RuntimeException e) {
            log.warn("Could not stop the embedded Kafka broker on localhost:{} cleanly", port, e);
        }
    }

    private static void formatOnce(KafkaConfig config, Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .addDirectory(logDirectory.toString())
                    .run();
            log.info("Formatted Kafka log directory {}", logDirectory);
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka log directory " + logDirectory, e);
        }
    }

    /** Kafka calls Exit on fatal errors; inside the application that would kill the service too. */
    private static void neverExitTheJvm() {
        Exit.setExitProcedure(
                (status, message) -> log.error("Embedded Kafka asked to exit with status {}: {}", status, message));
        Exit.setHaltProcedure(
                (status, message) -> log.error("Embedded Kafka asked to halt with status {}: {}", status, message));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
