package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.benchmark.CreditPlan.SeededOrder;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ServiceProcess;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * Load measurement of the live order streams ({@code GET /api/v1/orders/events}, SPEC.md section 7): how many
 * concurrent SSE clients one instance holds, and the delay from an order-status change to the wire. A program that
 * measures and reports, not a test:
 *
 * <pre>
 * flock /tmp/bench.lock ./mvnw -q -o -Dbuild.dir=target-streambench test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.1:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-Xmx2g -Dbuild.dir=target-streambench -cp %classpath io.crowdrecon.recon.benchmark.StreamLoadBenchmark"
 * </pre>
 *
 * <p>It starts the whole service as a separate JVM exactly as {@code ./mvnw spring-boot:run} does (embedded
 * PostgreSQL with fsync on, embedded Kafka broker in the service's JVM, free ports, a fresh work directory) with
 * {@code -Xmx1g} and a GC log. It onboards P portals through the API (portal, company, OPEN campaign, investor), then
 * opens C SSE connections per portal, each with its portal's key, plus one ops stream ({@code /api/v1/ops/events}),
 * from this JVM (Reactor Netty's HttpClient, the SSE lines parsed here), and waits until every one has sent
 * {@code : connected}. Then it drives real order-status changes through the API at R per second, round-robin over the
 * portals: create an order ({@code CREATED}, with an {@code Idempotency-Key}), mark it waiting ({@code WAITING}),
 * cancel it ({@code CANCELLED}), with at most F requests in flight; W seconds of warm-up, then D measured seconds.
 * With {@code --source=credits} the changes come from the bank feed instead, as most do in production: before the
 * clients connect, enough WAITING orders are written over JDBC (setup); then R credits per second, each paying one of
 * them exactly, are published to {@code recon.bank-notifications} (at most F unacknowledged), and every order becomes
 * {@code ACCOUNTED} when the service matches its credit. With {@code --source=log} no service work is behind the
 * changes: R order-status events per second are appended to the event log by the service's own event-log code (one
 * writer, one statement per batch of what is queued), so what is measured is the streams alone.
 *
 * <p>Delay: from the event's own {@code at} (the status change's timestamp in the SSE {@code data}, taken by the
 * service inside the transaction, before its commit) to the moment this JVM read the chunk that completed the event
 * off the socket; both are the host's wall clock (same machine). Also reported: from the moment the driving request
 * got its 2xx answer (negative when the event overtook the answer). Only events whose {@code at} falls in the
 * measured window count in the delay; correctness covers every event. Ground truth is the service's event log, read
 * over JDBC after the run: each portal client must receive every order event of its portal committed after it
 * connected exactly once, in increasing id order, and no other (the ops client: every event). Heap of the service:
 * {@code jstat} samples (500 ms), every GC pause from its GC log (the peak before a collection is the true peak of
 * used heap), and the live heap after a full GC ({@code jcmd GC.run}) before and after the clients connected.
 *
 * <p>Options: {@code --portals=P} (500), {@code --clients-per-portal=C} (20), {@code --rate=R} (1000),
 * {@code --duration=D} (60), {@code --warmup=W} (30: on 2 cores the JIT compilers
 * still take a third of a core 40 s into the run), {@code --in-flight=F} (64; 5000 with credits or log), {@code --ops-clients=N} (1),
 * {@code --connect-concurrency=N} (200 connections being opened at once), {@code --client-threads=N} (2 event
 * loops for the SSE clients), {@code --xmx=1g} (the service's heap), {@code --jvm=OPTION} (another JVM option of the
 * service, repeatable), {@code --prop=name=value} (a service property, repeatable), {@code --source=api|credits|log}
 * (what changes the orders: API calls, bank credits through Kafka, or events written into the log), {@code --jfr=FILE} (a JFR
 * recording, profile settings, of the service while the changes are driven), {@code --keep} (keep the GC log). Exit status: 0 when the run was valid (every client connected and held, every change caused (API: 2xx; credits: acknowledged and matched; log: committed), every
 * event delivered once and in order, nothing foreign, the target rate reached), 1 when it was not, 2 on an error.
 * Whether the targets (p99 &lt; 100 ms) were met is reported, not part of the exit status.
 */
public final class StreamLoadBenchmark {

