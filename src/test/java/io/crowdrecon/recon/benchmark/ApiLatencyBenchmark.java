package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.testing.ServiceProcess;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * How long a portal waits for {@code POST /api/v1/orders} at a steady rate. A program, not a test:
 *
 * <pre>
 * ./mvnw -q -Dbuild.dir=target-apibench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:exec \
 *   -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-Dbuild.dir=target-apibench -cp %classpath io.crowdrecon.recon.benchmark.ApiLatencyBenchmark --rate=200"
 * </pre>
 *
 * <p>The service runs as a JVM of its own ({@code -Xmx1g}, its embedded PostgreSQL (fsync on) and broker inside it,
 * as {@code StreamLoadBenchmark} runs it). It onboards {@code --portals=P} portals (10), each with an open campaign
 * and {@code --investors=I} investors (50), then creates orders at {@code --rate=R} per second (200) round-robin
 * over the portals and their investors, for {@code --warmup=W} seconds (60, not reported) and then
 * {@code --duration=D} seconds (60, reported), with at most {@code --in-flight=F} requests open (256). A request's
 * latency runs from the moment it was due on the schedule (not when it was sent: a late send counts against the
 * service, no coordinated omission) to its answer's last byte. {@code -Djfr=FILE} records the service with JFR
 * (profile settings). Exit status 0 when every request answered 201.
 */
public final class ApiLatencyBenchmark {

    private static final long TARGET_MICROS = 50_000;

