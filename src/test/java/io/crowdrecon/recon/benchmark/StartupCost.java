package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.embedded.EmbeddedInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the production jar costs at rest: the time from its JVM's start to a ready answer of
 * {@code /actuator/health/readiness}, and its resident memory once idle, against an empty database (the schema
 * migrated, no rows) and a broker with the topics and nothing on them. A program, not a test:
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * ./mvnw -q -Dbuild.dir=target-startup test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:exec \
 *   -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-Dbuild.dir=target-startup -cp %classpath io.crowdrecon.recon.benchmark.StartupCost"
 * </pre>
 *
 * <p>It starts a PostgreSQL (fsync on) and a Kafka broker of its own, runs the jar once as the migration Job does
 * (Flyway on; it also creates the topics) and stops it, then starts it {@code --runs=N} times (3) as the Deployment
 * runs it: {@code k8s/base}'s JAVA_TOOL_OPTIONS (G1, -Xmx768m, ActiveProcessorCount=2…; MaxRAM at the pod's memory
 * limit) and ConfigMap settings that
 * apply here (Flyway off, no topic creation, the sandbox off, the actuator on a port of its own). Each run: from
 * {@code ProcessBuilder.start} to the first 200 of readiness (polled every 20 ms), Spring's own "Started … in" line,
 * then {@code --idle=S} seconds (60) with no traffic but the probes' (readiness every 5 s, as the kubelet), and the
 * RSS and thread count at the end ({@code /proc/PID/status}). {@code --jar=PATH} chooses the jar (default: the one in
 * {@code target/}), {@code --java=PATH} the {@code java} launcher (default: the one on the PATH; the image runs Java
 * 25), {@code --layout=} how the jar is run:
 *
 * <ul>
 *   <li>{@code jar} (default): {@code java -jar} the executable jar;
 *   <li>{@code extracted}: extracted as the image does ({@code -Djarmode=tools extract}), {@code java -jar} the
 *       application jar with its {@code lib/};
 *   <li>{@code aot}: extracted, then a training run as the image's build makes it ({@code -XX:AOTCacheOutput},
 *       {@code -Dspring.context.exit=onRefresh}, no database or broker reachable), then run with
 *       {@code -XX:AOTCache} (Java 25 and later).
 * </ul>
 *
 * Exit status 0 when every run became ready.
 */
public final class StartupCost {

    private static final String OPS_KEY = "startup-ops-key";
    /**
     * k8s/base/deployment.yaml's JAVA_TOOL_OPTIONS, and -XX:MaxRAM at the pod's memory limit (1664Mi): in its
     * container the JVM sizes itself (the initial heap, 1/64 of the memory) by the limit, not by this machine's RAM.
     */
    private static final String JAVA_TOOL_OPTIONS = "-XX:+UseG1GC -Xmx768m -XX:MaxDirectMemorySize=256m "
            + "-XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m -Xss512k -XX:ActiveProcessorCount=2 "
            + "-XX:+ExitOnOutOfMemoryError -XX:MaxRAM=1664m";