    record Options(
            int portals,
            int clientsPerPortal,
            int rate,
            int durationSeconds,
            int warmupSeconds,
            int inFlight,
            int opsClients,
            int connectConcurrency,
            int clientThreads,
            String xmx,
            List<String> jvmOptions,
            List<String> properties,
            String jfr,
            Source source,
            boolean keep) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> jvm = new ArrayList<>();
            List<String> properties = new ArrayList<>();
            boolean keep = false;
            for (String arg : args) {
                for (String a : arg.trim().split("\\s+")) {
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (a.equals("--keep")) {
                        keep = true;
                    } else if (a.startsWith("--jvm=")) {
                        jvm.add(a.substring(6));
                    } else if (a.startsWith("--prop=") && a.indexOf('=', 7) > 7) {
                        properties.add("--" + a.substring(7));
                    } else if (a.startsWith("--") && a.indexOf('=') > 2) {
                        values.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                    } else {
                        throw new IllegalArgumentException("unknown argument " + a + " (see the class comment)");
                    }
                }
            }
            Options o = new Options(
                    integer(values, "portals", 500),
                    integer(values, "clients-per-portal", 20),
                    integer(values, "rate", 1000),
                    integer(values, "duration", 60),
                    integer(values, "warmup", 30),
                    // A credit or a log event is in flight until it is acknowledged or committed; both pipeline.
                    integer(values, "in-flight", "api".equals(values.getOrDefault("source", "api")) ? 64 : 5000),
                    integer(values, "ops-clients", 1),
                    integer(values, "connect-concurrency", 200),
                    integer(values, "client-threads", 2),
                    values.getOrDefault("xmx", "1g"),
                    jvm,
                    properties,
                    values.get("jfr"),
                    Source.parse(values.getOrDefault("source", "api")),
                    keep);
            values.keySet()
                    .removeAll(List.of(
                            "portals",
                            "clients-per-portal",
                            "rate",
                            "duration",
                            "warmup",
                            "in-flight",
                            "ops-clients",
                            "connect-concurrency",
                            "client-threads",
                            "xmx",
                            "jfr",
                            "source"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + values.keySet() + " (see the class comment)");
            }
            return o;
        }

        private static int integer(Map<String, String> values, String name, int fallback) {
            String v = values.get(name);
            return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
        }

        int clients() {
            return portals * clientsPerPortal;
        }
    }

    /** What changes the orders. */
    enum Source {
        /** Portal API calls: create, waiting, cancelled. */
        API("API calls"),
        /** Bank credits on Kafka that pay seeded WAITING orders. */
        CREDITS("bank credits through Kafka"),
        /** Events appended to the event log with no service work behind them: the streams alone. */
        LOG("events appended to the event log by its own code");

        final String description;

        Source(String description) {
            this.description = description;
        }

        static Source parse(String value) {
            return switch (value) {
                case "api" -> API;
                case "credits" -> CREDITS;
                case "log" -> LOG;
                default -> throw new IllegalArgumentException("--source is api, credits or log, not " + value);
            };
        }
    }

    private final Options options;
    private final List<String> report = new ArrayList<>();
    private final List<String> invalid = new ArrayList<>();

    private StreamLoadBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new StreamLoadBenchmark(Options.parse(args)).run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private static void log(String message) {
        System.out.printf("[stream-bench %s] %s%n", Instant.now().toString().substring(11, 19), message);
    }

    private int run() throws Exception {
        Path benchDirectory = Files.createTempDirectory("crowdrecon-streambench-");
        Path gcLog = benchDirectory.resolve("service-gc.log");
        List<String> jvm = new ArrayList<>();
        jvm.add("-Xmx" + options.xmx());
        jvm.add("-Xlog:gc:file=" + gcLog + ":time");
        jvm.addAll(options.jvmOptions());
        log(String.format(
                "%d portals x %d clients (+%d ops), %d changes/s for %d s (+%d s warm-up); service JVM %s",
                options.portals(),
                options.clientsPerPortal(),
                options.opsClients(),
                options.rate(),
                options.durationSeconds(),
                options.warmupSeconds(),
                jvm));
        try (ServiceProcess service =
                ServiceProcess.withJvmOptions(jvm, options.properties().toArray(String[]::new))) {
            long started = System.nanoTime();
            service.startAndAwaitHealthy();
            log(String.format("service up in %.1f s (pid %d)", (System.nanoTime() - started) / 1e9, service.pid()));
            int code = measure(service, gcLog);
            report.add("service log: "
                    + Path.of(System.getProperty("build.dir", "target"), "service-logs")
                            .toAbsolutePath()
                            .resolve(service.workDirectory().getFileName() + ".log")
                    + (options.keep() ? "; GC log: " + gcLog : ""));
            printReport();
            return code;
        } finally {
            if (!options.keep()) {
                try (Stream<Path> files = Files.walk(benchDirectory)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private int measure(ServiceProcess service, Path gcLog) throws Exception {
        long pid = service.pid();
        long postmaster = Probes.postmasterPid(service.workDirectory().resolve("postgres"));
        ConnectionProvider driverConnections = ConnectionProvider.builder("bench-driver")
                .maxConnections(options.inFlight() + 16)
                .pendingAcquireMaxCount(-1)
                .build();
        LoopResources driverLoops = LoopResources.create("bench-driver", 1, true);
        HttpClient driverHttp = HttpClient.create(driverConnections)
                .runOn(driverLoops)
                .baseUrl(service.baseUrl())
                .responseTimeout(Duration.ofSeconds(60));
        ConnectionProvider sseConnections = ConnectionProvider.builder("bench-sse")
                .maxConnections(options.clients() + options.opsClients() + 100)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(10))
                .build();
        LoopResources sseLoops = LoopResources.create("bench-sse", options.clientThreads(), true);
        HttpClient sseHttp = HttpClient.create(sseConnections).runOn(sseLoops).baseUrl(service.baseUrl());
        try (Connection db = jdbc(service.jdbcUrl())) {
            ChangeDriver setup = new ChangeDriver(driverHttp, List.of(), 1);
            long t = System.nanoTime();
            List<Portal> portals = Flux.range(0, options.portals())
                    .flatMapSequential(i -> onboard(setup, i), 8)
                    .collectList()
                    .block(Duration.ofMinutes(30));
            log(String.format("onboarded %d portals in %.1f s", portals.size(), (System.nanoTime() - t) / 1e9));
            Map<Portal, List<SeededOrder>> seeded = options.source() == Source.CREDITS ? seed(db, portals) : Map.of();

            long liveBefore = ProcessProbes.liveHeapMb(pid);
            long seqBefore = lastSeq(db);
            ProcessProbes.HeapSampler heap = new ProcessProbes.HeapSampler(pid, 500);
            Instant heapFrom = Instant.now();

            // ---- connect every client and wait for ": connected"
            List<SseClient> clients = new ArrayList<>();
            for (Portal portal : portals) {
                for (int j = 0; j < options.clientsPerPortal(); j++) {
                    clients.add(new SseClient(clients.size(), portal.index, j == 0));
                }
            }
            for (int j = 0; j < options.opsClients(); j++) {
                clients.add(new SseClient(clients.size(), -1, false));
            }
            log("connecting " + clients.size() + " SSE clients");
            long connectStart = System.nanoTime();
            Flux.fromIterable(clients)
                    .flatMap(
                            c -> {
                                open(sseHttp, c, c.portal < 0 ? null : portals.get(c.portal), -1, seqBefore);
                                return Mono.fromFuture(c.connected);
                            },
                            options.connectConcurrency())
                    .blockLast(Duration.ofMinutes(15));
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            long connected = clients.stream().filter(SseClient::isConnected).count();
            log(String.format("%d of %d connected in %.1f s", connected, clients.size(), connectSeconds));
            if (connected < clients.size()) {
                invalid.add((clients.size() - connected) + " clients did not connect");
                clients.stream()
                        .filter(c -> c.droppedBecause != null)
                        .map(c -> c.droppedBecause)
                        .distinct()
                        .limit(3)
                        .forEach(r -> log("  connect failure: " + r));
            }
            long liveWithClients = ProcessProbes.liveHeapMb(pid);
            if (lastSeq(db) != seqBefore) {
                log("note: events were committed while the clients connected (" + seqBefore + " -> " + lastSeq(db)
                        + "); they are not expected by clients that connected before them");
            }

            // ---- drive the changes
            Map<String, Long> serviceCpu0 = ProcessProbes.threadTicks(pid);
            long postgresCpu0 = ProcessProbes.processTicks(postmaster, true);
            Map<String, Long> benchCpu0 =
                    ProcessProbes.threadTicks(ProcessHandle.current().pid());
            long[] machine0 = ProcessProbes.machineTicks();
            if (options.jfr() != null) {
                ProcessProbes.jcmd(pid, "JFR.start", "name=streambench", "settings=profile");
            }
            long wall0 = System.nanoTime();
            PacedDriver driver =
                    switch (options.source()) {
                        case API -> new ChangeDriver(driverHttp, portals, options.inFlight());
                        case CREDITS ->
                            new CreditDriver(service.bootstrapServers(), portals, seeded, options.inFlight());
                        case LOG -> new LogDriver(service.r2dbcUrl(1), portals, options.inFlight());
                    };
            long driveStartMicros = ChangeDriver.wallMicros();
            long measureFromMicros = driveStartMicros + options.warmupSeconds() * 1_000_000L;
            long measureToMicros = measureFromMicros + options.durationSeconds() * 1_000_000L;
            log(String.format(
                    "driving %d changes/s for %d s (%d s warm-up, then %d s measured)",
                    options.rate(),
                    options.warmupSeconds() + options.durationSeconds(),
                    options.warmupSeconds(),
                    options.durationSeconds()));
            driver.drive(
                    options.rate(),
                    Duration.ofSeconds(options.warmupSeconds() + options.durationSeconds()),
                    Duration.ofSeconds(60));
            long wall1 = System.nanoTime();
            Map<String, Long> serviceCpu1 = ProcessProbes.threadTicks(pid);
            long postgresCpu1 = ProcessProbes.processTicks(postmaster, true);
            Map<String, Long> benchCpu1 =
                    ProcessProbes.threadTicks(ProcessHandle.current().pid());
            long[] machine1 = ProcessProbes.machineTicks();
            if (options.jfr() != null) {
                Path recording = Path.of(options.jfr()).toAbsolutePath();
                ProcessProbes.jcmd(pid, "JFR.dump", "name=streambench", "filename=" + recording);
                ProcessProbes.jcmd(pid, "JFR.stop", "name=streambench");
                report.add("JFR recording of the service while driving: " + recording);
            }
            double driveSeconds = (driver.finishedNanos - driver.startedNanos) / 1e9;
            log(String.format(
                    "%d changes caused (%s) of %d started in %.1f s",
                    driver.succeeded.get(), driver.causeName(), driver.sent.get(), driveSeconds));
            if (driver instanceof CreditDriver credits) {
                credits.close();
                awaitAccounted(db, driver.succeeded.get(), Duration.ofMinutes(2));
            } else if (driver instanceof LogDriver log) {
                log.close();
            }

            // ---- ground truth: the event log; then wait until every expected delivery arrived
            Truth truth = Truth.read(db, seqBefore, portals);
            long expectedDeliveries = 0;
            for (SseClient c : clients) {
                if (c.isConnected()) {
                    expectedDeliveries += c.portal < 0 ? truth.size() : truth.perPortal[c.portal];
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long received = received(clients);
            while (received < expectedDeliveries && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                received = received(clients);
            }
            // A quiet second more: a late duplicate or stray event would show up here.
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            heap.close();
            clients.forEach(SseClient::close);

            // ---- analysis
            analyse(
                    clients,
                    truth,
                    driver,
                    measureFromMicros,
                    measureToMicros,
                    connected,
                    connectSeconds,
                    driveSeconds);
            heapReport(heap, gcLog, heapFrom, measureFromMicros, measureToMicros, liveBefore, liveWithClients);
            cpuReport(
                    serviceCpu0,
                    serviceCpu1,
                    postgresCpu1 - postgresCpu0,
                    benchCpu0,
                    benchCpu1,
                    machine0,
                    machine1,
                    (wall1 - wall0) / 1e9);
            serviceLogReport(service);
            return invalid.isEmpty() ? 0 : 1;
        } finally {
            sseConnections.disposeLater().block(Duration.ofSeconds(30));
            sseLoops.disposeLater().block(Duration.ofSeconds(30));
            driverConnections.disposeLater().block(Duration.ofSeconds(30));
            driverLoops.disposeLater().block(Duration.ofSeconds(30));
        }
    }

    // ------------------------------------------------------------------ world and streams

    /**
     * For {@code --source=credits}: every WAITING order the credits will pay, as many per portal as it gets ticks
     * (and one more), written over JDBC before the clients connect (setup, not measured; no event announces them).
     */
    private Map<Portal, List<SeededOrder>> seed(Connection db, List<Portal> portals) throws SQLException {
        long started = System.nanoTime();
        long ticks = (long) options.rate() * (options.warmupSeconds() + options.durationSeconds());
        int perPortal = (int) (ticks / portals.size()) + 1;
        Map<Portal, List<SeededOrder>> seeded = SeededOrders.forPortals(db, portals, perPortal);
        log(String.format(
                "seeded %,d WAITING orders (%d per portal) in %.1f s",
                (long) perPortal * portals.size(), perPortal, (System.nanoTime() - started) / 1e9));
        return seeded;
    }

    /** Waits until the service decided every published credit: the seeded orders they pay are ACCOUNTED. */
    private static void awaitAccounted(Connection db, long credits, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long accounted = 0;
        while (System.nanoTime() < deadline) {
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM purchase_order WHERE status = 'ACCOUNTED'")) {
                rs.next();
                accounted = rs.getLong(1);
            }
            if (accounted >= credits) {
                log(String.format("all %,d credits decided: their orders are ACCOUNTED", credits));
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        log(String.format("only %,d of %,d orders ACCOUNTED after %s", accounted, credits, timeout));
    }

    /** A portal with a company, an OPEN campaign and an investor, through the API. */
    static Mono<Portal> onboard(ChangeDriver api, int index) {
        String ops = ApiClient.OPS_KEY;
        return api.call(
                        HttpMethod.POST,
                        ops,
                        "/api/v1/ops/portals",
                        json(Map.of(
                                "name",
                                "Stream bench portal " + index,
                                "collectionIban",
                                Ibans.randomGerman(),
                                "feeAccountIban",
                                Ibans.randomGerman())),
                        null)
                .map(a -> a.expect(201).json())
                .flatMap(portal -> {
                    String portalId = portal.get("portalId").asString();
                    String key = portal.get("apiKey").asString();
                    return api.call(
                                    HttpMethod.POST,
                                    ops,
                                    "/api/v1/ops/companies",
                                    json(Map.of(
                                            "portalId",
                                            portalId,
                                            "name",
                                            "Stream bench Srl " + index,
                                            "fiscalCode",
                                            "12345678903",
                                            "iban",
                                            Ibans.randomGerman())),
                                    null)
                            .map(a -> a.expect(201).json().get("companyId").asString())
                            .flatMap(companyId -> api.call(
                                            HttpMethod.POST, key, "/api/v1/campaigns", json(campaign(companyId)), null)
                                    .map(a -> a.expect(201)
                                            .json()
                                            .get("campaignId")
                                            .asString())
                                    .flatMap(campaignId -> api.call(
                                                    HttpMethod.PUT,
                                                    key,
                                                    "/api/v1/campaigns/" + campaignId + "/opened",
                                                    null,
                                                    null)
                                            .map(a -> a.expect(200))
                                            .then(api.call(
                                                    HttpMethod.POST, key, "/api/v1/investors", json(investor()), null))
                                            .map(a -> new Portal(
                                                    index,
                                                    portalId,
                                                    key,
                                                    portal.get("collectionIban").asString(),
                                                    companyId,
                                                    campaignId,
                                                    a.expect(201)
                                                            .json()
                                                            .get("investorId")
                                                            .asString(),
                                                    Ibans.randomGerman()))));
                });
    }

    private static Map<String, Object> campaign(String companyId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyId", companyId);
        body.put("name", "Stream bench campaign");
        body.put("description", "stream load benchmark");
        body.put("targetAmountMin", 1000);
        body.put("targetAmountMax", 999_999_999);
        body.put("currency", "EUR");
        body.put("expectedClosingDate", "2030-12-31");
        body.put("portalSuccessFee", Map.of("fixedAmount", 0, "variableAmountPercentage", 0));
        return body;
    }

    static Map<String, Object> investor() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Mario");
        body.put("surname", "Rossi");
        body.put("fiscalCode", "RSSMRA81L04A859G");
        body.put("type", "NATURAL_PERSON");
        body.put("email", "mario.rossi@example.org");
        return body;
    }

    private static String json(Object body) {
        return ChangeDriver.JSON.writeValueAsString(body);
    }

    /** Resumptions allowed per client before a stream that keeps ending counts as dropped. */
    private static final int MAX_RESUMES = 10;

    /**
     * Opens the client's stream ({@code resumeAfter} >= 0: with that Last-Event-ID); its bytes are parsed on the
     * connection's event loop as they arrive. When the server ends a connected stream (it drops a client that fell
     * too far behind), the client resumes it with Last-Event-ID, as a real client would; after events before
     * {@code floor} none is expected.
     */
    private static void open(HttpClient http, SseClient client, Portal portal, long resumeAfter, long floor) {
        String key = portal == null ? ApiClient.OPS_KEY : portal.key;
        String path = portal == null ? "/api/v1/ops/events" : "/api/v1/orders/events";
        client.subscription = http.headers(h -> {
                    h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key)
                            .set(HttpHeaderNames.ACCEPT, "text/event-stream");
                    if (resumeAfter >= 0) {
                        h.set("Last-Event-ID", Long.toString(resumeAfter));
                    }
                })
                .get()
                .uri(path)
                .response((response, body) -> response.status().code() == 200
                        ? body.doOnNext(chunk -> client.onChunk(chunk, ChangeDriver.wallMicros()))
                                .then()
                        : body.aggregate()
                                .asString()
                                .defaultIfEmpty("")
                                .flatMap(text -> Mono.<Void>error(new IllegalStateException(
                                        "HTTP " + response.status().code() + " " + text))))
                .subscribe(
                        ignored -> {},
                        error -> endedOrResumed(http, client, portal, error.toString(), floor),
                        () -> endedOrResumed(http, client, portal, "the server ended the stream", floor));
    }

    private static void endedOrResumed(HttpClient http, SseClient client, Portal portal, String reason, long floor) {
        if (!client.closing && client.isConnected() && client.resumes < MAX_RESUMES) {
            open(http, client, portal, client.resumeAfter(reason, floor), floor);
        } else {
            client.ended(reason, ChangeDriver.wallMicros());
        }
    }

    private static long received(List<SseClient> clients) {
        long n = 0;
        for (SseClient c : clients) {
            n += c.count();
        }
        return n;
    }

    // ------------------------------------------------------------------ ground truth

    /** Every event committed after {@code seqBefore}, dense by seq (the sequence has no gaps). */
    private static final class Truth {
        final long seqBefore;
        final int[] portal; // -1: not an order event of a benchmark portal
        final boolean[] orderEvent;
        final long[] atMicros;
        final String[] answerKey; // orderId/STATUS
        final String[] payload;
        final int[] perPortal;
        final Map<String, Integer> byTopic = new LinkedHashMap<>();

        private Truth(long seqBefore, int n, int portals) {
            this.seqBefore = seqBefore;
            portal = new int[n];
            orderEvent = new boolean[n];
            atMicros = new long[n];
            answerKey = new String[n];
            payload = new String[n];
            perPortal = new int[portals];
        }

        int size() {
            return portal.length;
        }

        /** Index of {@code seq}, or -1 when outside the window. */
        int index(long seq) {
            long i = seq - seqBefore - 1;
            return i < 0 || i >= portal.length ? -1 : (int) i;
        }

        static Truth read(Connection db, long seqBefore, List<Portal> portals) throws SQLException {
            Map<String, Integer> portalIndex =
                    portals.stream().collect(Collectors.toMap(p -> p.portalId, p -> p.index));
            long last = lastSeq(db);
            Truth t = new Truth(seqBefore, (int) (last - seqBefore), portals.size());
            Arrays.fill(t.portal, -1);
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT seq, topic, portal_id, payload FROM event_log WHERE seq > ? AND seq <= ? ORDER BY seq")) {
                st.setLong(1, seqBefore);
                st.setLong(2, last);
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery()) {
                    long expected = seqBefore + 1;
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        if (seq != expected) {
                            throw new IllegalStateException("event log has a gap before seq " + seq);
                        }
                        expected++;
                        int i = (int) (seq - seqBefore - 1);
                        String topic = rs.getString(2);
                        t.byTopic.merge(topic, 1, Integer::sum);
                        t.payload[i] = rs.getString(4);
                        if (!"recon.order-events".equals(topic)) {
                            continue;
                        }
                        t.orderEvent[i] = true;
                        JsonNode data = ChangeDriver.JSON.readTree(t.payload[i]);
                        JsonNode at = data.get("at");
                        Instant instant = at.isNumber()
                                ? Instant.ofEpochSecond(0, (long) (at.asDouble() * 1e9))
                                : Instant.parse(at.asString());
                        t.atMicros[i] = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
                        t.answerKey[i] = data.get("orderId").asString() + "/"
                                + data.get("status").asString();
                        Integer p = portalIndex.get(rs.getString(3));
                        if (p != null) {
                            t.portal[i] = p;
                            t.perPortal[p]++;
                        }
                    }
                }
            }
            return t;
        }
    }

    private static Connection jdbc(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("ApplicationName", "crowdrecon-stream-bench");
        return DriverManager.getConnection(url, props);
    }

    private static long lastSeq(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT last_seq FROM event_sequence WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------ analysis

    private void analyse(
            List<SseClient> clients,
            Truth truth,
            PacedDriver driver,
            long fromMicros,
            long toMicros,
            long connected,
            double connectSeconds,
            double driveSeconds) {
        int n = truth.size();
        boolean[] seen = new boolean[n];
        Longs fromAt = new Longs();
        Longs fromAnswer = new Longs();
        Longs fromAtWarmup = new Longs();
        Longs opsFromAt = new Longs();
        int slices = Math.max(1, (int) Math.ceil((toMicros - fromMicros) / 10_000_000.0));
        Longs[] bySlice = new Longs[slices];
        Arrays.setAll(bySlice, i -> new Longs());
        long expected = 0;
        long unique = 0;
        long duplicates = 0;
        long foreign = 0;
        long outOfOrder = 0;
        long malformed = 0;
        long dataChecked = 0;
        long dataMismatch = 0;
        long overtook = 0;
        long noAnswer = 0;
        int dropped = 0;
        int notConnected = 0;
        int clientsMissing = 0;
        Map<String, Integer> dropReasons = new LinkedHashMap<>();
        long portalClientDeliveries = 0;
        for (SseClient c : clients) {
            if (!c.isConnected()) {
                notConnected++;
                continue;
            }
            if (c.droppedBecause != null) {
                dropped++;
                dropReasons.merge(c.droppedBecause, 1, Integer::sum);
            }
            malformed += c.malformed;
            int count = c.count();
            long expectedHere = c.portal < 0 ? n : truth.perPortal[c.portal];
            expected += expectedHere;
            long uniqueHere = 0;
            long last = Long.MIN_VALUE;
            List<String> data = c.data();
            for (int k = 0; k < count; k++) {
                long id = c.id(k);
                if (id < last) {
                    outOfOrder++;
                }
                last = Math.max(last, id);
                int i = truth.index(id);
                boolean own = i >= 0 && (c.portal < 0 || truth.portal[i] == c.portal);
                if (!own) {
                    foreign++;
                    continue;
                }
                if (seen[i]) {
                    duplicates++;
                    continue;
                }
                seen[i] = true;
                uniqueHere++;
                if (k < data.size()) {
                    dataChecked++;
                    if (!data.get(k).equals(truth.payload[i])) {
                        dataMismatch++;
                    }
                }
                if (!truth.orderEvent[i]) {
                    continue;
                }
                long wire = c.wireMicros(k);
                long delay = wire - truth.atMicros[i];
                if (c.portal < 0) {
                    if (truth.atMicros[i] >= fromMicros && truth.atMicros[i] < toMicros) {
                        opsFromAt.add(delay);
                    }
                    continue;
                }
                portalClientDeliveries++;
                if (truth.atMicros[i] < fromMicros) {
                    fromAtWarmup.add(delay);
                } else if (truth.atMicros[i] < toMicros) {
                    fromAt.add(delay);
                    bySlice[(int) Math.min(slices - 1, (truth.atMicros[i] - fromMicros) / 10_000_000L)].add(delay);
                    Long answered = driver.causedMicros.get(truth.answerKey[i]);
                    if (answered == null) {
                        noAnswer++;
                    } else {
                        fromAnswer.add(wire - answered);
                        if (wire < answered) {
                            overtook++;
                        }
                    }
                }
            }
            // Clear what this client marked, for the next one.
            for (int k = 0; k < count; k++) {
                int i = truth.index(c.id(k));
                if (i >= 0) {
                    seen[i] = false;
                }
            }
            unique += uniqueHere;
            if (uniqueHere < expectedHere) {
                clientsMissing++;
            }
        }
        long missing = expected - unique;

        // Changes in the measured window, from the log: at in [from, to).
        long windowChanges = 0;
        long orderEvents = 0;
        // A credit is published before the change it causes; an answer or a commit comes after it.
        boolean causeFirst = options.source() == Source.CREDITS;
        Longs causeAndChange = new Longs();
        for (int i = 0; i < n; i++) {
            if (truth.orderEvent[i]) {
                orderEvents++;
                if (truth.atMicros[i] >= fromMicros && truth.atMicros[i] < toMicros) {
                    windowChanges++;
                    Long answered = driver.causedMicros.get(truth.answerKey[i]);
                    if (answered != null) {
                        causeAndChange.add(causeFirst ? truth.atMicros[i] - answered : answered - truth.atMicros[i]);
                    }
                }
            }
        }
        double windowSeconds = (toMicros - fromMicros) / 1e6;
        double windowRate = windowChanges / windowSeconds;

        int heldClients = (int) (connected - dropped);
        List<SseClient> resumed = clients.stream().filter(c -> c.resumes > 0).toList();
        report.add(String.format(
                "CLIENTS: %,d SSE clients (%d portals x %d on /orders/events, %d on /ops/events) from one"
                        + " benchmark JVM; %,d connected (\": connected\" seen) in %.1f s, %,d still held at the end,"
                        + " %d dropped/disconnected",
                clients.size(),
                options.portals(),
                options.clientsPerPortal(),
                options.opsClients(),
                connected,
                connectSeconds,
                heldClients,
                dropped));
        dropReasons.forEach((reason, count) -> report.add("  dropped " + count + ": " + reason));
        if (!resumed.isEmpty()) {
            report.add(String.format(
                    "  %d clients (%s) resumed with Last-Event-ID %d times in all after the server ended their stream"
                            + " (last reason: %s)",
                    resumed.size(),
                    resumed.stream()
                            .map(c -> c.portal < 0 ? "ops" : "portal " + c.portal)
                            .distinct()
                            .limit(5)
                            .collect(Collectors.joining(", ")),
                    resumed.stream().mapToInt(c -> c.resumes).sum(),
                    resumed.get(0).lastResumeReason));
        }
        report.add(String.format(
                "CHANGES (%s): target %d/s; %,d started, %,d %s (%s) in %.1f s = %.0f/s, at most %d in flight;"
                        + " in the %d-s measured window %,d changes = %.0f/s; pacing: %,d of %,d started > 10 ms"
                        + " late (waiting for an in-flight slot), the latest %.1f s late",
                options.source().description,
                options.rate(),
                driver.sent.get(),
                driver.succeeded.get(),
                driver.causeName(),
                driver.byKind.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")),
                driveSeconds,
                driver.succeeded.get() / driveSeconds,
                options.inFlight(),
                options.durationSeconds(),
                windowChanges,
                windowRate,
                driver.lateTicks,
                driver.sent.get(),
                driver.maxLagNanos / 1e9));
        if (!driver.failures.isEmpty()) {
            report.add("  failed: " + driver.failures);
            driver.failureSamples.forEach(s -> report.add("    " + s));
        }
        report.add("  " + driver.causeName() + ", latency: " + Longs.percentiles(driver.causeMicros.sorted()));
        report.add("  "
                + (causeFirst
                        ? driver.causeName() + " -> status change (event 'at')"
                        : "status change -> " + driver.causeName())
                + ": " + Longs.percentiles(causeAndChange.sorted()));
        report.add(String.format(
                "DELAY status change -> wire (from the event's own 'at' timestamp in the SSE data, to the moment"
                        + " the client read it; %d-s window, %d portal clients):",
                options.durationSeconds(), heldClients - options.opsClients()));
        long[] delays = fromAt.sorted();
        report.add("  " + Longs.percentiles(delays));
        report.add("  from the " + driver.causeName() + " instead: " + Longs.percentiles(fromAnswer.sorted())
                + (options.source() != Source.API
                        ? ""
                        : String.format(
                                " (%.1f %% of the events reached the client before the answer reached the driver)",
                                100.0 * overtook / Math.max(1, fromAnswer.size()))));
        StringBuilder sliceLine = new StringBuilder("  p99 by 10-s slice of the window:");
        for (Longs slice : bySlice) {
            sliceLine.append(' ').append(Longs.ms(Longs.quantile(slice.sorted(), 0.99)));
        }
        report.add(sliceLine + " ms");
        report.add("  during the warm-up (not counted above):         " + Longs.percentiles(fromAtWarmup.sorted()));
        if (options.opsClients() > 0) {
            report.add("  the ops stream (/ops/events, every event):      " + Longs.percentiles(opsFromAt.sorted()));
        }
        report.add(String.format(
                "CORRECTNESS: %,d events committed during the run (%s), %,d order events of the benchmark portals;"
                        + " deliveries expected %,d, received %,d (unique), missing %,d (clients short: %d),"
                        + " duplicates %,d, foreign %,d, out of order %,d, malformed %,d; data checked against the log"
                        + " %,d, mismatched %,d; not connected %d, dropped %d",
                n,
                truth.byTopic,
                orderEvents,
                expected,
                unique,
                missing,
                clientsMissing,
                duplicates,
                foreign,
                outOfOrder,
                malformed,
                dataChecked,
                dataMismatch,
                notConnected,
                dropped));
        if (noAnswer > 0) {
            report.add("  note: " + noAnswer + " delivered events had no " + driver.causeName()
                    + " recorded (not in the delay from it)");
        }
        if (notConnected > 0) {
            invalid.add(notConnected + " clients never connected");
        }
        if (dropped > 0) {
            invalid.add(dropped + " clients dropped");
        }
        if (missing > 0) {
            invalid.add(missing + " deliveries missing");
        }
        if (duplicates > 0 || foreign > 0 || outOfOrder > 0 || malformed > 0 || dataMismatch > 0) {
            invalid.add("wrong deliveries (duplicates/foreign/out of order/malformed/mismatched data)");
        }
        if (!driver.failures.isEmpty()) {
            invalid.add("failed changes " + driver.failures);
        }
        if (windowRate < 0.98 * options.rate()) {
            invalid.add(String.format("the driver reached %.0f changes/s, not %d", windowRate, options.rate()));
        }
        if (portalClientDeliveries == 0) {
            invalid.add("no delivery measured");
        }
        long p99 = Longs.quantile(delays, 0.99);
        report.add(String.format(
                "TARGET (10,000 clients within 1 GB heap, p99 < 100 ms at 1,000 changes/s): clients %,d held %s;"
                        + " p99 %s ms %s; rate %.0f/s %s",
                heldClients,
                heldClients >= 10_000 ? "MET" : "not met",
                Longs.ms(p99),
                delays.length > 0 && p99 < 100_000 ? "MET" : "NOT MET",
                windowRate,
                windowRate >= 0.98 * 1000 ? "MET" : "not met"));
    }

    private void heapReport(
            ProcessProbes.HeapSampler heap,
            Path gcLog,
            Instant heapFrom,
            long fromMicros,
            long toMicros,
            long liveBefore,
            long liveWithClients)
            throws IOException {
        List<ProcessProbes.GcPause> pauses = ProcessProbes.GcPause.read(gcLog);
        long peakBefore = 0;
        long maxAfter = 0;
        long heapSize = 0;
        int windowGcs = 0;
        double windowPauseMillis = 0;
        double maxPause = 0;
        for (ProcessProbes.GcPause p : pauses) {
            if (p.at().isBefore(heapFrom) || p.kind().contains("System.gc")) {
                continue;
            }
            peakBefore = Math.max(peakBefore, p.beforeMb());
            maxAfter = Math.max(maxAfter, p.afterMb());
            heapSize = Math.max(heapSize, p.heapMb());
            long at = p.at().getEpochSecond() * 1_000_000L + p.at().getNano() / 1000;
            if (at >= fromMicros && at < toMicros) {
                windowGcs++;
                windowPauseMillis += p.millis();
                maxPause = Math.max(maxPause, p.millis());
            }
        }
        int clients = options.clients() + options.opsClients();
        report.add(String.format(
                "SERVICE HEAP (-Xmx%s, the embedded Kafka broker shares this JVM): peak used %d MB (highest"
                        + " heap-before-GC in the GC log; jstat every 500 ms: %d MB, committed peak %d MB);"
                        + " highest after a GC %d MB; live after a full GC: %d MB before the clients, %d MB with"
                        + " %,d connected (%.1f KB per client)",
                options.xmx(),
                peakBefore,
                heap.maxUsedMb(),
                heap.maxCommittedMb(),
                maxAfter,
                liveBefore,
                liveWithClients,
                clients,
                (liveWithClients - liveBefore) * 1024.0 / clients));
        report.add(String.format(
                "  GC in the measured window: %d pauses, %.0f ms in total (%.2f %% of the time), longest %.1f ms;"
                        + " heap size %d MB",
                windowGcs,
                windowPauseMillis,
                windowPauseMillis / ((toMicros - fromMicros) / 1000.0) * 100,
                maxPause,
                heapSize));
    }

    private void cpuReport(
            Map<String, Long> service0,
            Map<String, Long> service1,
            long postgresTicks,
            Map<String, Long> bench0,
            Map<String, Long> bench1,
            long[] machine0,
            long[] machine1,
            double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        double machineBusy = (double) (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]) * cores;
        Map<String, Long> service = delta(service0, service1);
        Map<String, Long> bench = delta(bench0, bench1);
        double serviceCores =
                cores(service.values().stream().mapToLong(Long::longValue).sum(), seconds);
        double postgresCores = cores(postgresTicks, seconds);
        double benchCores =
                cores(bench.values().stream().mapToLong(Long::longValue).sum(), seconds);
        report.add(String.format(
                "CPU while driving (%.0f s, %d cores): machine %.2f cores busy; service JVM %.2f, PostgreSQL %.2f,"
                        + " this benchmark JVM (clients + driver) %.2f, other processes %.2f",
                seconds,
                cores,
                machineBusy,
                serviceCores,
                postgresCores,
                benchCores,
                Math.max(0, machineBusy - serviceCores - postgresCores - benchCores)));
        report.add("  service threads: " + top(service, seconds, 9));
        report.add("  benchmark threads: " + top(bench, seconds, 5));
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    private static double cores(long ticks, double seconds) {
        return ticks / (double) ProcessProbes.TICKS_PER_SECOND / seconds;
    }

    private static String top(Map<String, Long> ticks, double seconds, int n) {
        return ticks.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .map(e -> String.format("%s %.2f", e.getKey(), cores(e.getValue(), seconds)))
                .collect(Collectors.joining(", "));
    }

    private void serviceLogReport(ServiceProcess service) {
        report.addAll(ProcessProbes.logWarnings(service.logText()));
    }

    private void printReport() {
        report.add(
                invalid.isEmpty()
                        ? "RUN: VALID (every client connected and held, every event delivered once, in order, to its"
                                + " portal's clients only; every change caused; target rate reached)"
                        : "RUN: INVALID: " + String.join("; ", invalid));
        System.out.println();
        System.out.println("=== crowdrecon live stream load ===");
        report.forEach(System.out::println);
    }
}