    private ApiLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, Integer> o = new HashMap<>(
                Map.of("portals", 10, "investors", 50, "rate", 200, "warmup", 60, "duration", 60, "in-flight", 256));
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0 || !o.containsKey(a.substring(2, eq))) {
                throw new IllegalArgumentException("unknown argument " + a + " (see the class comment)");
            }
            o.put(a.substring(2, eq), Integer.parseInt(a.substring(eq + 1)));
        }
        int code;
        Path gcLog = Files.createTempFile("api-bench-gc", ".log");
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Xlog:gc:file=" + gcLog + ":time"));
        String jfr = System.getProperty("jfr");
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        try (ServiceProcess service = ServiceProcess.withJvmOptions(jvm)) {
            service.startAndAwaitHealthy();
            code = measure(service, o, gcLog);
        }
        Files.deleteIfExists(gcLog);
        System.exit(code);
    }

    private static int measure(ServiceProcess service, Map<String, Integer> o, Path gcLog) throws IOException {
        ConnectionProvider connections = ConnectionProvider.builder("api-bench")
                .maxConnections(o.get("in-flight") + 16)
                .pendingAcquireMaxCount(-1)
                .build();
        LoopResources loops = LoopResources.create("api-bench", 1, true);
        HttpClient http = HttpClient.create(connections)
                .runOn(loops)
                .baseUrl(service.baseUrl())
                .responseTimeout(Duration.ofSeconds(30));
        ChangeDriver api = new ChangeDriver(http, List.of(), 1);
        List<Portal> portals = Flux.range(0, o.get("portals"))
                .flatMapSequential(i -> StreamLoadBenchmark.onboard(api, i), 4)
                .collectList()
                .block(Duration.ofMinutes(10));
        Map<Portal, List<String>> investors = new LinkedHashMap<>();
        for (Portal portal : portals) {
            investors.put(
                    portal,
                    Flux.range(0, o.get("investors"))
                            .flatMapSequential(
                                    i -> api.call(
                                                    HttpMethod.POST,
                                                    portal.key,
                                                    "/api/v1/investors",
                                                    ChangeDriver.JSON.writeValueAsString(
                                                            StreamLoadBenchmark.investor()),
                                                    null)
                                            .map(a -> a.expect(201)
                                                    .json()
                                                    .get("investorId")
                                                    .asString()),
                                    8)
                            .collectList()
                            .block(Duration.ofMinutes(5)));
        }
        log(
                "onboarded %d portals x %d investors; %d orders/s: %d s warm-up, %d s measured",
                portals.size(), o.get("investors"), o.get("rate"), o.get("warmup"), o.get("duration"));

        int rate = o.get("rate");
        Semaphore permits = new Semaphore(o.get("in-flight"));
        Longs latencies = new Longs();
        // The due times (ms after the measured window opened) of the answers slower than the target: whether the
        // tail is a few stalls (clustered) or queueing spread over the run.
        Longs slowDue = new Longs();
        // Failures while warming up (a cold JVM may shed load with 503) are reported apart: only the measured
        // window decides the exit code.
        Map<String, AtomicLong> warmupFailures = new ConcurrentHashMap<>();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicLong answered = new AtomicLong();
        long warmupTicks = (long) rate * o.get("warmup");
        long ticks = warmupTicks + (long) rate * o.get("duration");
        long start = System.nanoTime();
        long cpuBefore = ProcessProbes.processTicks(service.pid(), false);
        long measuredFrom = 0;
        Instant measuredAt = Instant.now();
        long clientGcMillis = 0;
        for (long k = 0; k < ticks; k++) {
            long due = start + k * 1_000_000_000L / rate;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (k == warmupTicks) {
                measuredFrom = System.nanoTime();
                measuredAt = Instant.now();
                clientGcMillis = gcMillis();
                cpuBefore = ProcessProbes.processTicks(service.pid(), false);
            }
            permits.acquireUninterruptibly();
            Portal portal = portals.get((int) (k % portals.size()));
            List<String> its = investors.get(portal);
            String investor = its.get((int) ((k / portals.size()) % its.size()));
            boolean measured = k >= warmupTicks;
            long windowStart = measuredFrom;
            Map<String, AtomicLong> failed = measured ? failures : warmupFailures;
            api.call(
                            HttpMethod.POST,
                            portal.key,
                            "/api/v1/orders",
                            ChangeDriver.JSON.writeValueAsString(ChangeDriver.orderBody(portal, investor)),
                            UUID.randomUUID().toString())
                    .doFinally(s -> permits.release())
                    .subscribe(
                            answer -> {
                                answered.incrementAndGet();
                                if (answer.status() != 201) {
                                    failed.computeIfAbsent("HTTP " + answer.status(), x -> new AtomicLong())
                                            .incrementAndGet();
                                } else if (measured) {
                                    long micros = (System.nanoTime() - due) / 1000;
                                    latencies.add(micros);
                                    if (micros >= TARGET_MICROS) {
                                        slowDue.add((due - windowStart) / 1_000_000);
                                    }
                                }
                            },
                            error -> failed.computeIfAbsent(error.getClass().getSimpleName(), x -> new AtomicLong())
                                    .incrementAndGet());
        }
        permits.acquireUninterruptibly(o.get("in-flight"));
        double seconds = (System.nanoTime() - measuredFrom) / 1e9;
        long cpu = ProcessProbes.processTicks(service.pid(), false) - cpuBefore;
        long[] sorted = latencies.sorted();
        System.out.println();
        System.out.println("=== crowdrecon API latency: POST /api/v1/orders ===");
        System.out.printf(
                "%d orders/s for %d s after %d s of warm-up; %d portals x %d investors%n",
                rate, o.get("duration"), o.get("warmup"), portals.size(), o.get("investors"));
        System.out.println("created (measured): " + Longs.percentiles(sorted));
        System.out.printf(
                "service JVM (with its embedded broker): %.2f cores while measured (%.2f ms of CPU per order)%n",
                cpu / (double) ProcessProbes.TICKS_PER_SECOND / seconds,
                cpu * 1000.0 / ProcessProbes.TICKS_PER_SECOND / Math.max(1, sorted.length));
        System.out.println("answers " + answered.get() + " of " + ticks + "; failures while measured " + failures
                + ", while warming up " + warmupFailures);
        System.out.println(slowClusters(slowDue.sorted(), sorted.length));
        Instant from = measuredAt;
        Instant until = Instant.now();
        List<ProcessProbes.GcPause> pauses = ProcessProbes.GcPause.read(gcLog).stream()
                .filter(p -> !p.at().isBefore(from) && p.at().isBefore(until))
                .toList();
        System.out.printf(
                "service GC pauses while measured: %d, %.1f ms in all, longest %.1f ms; this client's GC: %d ms%n",
                pauses.size(),
                pauses.stream().mapToDouble(ProcessProbes.GcPause::millis).sum(),
                pauses.stream().mapToDouble(ProcessProbes.GcPause::millis).max().orElse(0),
                gcMillis() - clientGcMillis);
        boolean ok = failures.isEmpty() && answered.get() == ticks;
        System.out.printf("target p99 < 50 ms: %s%n", Longs.quantile(sorted, 0.99) < TARGET_MICROS ? "met" : "NOT met");
        connections.dispose();
        loops.dispose();
        return ok ? 0 : 1;
    }

    /**
     * How the answers slower than the target spread over the run: in how many 100 ms windows of their due time they
     * fall, and the windows holding most of them.
     */
    static String slowClusters(long[] sortedDueMillis, int answers) {
        Map<Long, Integer> byWindow = new java.util.TreeMap<>();
        for (long due : sortedDueMillis) {
            byWindow.merge(due / 100, 1, Integer::sum);
        }
        String top = byWindow.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                .limit(5)
                .map(e -> String.format("%.1f s: %d", e.getKey() / 10.0, e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
        return String.format(
                "answers >= %d ms: %d of %d, due in %d distinct 100 ms windows%s",
                TARGET_MICROS / 1000,
                sortedDueMillis.length,
                answers,
                byWindow.size(),
                top.isEmpty() ? "" : " (most: " + top + ")");
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                "[api-bench %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }
}