    private static final Pattern STARTED =
            Pattern.compile("Started \\w+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private StartupCost() {}

    record Run(double readySeconds, String springStarted, long rssKb, long peakRssKb, int threads) {}

    /** How to start the service: the command before its arguments, in a directory. */
    record Launch(List<String> command, Path directory) {}

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int idleSeconds = 60;
        Path jar = null;
        String java = "java";
        String layout = "jar";
        for (String a : args) {
            if (a.startsWith("--runs=")) {
                runs = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--idle=")) {
                idleSeconds = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--jar=")) {
                jar = Path.of(a.substring(6));
            } else if (a.startsWith("--java=")) {
                java = a.substring(7);
            } else if (a.startsWith("--layout=")
                    && List.of("jar", "extracted", "aot").contains(a.substring(9))) {
                layout = a.substring(9);
            } else {
                throw new IllegalArgumentException("unknown argument " + a + " (see the class comment)");
            }
        }
        if (jar == null) {
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                jar = files.filter(p -> p.getFileName().toString().matches("crowdrecon-.*\\.jar"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no target/crowdrecon-*.jar: ./mvnw package"));
            }
        }
        Path work = Files.createTempDirectory("crowdrecon-startup-");
        int code = 0;
        try (EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(work, 0, 0, 0, true)) {
            Map<String, Object> servers = infrastructure.springProperties();
            Launch launch = launch(layout, java, jar, work);
            System.out.println("[startup] " + layout + ": " + String.join(" ", launch.command()));
            System.out.println("[startup] migrating the empty database with the jar (Flyway on), then stopping it");
            Run migration = run(launch, servers, work, true, 0);
            System.out.printf(
                    "[startup] migration run ready in %.2f s (%s)%n",
                    migration.readySeconds(), migration.springStarted());
            List<Run> measured = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Run r = run(launch, servers, work, false, idleSeconds);
                measured.add(r);
                System.out.printf(
                        "[startup] run %d: ready %.2f s after start (%s); idle %d s: RSS %d MB (peak %d MB),"
                                + " %d threads%n",
                        i,
                        r.readySeconds(),
                        r.springStarted(),
                        idleSeconds,
                        r.rssKb() / 1024,
                        r.peakRssKb() / 1024,
                        r.threads());
                if (r.readySeconds() < 0) {
                    code = 1;
                }
            }
            System.out.println();
            System.out.println("=== crowdrecon cost at rest (" + jar.getFileName() + ", " + layout + ", "
                    + version(java) + ", " + JAVA_TOOL_OPTIONS + ") ===");
            System.out.println("start -> ready (s): "
                    + join(measured.stream().map(Run::readySeconds).toList()));
            System.out.println("idle RSS (MB):      "
                    + join(measured.stream().map(r -> r.rssKb() / 1024.0).toList()));
            System.out.println("peak RSS (MB):      "
                    + join(measured.stream().map(r -> r.peakRssKb() / 1024.0).toList()));
            System.out.println("threads:            "
                    + measured.stream().map(r -> String.valueOf(r.threads())).toList());
            System.out.printf(
                    "targets: ready < 8 s %s; idle RSS < 350 MB %s%n",
                    measured.stream().allMatch(r -> r.readySeconds() >= 0 && r.readySeconds() < 8) ? "met" : "NOT met",
                    measured.stream().allMatch(r -> r.rssKb() < 350 * 1024) ? "met" : "NOT met");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(code);
    }

    /** Prepares the layout: nothing for the jar; the extraction, and for {@code aot} the training run. */
    private static Launch launch(String layout, String java, Path jar, Path work) throws Exception {
        if (layout.equals("jar")) {
            return new Launch(List.of(java, "-jar", jar.toAbsolutePath().toString()), work);
        }
        Path app = work.resolve("app");
        exec(
                work,
                Map.of(),
                java,
                "-Djarmode=tools",
                "-jar",
                jar.toAbsolutePath().toString(),
                "extract",
                "--destination",
                app.toString(),
                "--application-filename",
                "crowdrecon.jar");
        if (layout.equals("extracted")) {
            return new Launch(List.of(java, "-jar", "crowdrecon.jar"), app);
        }
        // As docker/Dockerfile trains it: the context refreshed and closed before any bean starts, with nothing to
        // connect to (the image's build has no database and no broker).
        long started = System.nanoTime();
        exec(
                app,
                Map.of("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS, "SPRING_FLYWAY_ENABLED", "false"),
                java,
                "-XX:AOTCacheOutput=app.aot",
                "-Dspring.context.exit=onRefresh",
                "-jar",
                "crowdrecon.jar");
        System.out.printf(
                "[startup] training run and AOT cache: %.1f s, %d MB%n",
                (System.nanoTime() - started) / 1e9, Files.size(app.resolve("app.aot")) / (1024 * 1024));
        return new Launch(List.of(java, "-XX:AOTCache=app.aot", "-jar", "crowdrecon.jar"), app);
    }

    private static void exec(Path directory, Map<String, String> env, String... command) throws Exception {
        Path log = directory.resolve("exec-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; its log:\n" + Files.readString(log));
        }
        Files.delete(log);
    }

    private static String version(String java) throws Exception {
        Process process =
                new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String first = new String(process.getInputStream().readAllBytes())
                .lines()
                .findFirst()
                .orElse("?");
        process.waitFor();
        return first;
    }

    private static Run run(Launch launch, Map<String, Object> servers, Path work, boolean migrate, int idleSeconds)
            throws Exception {
        int port = freePort();
        int management = freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        env.put("SPRING_R2DBC_URL", servers.get("spring.r2dbc.url").toString());
        env.put("SPRING_R2DBC_USERNAME", servers.get("spring.r2dbc.username").toString());
        env.put("SPRING_R2DBC_PASSWORD", servers.get("spring.r2dbc.password").toString());
        env.put("SPRING_R2DBC_POOL_MAX_SIZE", "20");
        env.put("SPRING_FLYWAY_ENABLED", String.valueOf(migrate));
        env.put("SPRING_FLYWAY_URL", servers.get("spring.flyway.url").toString());
        env.put("SPRING_FLYWAY_USER", servers.get("spring.flyway.user").toString());
        env.put("SPRING_FLYWAY_PASSWORD", servers.get("spring.flyway.password").toString());
        env.put(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                servers.get("spring.kafka.bootstrap-servers").toString());
        env.put("SPRING_KAFKA_ADMIN_AUTO_CREATE", String.valueOf(migrate));
        env.put("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "20s");
        env.put("RECON_PAYMENT_WINDOW", "10d");
        env.put("RECON_SANDBOX_ENABLED", "false");
        env.put("RECON_OPS_API_KEY", OPS_KEY);
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(management));
        Path log = work.resolve("service-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI readiness = URI.create("http://localhost:" + management + "/actuator/health/readiness");
        long started = System.nanoTime();
        Process process = builder.start();
        double ready = -1;
        try {
            long deadline = started + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (status(http, readiness) == 200) {
                    ready = (System.nanoTime() - started) / 1e9;
                    break;
                }
                Thread.sleep(20); // polling a separate process: nothing to wait on but time
            }
            if (ready < 0) {
                System.out.println("[startup] not ready within 120 s; its log:\n" + Files.readString(log));
                return new Run(-1, "", 0, 0, 0);
            }
            for (int s = 0; s < idleSeconds; s += 5) {
                Thread.sleep(5_000); // idle on purpose, probed every 5 s as the kubelet does
                status(http, readiness);
            }
            Map<String, String> status = procStatus(process.pid());
            Matcher m = STARTED.matcher(Files.readString(log));
            String spring = m.find() ? "Spring: started in " + m.group(1) + " s, JVM up " + m.group(2) + " s" : "?";
            return new Run(
                    ready,
                    spring,
                    kb(status.get("VmRSS")),
                    kb(status.get("VmHWM")),
                    Integer.parseInt(status.getOrDefault("Threads", "0").trim()));
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int status(HttpClient http, URI uri) {
        try {
            return http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Map<String, String> procStatus(long pid) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    private static long kb(String value) {
        return value == null ? 0 : Long.parseLong(value.replace("kB", "").trim());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String join(List<Double> values) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            out.add(String.format("%.2f", v));
        }
        return String.join(" / ", out);
    }
}
