package io.crowdrecon.recon.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's binaries) whose data directory survives restarts and crashes.
 *
 * <p>After a {@code kill -9} of the JVM the postmaster lives on (re-parented to PID 1) and keeps
 * its port and {@code postmaster.pid}; zonky would then silently reuse or hang on it. So before
 * starting we stop such an orphan, remove a stale pid file, check the port is free, and after
 * starting we check the server really serves our data directory.
 */
public final class DurablePostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurablePostgres.class);
    public static final String DATABASE = "crowdrecon";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private DurablePostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, creating it on first use.
     *
     * @param durable {@code true} keeps fsync and synchronous commit on (the embedded default run);
     *     {@code false} trades durability for speed (throwaway test servers)
     */
    public static DurablePostgres start(Path dataDirectory, int port, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            requirePortFree(port);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost");
            if (durable) {
                // zonky starts postgres with -F (fsync off) and synchronous_commit off; later -c wins.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            DurablePostgres server = new DurablePostgres(builder.start(), dataDirectory);
            server.checkServesOurDataDirectory();
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Stops the server (a fast shutdown; its data stays); a failure to stop is logged, not thrown. */
    @Override
    public void close() {
        int port = port();
        log.info("Stopping embedded PostgreSQL on port {} (data directory {})", port, dataDirectory);
        try {
            postgres.close();
            log.info("Embedded PostgreSQL on port {} stopped", port);
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Could not stop embedded PostgreSQL on port {} (data directory {}) cleanly",
                    port,
                    dataDirectory,
                    e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    private void checkServesOurDataDirectory() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1)).toRealPath();
            if (!served.equals(dataDirectory.toRealPath())) {
                throw new IllegalStateException("port " + port() + " is served by another PostgreSQL (" + served
                        + "), not by " + dataDirectory);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not check the embedded PostgreSQL data directory", e);
        }
    }

    /** A postmaster left running by a killed JVM still owns the data directory: stop it first. */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (postmaster.isPresent()) {
            ProcessHandle process = postmaster.get();
            log.info("Stopping PostgreSQL (pid {}) left running by an earlier run", process.pid());
            process.destroy(); // SIGTERM: smart shutdown, the server writes a checkpoint
            if (!waitForExit(process, Duration.ofSeconds(30))) {
                process.destroyForcibly();
                waitForExit(process, Duration.ofSeconds(10));
            }
        }
        if (Files.deleteIfExists(pidFile)) {
            log.info("Removed stale {}", pidFile);
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        String content = Files.readString(pidFile, StandardCharsets.UTF_8);
        String firstLine = content.lines().findFirst().orElse("").trim();
        try {
            return Optional.of(Long.parseLong(firstLine));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void requirePortFree(int port) {
        if (port == 0) {
            return;
        }
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("localhost", port));
                return;
            } catch (IOException busy) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "port " + port
                                    + " is in use by another process; stop it or choose another port with"
                                    + " RECON_EMBEDDED_POSTGRES_PORT",
                            busy);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
            }
        }
    }
}
