package io.crowdrecon.recon.testing;

import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.embedded.DurablePostgres;
import io.crowdrecon.recon.embedded.EmbeddedReconApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The whole service as a separate JVM, exactly as {@code ./mvnw spring-boot:run} starts it (the embedded default,
 * with its own durable PostgreSQL and Kafka broker in its work directory), on free ports: to kill it with SIGKILL or
 * stop it with SIGTERM and start it again on the same data. Its output goes to {@code service.log} in the work
 * directory.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(3);
    /** The tests' JVM: small and quick to start. */
    private static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    private final Path workDirectory;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmOptions;
    private final List<String> arguments;
    /** The servers of a service started without its own ({@link #on}); null for the embedded default. */
    private final OwnServers servers;

    private final HttpClient http = HttpClient.newHttpClient();
    /**
     * The API clients' connections and event loop, this object's own: Reactor Netty's global ones, which every other
     * client in the test JVM shares, are disposed and replaced whenever a second Spring context of a test closes.
     */
    private final ConnectionProvider clientConnections = ConnectionProvider.create("service-process-client", 16);

    private final LoopResources clientLoops = LoopResources.create("service-process-client", 1, true);
    private Process process;

    private ServiceProcess(Path workDirectory, List<String> jvmOptions, List<String> arguments, OwnServers servers) {
        this.workDirectory = workDirectory;
        this.jvmOptions = jvmOptions;
        this.arguments = arguments;
        this.servers = servers;
        environment.put("RECON_WORK_DIR", workDirectory.toString());
        if (servers == null) {
            environment.put("RECON_EMBEDDED_POSTGRES_PORT", String.valueOf(OwnServers.freePort()));
            environment.put("RECON_EMBEDDED_KAFKA_PORT", String.valueOf(OwnServers.freePort()));
            environment.put("RECON_EMBEDDED_KAFKA_CONTROLLER_PORT", String.valueOf(OwnServers.freePort()));
        } else {
            // A further instance of the embedded default (docs/running.md): no server of its own.
            environment.put("RECON_EMBEDDED", "false");
            environment.put(
                    "SPRING_R2DBC_URL",
                    "r2dbc:postgresql://localhost:" + servers.postgresPort() + "/" + DurablePostgres.DATABASE);
            environment.put("SPRING_R2DBC_USERNAME", DurablePostgres.USER);
            environment.put("SPRING_R2DBC_PASSWORD", "");
            environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", servers.bootstrapServers());
        }
        environment.put("SERVER_PORT", String.valueOf(OwnServers.freePort()));
        environment.put("RECON_OPS_API_KEY", ApiClient.OPS_KEY);
        environment.put("RECON_SANDBOX_AUTO_CONFIRM", "false");
    }

    /** A service on a new temporary work directory; {@code arguments} are Spring properties ({@code --a.b=c}). */
    public static ServiceProcess create(String... arguments) {
        return withJvmOptions(TEST_JVM_OPTIONS, arguments);
    }

    /**
     * Like {@link #create}, with these JVM options instead of the tests' ({@code -Xmx512m -XX:TieredStopAtLevel=1}),
     * e.g. for a measurement.
     */
    public static ServiceProcess withJvmOptions(List<String> jvmOptions, String... arguments) {
        return create(jvmOptions, arguments, null);
    }

    /**
     * A service that starts no PostgreSQL or broker of its own ({@code RECON_EMBEDDED=false}) and uses these servers',
     * through the standard {@code SPRING_*} variables, as further instances (replicas) do: several such services share
     * one database and one consumer group. Its work directory holds only {@code service.log}.
     */
    public static ServiceProcess on(OwnServers servers, List<String> jvmOptions, String... arguments) {
        return create(jvmOptions, arguments, servers);
    }

    private static ServiceProcess create(List<String> jvmOptions, String[] arguments, OwnServers servers) {
        try {
            return new ServiceProcess(
                    Files.createTempDirectory("crowdrecon-service-"),
                    List.copyOf(jvmOptions),
                    List.of(arguments),
                    servers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the JVM and waits until {@code /actuator/health} answers UP. */
    public void startAndAwaitHealthy() {
        launch();
        await().atMost(START).pollInterval(Duration.ofMillis(500)).until(this::healthy);
    }

    /**
     * Starts the JVM and waits until {@code /actuator/health/readiness} answers 200 (what a Kubernetes readiness probe
     * asks: the database, the broker and the inbound consumers, which have joined their group), polling every 100 ms.
     */
    public void startAndAwaitReady() {
        launch();
        await().atMost(START)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> answers200("/actuator/health/readiness"));
    }

    /** Waits at most {@code timeout} for the JVM to exit; its exit value, or -1 if it still runs. */
    public int awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    ? process.exitValue()
                    : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EmbeddedReconApplication.class.getName());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs; its PostgreSQL server is left orphaned, its broker dies with it. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM: the service shuts down gracefully, on its own. */
    public void terminate() {
        process.destroy();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** The running JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** Its work directory (PostgreSQL data in {@code postgres/}, the Kafka log, {@code service.log}). */
    public Path workDirectory() {
        return workDirectory;
    }

    public String baseUrl() {
        return "http://localhost:" + environment.get("SERVER_PORT");
    }

    public String bootstrapServers() {
        return servers != null
                ? servers.bootstrapServers()
                : "localhost:" + environment.get("RECON_EMBEDDED_KAFKA_PORT");
    }

    /** Its PostgreSQL database over JDBC (user {@code postgres}, no password), while it runs. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort() + "/" + DurablePostgres.DATABASE;
    }

    /** The same database over R2DBC, pooled (at most {@code maxConnections}). */
    public String r2dbcUrl(int maxConnections) {
        return "r2dbc:pool:postgresql://postgres@localhost:" + postgresPort() + "/" + DurablePostgres.DATABASE
                + "?maxSize=" + maxConnections;
    }

    private String postgresPort() {
        return servers != null
                ? String.valueOf(servers.postgresPort())
                : environment.get("RECON_EMBEDDED_POSTGRES_PORT");
    }

    public ApiClient api() {
        return new ApiClient(web());
    }

    /** A client of its HTTP port on connections and an event loop of its own, not the JVM's global ones. */
    public WebTestClient web() {
        return WebTestClient.bindToServer(
                        new ReactorClientHttpConnector(reactor.netty.http.client.HttpClient.create(clientConnections)
                                .runOn(clientLoops)))
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** What the service has logged so far, over all its runs. */
    public String logText() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log() {
        return workDirectory.resolve("service.log");
    }

    private boolean answers200(String path) {
        if (!process.isAlive()) {
            throw new AssertionError("the service exited with " + process.exitValue() + "; log:\n" + logText());
        }
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean healthy() {
        if (!process.isAlive()) {
            throw new AssertionError("the service exited with " + process.exitValue() + "; log:\n" + logText());
        }
        try {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the service if it runs (SIGTERM, then SIGKILL), stops a PostgreSQL server a killed run left behind, and
     * deletes the work directory.
     */
    @Override
    public void close() {
        try {
            if (isAlive()) {
                process.destroy();
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            stopOrphanedPostgres();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clientConnections.dispose();
            clientLoops.dispose();
            keepLog();
            deleteRecursively(workDirectory);
        }
    }

    /** The service's log, kept in the build directory for a look after the test. */
    private void keepLog() {
        try {
            Path logs = Path.of(System.getProperty("build.dir", "target"), "service-logs");
            Files.createDirectories(logs);
            Files.copy(
                    log(),
                    logs.resolve(workDirectory.getFileName() + ".log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Only a convenience.
        }
    }

    private void stopOrphanedPostgres() throws InterruptedException {
        Path pidFile = workDirectory.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            String first =
                    Files.readString(pidFile).lines().findFirst().orElse("").trim();
            var postmaster = ProcessHandle.of(Long.parseLong(first));
            if (postmaster.isPresent() && postmaster.get().isAlive()) {
                postmaster.get().destroy();
                postmaster.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (IOException
                | NumberFormatException
                | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            // Best effort: the next start of a service on this directory would stop it too.
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
}
