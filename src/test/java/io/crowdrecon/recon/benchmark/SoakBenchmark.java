package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.benchmark.CreditPlan.SeededOrder;
import io.crowdrecon.recon.benchmark.SoakCreditDriver.Sent;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.CamtFiles;
import io.crowdrecon.recon.testing.ServiceProcess;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * The soak (issue 25 item 3): the whole service as its own JVM ({@code -Xmx1g}, a GC log, embedded PostgreSQL and
 * Kafka broker inside it) under a steady mixed load for a long time, sampled every 10 s, and checked at the end that
 * nothing was lost, decided twice or delivered twice. A program that measures and reports, not a test:
 *
 * <pre>
 * ./mvnw -q -Dbuild.dir=target-soak test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:exec \
 *   -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-Xmx1g -Dbuild.dir=target-soak -cp %classpath io.crowdrecon.recon.benchmark.SoakBenchmark --duration=30m"
 * </pre>
 *
 * <p>Setup: P portals onboarded through the API (portal, company, OPEN campaign, investor), as many WAITING orders per
 * portal as it can get credits written over JDBC ({@link SeededOrders}), two webhook endpoints of portal 0 (every
 * event type) received in this JVM, N SSE clients spread over the portals' {@code /api/v1/orders/events} plus one
 * {@code /api/v1/ops/events}. Load, paced, all at once for the duration:
 *
 * <ul>
 *   <li>C bank credits/s on {@code recon.bank-notifications} ({@link SoakCreditDriver}): 90 % pay a seeded order
 *       exactly, 10 % do not match (no reference, an unknown order, the wrong amount);
 *   <li>A API writes/s ({@link SoakApiDriver}: create an order, mark it waiting, cancel it);
 *   <li>every {@code --statement-every} a camt.053 of portal 1's collection account posted to
 *       {@code /api/v1/ops/bank-files}: one booking day per statement window, listing exactly the credits the feed
 *       sent to that account in the window (so it reconciles), opening with the previous closing balance; one more
 *       for the last window when the load stops;
 *   <li>every {@code --export-every} an ops CSV export ({@code /api/v1/ops/exports/{kind}.csv}, the kinds in turn);
 *   <li>webhook endpoint "up" answers 200 always; "flaky" answers 503 during the first half of every
 *       {@code --webhook-period} (10 min), so it is down half the time.
 * </ul>
 *
 * <p>Every {@code --sample} one row of {@code soak.csv}: the service's heap after its last GC (GC log), RSS and
 * threads ({@code /proc}), R2DBC connections in use ({@code r2dbc_pool_acquired_connections} of
 * {@code /actuator/prometheus}), the consumer lag of group {@code crowdrecon} (AdminClient: end offsets − committed),
 * the outbox backlog (events after the relay's cursor, {@code relay_lease.last_seq}), the webhook backlog
 * ({@code recon_webhook_backlog}), event_log rows, the decision latency p50/p99 of the credits decided in the window
 * (send → {@code credit.recorded_at}), the SSE delay p99 of the deliveries read in the window (the event's {@code at} →
 * read) and the API p99 of the requests answered in it.
 *
 * <p>At the end the load stops, "flaky" comes back up, and the run waits (at most {@code --quiesce}) for the consumer
 * lag, the outbox backlog and the webhook backlog to be 0 and every credit decided. Then it checks: the audit
 * ({@code /api/v1/ops/audit}) has no breach; every credit sent was decided exactly once with its planned outcome; every
 * SSE client received every event of its portal exactly once in order (the ops client every event), ground truth the
 * event log; each webhook endpoint received (200) every event of its portal since it was registered exactly once
 * (distinct {@code webhook-id}, duplicates counted); every statement was BOOKED; every export answered 200. It writes
 * {@code soak.csv} and {@code soak.png} (one panel per metric) to {@code --out} and prints, per metric, the mean of the
 * first and the last half (after 2 minutes of warm-up), the slope per hour and UPWARD when the last half is more than
 * 10 % above the first and the slope positive.
 *
 * <p>Options: {@code --duration=30m} (90s, 10m, 1h), {@code --credits=50}, {@code --api=20}, {@code --sse=1000},
 * {@code --portals=10}, {@code --statement-every=5m}, {@code --export-every=1m}, {@code --sample=10s},
 * {@code --webhook-period=10m}, {@code --webhook-retry=5s,30s,1m} (the service's retry schedule: its default waits 30
 * min after the third failure, longer than the flaky endpoint is down), {@code --quiesce=5m}, {@code --warmup=2m},
 * {@code --out=DIR} (target-soak/soak-&lt;timestamp&gt;). Exit status: 0 when every check passed, 1 when one did not,
 * 2 on an error. The trends are reported, not part of the exit status.
 */
public final class SoakBenchmark {

    static final List<String> EVENT_TYPES = List.of(
            "crowdrecon.order.status-changed.v1",
            "crowdrecon.moneyout.created.v1",
            "crowdrecon.moneyout.status-changed.v1",
            "crowdrecon.payment-instruction.requested.v1",
            "crowdrecon.payment-instruction.status-changed.v1",
            "crowdrecon.unidentified-transfer.received.v1");

    static final List<String> EXPORT_KINDS =
            List.of("moneyins", "unidentified-transfers", "payment-instructions", "moneyouts", "refunds");

    static final String[] COLUMNS = {
        "elapsed_s",
        "heap_after_gc_mb",
        "rss_mb",
        "threads",
        "pool_acquired",
        "consumer_lag",
        "outbox_backlog",
        "webhook_backlog",
        "event_log_rows",
        "decision_p50_ms",
        "decision_p99_ms",
        "sse_delay_p99_ms",
        "api_p99_ms"
    };

    record Options(
            Duration duration,
            int credits,
            int api,
            int sse,
            int portals,
            Duration statementEvery,
            Duration exportEvery,
            Duration sample,
            Duration webhookPeriod,
            String webhookRetry,
            Duration quiesce,
            Duration warmup,
            Path out) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String arg : args) {
                for (String a : arg.trim().split("\\s+")) {
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (!a.startsWith("--") || a.indexOf('=') < 3) {
                        throw new IllegalArgumentException("unknown argument " + a + " (see the class comment)");
                    }
                    values.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                }
            }
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Options o = new Options(
                    SoakTrend.duration(values.getOrDefault("duration", "30m")),
                    Integer.parseInt(values.getOrDefault("credits", "50")),
                    Integer.parseInt(values.getOrDefault("api", "20")),
                    Integer.parseInt(values.getOrDefault("sse", "1000")),
                    Integer.parseInt(values.getOrDefault("portals", "10")),
                    SoakTrend.duration(values.getOrDefault("statement-every", "5m")),
                    SoakTrend.duration(values.getOrDefault("export-every", "1m")),
                    SoakTrend.duration(values.getOrDefault("sample", "10s")),
                    SoakTrend.duration(values.getOrDefault("webhook-period", "10m")),
                    values.getOrDefault("webhook-retry", "5s,30s,1m"),
                    SoakTrend.duration(values.getOrDefault("quiesce", "5m")),
                    SoakTrend.duration(values.getOrDefault("warmup", "2m")),
                    Path.of(values.getOrDefault(
                                    "out", System.getProperty("build.dir", "target-soak") + "/soak-" + stamp))
                            .toAbsolutePath());
            values.keySet()
                    .removeAll(List.of(
                            "duration",
                            "credits",
                            "api",
                            "sse",
                            "portals",
                            "statement-every",
                            "export-every",
                            "sample",
                            "webhook-period",
                            "webhook-retry",
                            "quiesce",
                            "warmup",
                            "out"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + values.keySet() + " (see the class comment)");
            }
            if (o.portals() < 2) {
                throw new IllegalArgumentException("--portals must be at least 2 (webhooks on 0, statements on 1)");
            }
            return o;
        }
    }

    private static final int WEBHOOK_PORTAL = 0;
    private static final int STATEMENT_PORTAL = 1;
    /** Resumptions allowed per SSE client before a stream that keeps ending counts as dropped. */
    private static final int MAX_RESUMES = 100;

    private final Options options;
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<double[]> samples = new CopyOnWriteArrayList<>();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<String> statementProblems = new CopyOnWriteArrayList<>();
    private final List<String> exports = new CopyOnWriteArrayList<>();
    private final List<String> exportProblems = new CopyOnWriteArrayList<>();
    private final SoakWindow exportLatency = new SoakWindow();
    private final SoakWindow statementLatency = new SoakWindow();
    private final AtomicBoolean flakyForcedUp = new AtomicBoolean();
    private volatile long startNanos;
    /** Where pool_acquired comes from (the pool's gauge, or pg_stat_activity when the scrape lacks it). */
    private volatile String poolSource = "?";

    private SoakBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new SoakBenchmark(Options.parse(args)).run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private static void log(String message) {
        System.out.printf("[soak %s] %s%n", Instant.now().toString().substring(11, 19), message);
    }

    private int run() throws Exception {
        Files.createDirectories(options.out());
        Path gcLog = options.out().resolve("service-gc.log");
        List<String> jvm = List.of("-Xmx1g", "-Xlog:gc:file=" + gcLog + ":time");
        // The receivers are http://127.0.0.1, which the embedded default allows (application-embedded.yml). Its retry
        // schedule waits 30 min after the third failure, longer than the flaky receiver is down: a shorter one.
        String[] properties = {"--recon.webhooks.retry-schedule=" + options.webhookRetry()};
        log(String.format(
                "%s: %d credits/s, %d API writes/s, %d SSE clients over %d portals, a statement every %s, an export"
                        + " every %s, samples every %s; service JVM %s %s; out %s",
                human(options.duration()),
                options.credits(),
                options.api(),
                options.sse(),
                options.portals(),
                human(options.statementEvery()),
                human(options.exportEvery()),
                human(options.sample()),
                jvm,
                String.join(" ", properties),
                options.out()));
        try (ServiceProcess service = ServiceProcess.withJvmOptions(jvm, properties)) {
            long started = System.nanoTime();
            service.startAndAwaitHealthy();
            log(String.format("service up in %.1f s (pid %d)", (System.nanoTime() - started) / 1e9, service.pid()));
            int code = soak(service, gcLog);
            report.add("service log: "
                    + Path.of(System.getProperty("build.dir", "target"), "service-logs")
                            .toAbsolutePath()
                            .resolve(service.workDirectory().getFileName() + ".log")
                    + "; GC log: " + gcLog);
            printReport();
            return code;
        }
    }

    private int soak(ServiceProcess service, Path gcLog) throws Exception {
        ConnectionProvider driverConnections = ConnectionProvider.builder("soak-driver")
                .maxConnections(256)
                .pendingAcquireMaxCount(-1)
                .build();
        LoopResources driverLoops = LoopResources.create("soak-driver", 1, true);
        HttpClient driverHttp = HttpClient.create(driverConnections)
                .runOn(driverLoops)
                .baseUrl(service.baseUrl())
                .responseTimeout(Duration.ofSeconds(60));
        ConnectionProvider sseConnections = ConnectionProvider.builder("soak-sse")
                .maxConnections(options.sse() + 100)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(10))
                .build();
        LoopResources sseLoops = LoopResources.create("soak-sse", 2, true);
        HttpClient sseHttp = HttpClient.create(sseConnections).runOn(sseLoops).baseUrl(service.baseUrl());
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        try (Connection db = jdbc(service.jdbcUrl());
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrapServers()));
                SoakWebhookReceiver up = new SoakWebhookReceiver("up", () -> false);
                SoakWebhookReceiver flaky = new SoakWebhookReceiver("flaky", this::flakyDown)) {
            // ---- setup
            ChangeDriver setup = new ChangeDriver(driverHttp, List.of(), 1);
            List<Portal> portals = Flux.range(0, options.portals())
                    .concatMap(i -> StreamLoadBenchmark.onboard(setup, i))
                    .collectList()
                    .block(Duration.ofMinutes(5));
            log(portals.size() + " portals onboarded");
            Map<Portal, List<SeededOrder>> seeded = seed(db, portals);
            Map<SoakWebhookReceiver, String> endpoints = new LinkedHashMap<>();
            for (SoakWebhookReceiver receiver : List.of(up, flaky)) {
                endpoints.put(receiver, register(setup, portals.get(WEBHOOK_PORTAL), receiver));
            }
            log("webhook endpoints " + endpoints.values() + " registered by portal 0: " + up.url() + " (always up), "
                    + flaky.url() + " (503 for the first half of every " + human(options.webhookPeriod()) + ")");
            long seqBefore = lastSeq(db);

            List<SoakSseClient> clients = new ArrayList<>();
            for (int i = 0; i < options.sse(); i++) {
                clients.add(new SoakSseClient(clients.size(), i % portals.size()));
            }
            clients.add(new SoakSseClient(clients.size(), -1));
            long connectStart = System.nanoTime();
            Flux.fromIterable(clients)
                    .flatMap(
                            c -> {
                                open(sseHttp, c, c.portal < 0 ? null : portals.get(c.portal), -1, seqBefore);
                                return Mono.fromFuture(c.connected);
                            },
                            200)
                    .blockLast(Duration.ofMinutes(10));
            long connected = clients.stream().filter(SoakSseClient::isConnected).count();
            log(String.format(
                    "%d of %d SSE clients connected in %.1f s",
                    connected, clients.size(), (System.nanoTime() - connectStart) / 1e9));
            if (connected < clients.size()) {
                failures.add((clients.size() - connected) + " SSE clients did not connect");
            }

            // ---- load
            SoakCreditDriver credits = new SoakCreditDriver(
                    service.bootstrapServers(),
                    portals,
                    seeded,
                    1000,
                    STATEMENT_PORTAL,
                    LocalDate.now(ZoneOffset.UTC).minusDays(1000));
            SoakApiDriver api = new SoakApiDriver(driverHttp, portals, 64);
            Portal statementPortal = portals.get(STATEMENT_PORTAL);
            Sampler sampler = new Sampler(service, gcLog, admin, credits, api, clients, portals, seqBefore);
            Statements statementWriter = new Statements(service, http, credits, statementPortal.collectionIban);
            startNanos = System.nanoTime();
            ScheduledExecutorService schedule = Executors.newScheduledThreadPool(3, r -> {
                Thread t = new Thread(r, "soak-schedule");
                t.setDaemon(true);
                return t;
            });
            long sampleMillis = options.sample().toMillis();
            schedule.scheduleAtFixedRate(sampler::sampleQuietly, sampleMillis, sampleMillis, TimeUnit.MILLISECONDS);
            long statementMillis = options.statementEvery().toMillis();
            if (statementMillis < options.duration().toMillis()) {
                schedule.scheduleAtFixedRate(
                        statementWriter::postQuietly, statementMillis, statementMillis, TimeUnit.MILLISECONDS);
            }
            long exportMillis = options.exportEvery().toMillis();
            int[] exportTurn = {0};
            schedule.scheduleAtFixedRate(
                    () -> export(service, http, EXPORT_KINDS.get(exportTurn[0]++ % EXPORT_KINDS.size())),
                    exportMillis,
                    exportMillis,
                    TimeUnit.MILLISECONDS);
            log(String.format(
                    "load for %s: %d credits/s, %d API writes/s",
                    human(options.duration()), options.credits(), options.api()));
            Thread creditThread = new Thread(
                    () -> credits.drive(options.credits(), options.duration(), Duration.ofSeconds(60)), "soak-credits");
            Thread apiThread =
                    new Thread(() -> api.drive(options.api(), options.duration(), Duration.ofSeconds(60)), "soak-api");
            creditThread.start();
            apiThread.start();
            creditThread.join();
            apiThread.join();
            schedule.shutdown();
            schedule.awaitTermination(2, TimeUnit.MINUTES);
            double loadSeconds = (System.nanoTime() - startNanos) / 1e9;
            log(String.format(
                    "load stopped after %.0f s: %,d credits acknowledged, %,d API writes answered 2xx",
                    loadSeconds, credits.succeeded.get(), api.succeeded.get()));
            credits.close();
            // The last window's statement: every run books at least one.
            statementWriter.postQuietly();

            // ---- quiescence
            flakyForcedUp.set(true);
            boolean quiet = quiesce(db, admin, credits);

            // ---- checks
            Map<String, long[]> decided = checkCredits(db, credits);
            checkAudit(service, http);
            checkStreams(db, sampler, clients);
            for (var e : endpoints.entrySet()) {
                checkWebhook(db, e.getKey(), e.getValue());
            }
            statementReport();
            exportReport();
            loadReport(credits, api, loadSeconds, decided);
            clients.forEach(SoakSseClient::close);
            trendReport();
            if (!quiet) {
                failures.add("not quiet within " + human(options.quiesce()) + " after the load");
            }
            serviceLogReport(service);
            return failures.isEmpty() ? 0 : 1;
        } finally {
            sseConnections.disposeLater().block(Duration.ofSeconds(30));
            sseLoops.disposeLater().block(Duration.ofSeconds(30));
            driverConnections.disposeLater().block(Duration.ofSeconds(30));
            driverLoops.disposeLater().block(Duration.ofSeconds(30));
        }
    }

    /** The flaky receiver answers 503 during the first half of every webhook period, until the load stops. */
    private boolean flakyDown() {
        if (flakyForcedUp.get() || startNanos == 0) {
            return false;
        }
        long period = options.webhookPeriod().toNanos();
        return (System.nanoTime() - startNanos) % period < period / 2;
    }

    // ------------------------------------------------------------------ setup

    /** As many WAITING orders per portal as it can get credits (every credit might take one), over JDBC. */
    private Map<Portal, List<SeededOrder>> seed(Connection db, List<Portal> portals) throws SQLException {
        long started = System.nanoTime();
        long ticks = (long) options.credits() * options.duration().toSeconds();
        int perPortal = (int) (ticks / portals.size()) + 100;
        Map<Portal, List<SeededOrder>> seeded = SeededOrders.forPortals(db, portals, perPortal);
        log(String.format(
                "seeded %,d WAITING orders (%,d per portal) in %.1f s",
                (long) perPortal * portals.size(), perPortal, (System.nanoTime() - started) / 1e9));
        return seeded;
    }

    private static String register(ChangeDriver api, Portal portal, SoakWebhookReceiver receiver) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", receiver.url());
        body.put("eventTypes", EVENT_TYPES);
        body.put("description", "soak receiver " + receiver.name);
        JsonNode endpoint = api.call(
                        HttpMethod.POST,
                        portal.key,
                        "/api/v1/webhook-endpoints",
                        ChangeDriver.JSON.writeValueAsString(body),
                        null)
                .block(Duration.ofSeconds(30))
                .expect(201)
                .json();
        receiver.secret(endpoint.get("secret").asString());
        return endpoint.get("webhookEndpointId").asString();
    }

    /** Opens the client's stream, resuming with Last-Event-ID when the server ends it (as StreamLoadBenchmark). */
    private static void open(HttpClient http, SoakSseClient client, Portal portal, long resumeAfter, long floor) {
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

    private static void endedOrResumed(
            HttpClient http, SoakSseClient client, Portal portal, String reason, long floor) {
        if (!client.closing && client.isConnected() && client.resumes < MAX_RESUMES) {
            open(http, client, portal, client.resumeAfter(reason, floor), floor);
        } else {
            client.ended(reason);
        }
    }

    // ------------------------------------------------------------------ sampling

    /** One row every {@code --sample}; its own JDBC connection, as the other scheduled tasks have theirs. */
    private final class Sampler {
        private final ServiceProcess service;
        private final Path gcLog;
        private final Admin admin;
        private final SoakCreditDriver credits;
        private final SoakApiDriver api;
        private final List<SoakSseClient> clients;
        private final long seqBefore;
        private final Connection db;
        private final Set<String> decidedSeen = new HashSet<>();
        private final Map<String, Integer> portalIndex = new HashMap<>();
        // Ground truth, read from the event log as it grows; index seq - seqBefore - 1.
        /** The order events' {@code at} (epoch µs); 0 for other events. */
        private long[] atBySeq = new long[4096];
        /** The portal (index) of an order event of one of ours; -1 otherwise. */
        private int[] portalBySeq = new int[4096];

        private long knownSeq;
        final int[] perPortal;
        // Per client, the deliveries checked so far (each client's ids must rise: a repeat or a step back is wrong).
        private final long[] lastId;
        final long[] unique;
        final long[] notAfterPrevious;
        final long[] foreign;
        private BufferedWriter csv;

        Sampler(
                ServiceProcess service,
                Path gcLog,
                Admin admin,
                SoakCreditDriver credits,
                SoakApiDriver api,
                List<SoakSseClient> clients,
                List<Portal> portals,
                long seqBefore)
                throws SQLException, IOException {
            this.service = service;
            this.gcLog = gcLog;
            this.admin = admin;
            this.credits = credits;
            this.api = api;
            this.clients = clients;
            this.seqBefore = seqBefore;
            this.knownSeq = seqBefore;
            portals.forEach(p -> portalIndex.put(p.portalId, p.index));
            this.perPortal = new int[portals.size()];
            this.lastId = new long[clients.size()];
            Arrays.fill(lastId, seqBefore);
            this.unique = new long[clients.size()];
            this.notAfterPrevious = new long[clients.size()];
            this.foreign = new long[clients.size()];
            this.db = jdbc(service.jdbcUrl());
            this.csv = Files.newBufferedWriter(options.out().resolve("soak.csv"), StandardCharsets.UTF_8);
            csv.write(String.join(",", COLUMNS));
            csv.newLine();
            csv.flush();
        }

        void sampleQuietly() {
            try {
                sample();
            } catch (Exception e) {
                log("sample failed: " + e);
            }
        }

        private synchronized void sample() throws Exception {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            long pid = service.pid();
            double heap = heapAfterLastGc(gcLog);
            Map<String, Long> status = procStatus(pid);
            String scrape = scrape(service.baseUrl());
            double pool = gauge(scrape, "r2dbc_pool_acquired_connections");
            poolSource = "r2dbc_pool_acquired_connections";
            if (Double.isNaN(pool)) {
                pool = activeConnections(db);
                poolSource = "pg_stat_activity (the scrape has no r2dbc_pool_acquired_connections)";
            }
            double lag = consumerLag(admin);
            double outbox =
                    single(db, "SELECT (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM relay_lease)");
            double webhooks = gauge(scrape, "recon_webhook_backlog");
            double rows = single(db, "SELECT count(*) FROM event_log");
            long[] decisions = decisions();
            long[] sse = absorb();
            long[] apiLatency = api.latency.drain();
            double[] row = {
                elapsed,
                heap,
                status.getOrDefault("VmRSS", -1L) / 1024.0,
                status.getOrDefault("Threads", -1L),
                pool,
                lag,
                outbox,
                webhooks,
                rows,
                SoakTrend.quantile(decisions, 0.50) / 1000.0,
                SoakTrend.quantile(decisions, 0.99) / 1000.0,
                SoakTrend.quantile(sse, 0.99) / 1000.0,
                SoakTrend.quantile(apiLatency, 0.99) / 1000.0
            };
            samples.add(row);
            csv.write(Arrays.stream(row).mapToObj(SoakTrend::csv).collect(Collectors.joining(",")));
            csv.newLine();
            csv.flush();
            if (samples.size() % 6 == 1) {
                log(String.format(
                        Locale.ROOT,
                        "t=%.0fs heap %.0f MB, RSS %.0f MB, %d threads, pool %.0f, lag %.0f, outbox %.0f, webhooks %.0f,"
                                + " log %.0f rows, decision p99 %.1f ms, SSE p99 %.1f ms, API p99 %.1f ms",
                        row[0],
                        row[1],
                        row[2],
                        (long) row[3],
                        row[4],
                        row[5],
                        row[6],
                        row[7],
                        row[8],
                        row[10],
                        row[11],
                        row[12]));
            }
        }

        /** Send → recorded_at (µs) of the credits recorded since the last sample (a recent window, each once). */
        private long[] decisions() throws SQLException {
            Longs window = new Longs();
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT notification_id, (extract(epoch FROM recorded_at) * 1000000)::bigint FROM credit"
                            + " WHERE recorded_at > now() - interval '5 minutes'")) {
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        Sent sent = credits.byId.get(id);
                        if (sent != null && decidedSeen.add(id)) {
                            window.add(rs.getLong(2) - sent.sentMicros());
                        }
                    }
                }
            }
            return window.sorted();
        }

        /**
         * Drains every client, reads the event log up to now (after the drain, so every event a client read is in it:
         * a client reads an event only once committed), checks each delivery against it and returns the delays
         * (event {@code at} → read, µs) of the portal clients' deliveries.
         */
        synchronized long[] absorb() throws SQLException {
            long[][][] drained = new long[clients.size()][][];
            for (SoakSseClient c : clients) {
                drained[c.index] = c.drain();
            }
            long last = lastSeq(db);
            if (last > knownSeq) {
                try (PreparedStatement st = db.prepareStatement(
                        "SELECT seq, topic, portal_id, payload FROM event_log WHERE seq > ? AND seq <= ? ORDER BY seq")) {
                    st.setLong(1, knownSeq);
                    st.setLong(2, last);
                    st.setFetchSize(5000);
                    try (ResultSet rs = st.executeQuery()) {
                        long expected = knownSeq + 1;
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            if (seq != expected) {
                                throw new IllegalStateException("event log has a gap before seq " + seq);
                            }
                            expected++;
                            int i = (int) (seq - seqBefore - 1);
                            if (i >= atBySeq.length) {
                                int size = Math.max(atBySeq.length * 2, i + 1);
                                atBySeq = Arrays.copyOf(atBySeq, size);
                                portalBySeq = Arrays.copyOf(portalBySeq, size);
                            }
                            portalBySeq[i] = -1;
                            if ("recon.order-events".equals(rs.getString(2))) {
                                atBySeq[i] = atMicros(ChangeDriver.JSON.readTree(rs.getString(4)));
                                Integer p = portalIndex.get(rs.getString(3));
                                if (p != null) {
                                    portalBySeq[i] = p;
                                    perPortal[p]++;
                                }
                            }
                        }
                    }
                }
                knownSeq = last;
            }
            Longs window = new Longs();
            for (SoakSseClient c : clients) {
                long[] ids = drained[c.index][0];
                long[] wire = drained[c.index][1];
                for (int k = 0; k < ids.length; k++) {
                    long id = ids[k];
                    int i = (int) (id - seqBefore - 1);
                    if (id <= lastId[c.index]) {
                        notAfterPrevious[c.index]++;
                        continue;
                    }
                    lastId[c.index] = id;
                    if (i < 0 || id > knownSeq || (c.portal >= 0 && portalBySeq[i] != c.portal)) {
                        foreign[c.index]++;
                        continue;
                    }
                    unique[c.index]++;
                    if (c.portal >= 0) {
                        window.add(wire[k] - atBySeq[i]);
                    }
                }
            }
            return window.sorted();
        }

        long events() {
            return knownSeq - seqBefore;
        }
    }

    private static long atMicros(JsonNode data) {
        JsonNode at = data.get("at");
        Instant instant =
                at.isNumber() ? Instant.ofEpochSecond(0, (long) (at.asDouble() * 1e9)) : Instant.parse(at.asString());
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    /** The heap the service used right after its last GC (not an explicit System.gc()), MB; NaN before any. */
    static double heapAfterLastGc(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return Double.NaN;
        }
        List<ProcessProbes.GcPause> pauses = ProcessProbes.GcPause.read(gcLog);
        for (int i = pauses.size() - 1; i >= 0; i--) {
            if (!pauses.get(i).kind().contains("System.gc")) {
                return pauses.get(i).afterMb();
            }
        }
        return Double.NaN;
    }

    /** {@code /proc/<pid>/status}: VmRSS (kB), Threads. */
    static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> values = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            String[] parts = line.split("\\s+");
            if (parts.length >= 2 && (parts[0].equals("VmRSS:") || parts[0].equals("Threads:"))) {
                values.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    private static String scrape(String baseUrl) {
        try {
            return httpGet(baseUrl + "/actuator/prometheus");
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The sum of a gauge's series in a Prometheus scrape; NaN when absent. */
    static double gauge(String scrape, String name) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    /** The service's connections running a statement now (the fallback when the pool gauge is not scraped). */
    private static double activeConnections(Connection db) throws SQLException {
        return single(
                db,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle'"
                        + " AND pid <> pg_backend_pid() AND application_name NOT LIKE 'crowdrecon-soak%'");
    }

    /** End offsets − committed offsets of the service's consumer group, every partition it committed. */
    static double consumerLag(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("crowdrecon")
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : committed.entrySet()) {
                if (e.getValue() != null) {
                    lag += Math.max(
                            0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
            return lag;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    // ------------------------------------------------------------------ statements and exports

    /**
     * The statements of the statement portal's account: each closes the current window (one booking day), waits until
     * the feed's credits of it are decided, then posts their camt.053.
     */
    private final class Statements {
        private final ServiceProcess service;
        private final java.net.http.HttpClient http;
        private final SoakCreditDriver credits;
        private final String account;
        private BigDecimal closing = BigDecimal.ZERO;

        Statements(ServiceProcess service, java.net.http.HttpClient http, SoakCreditDriver credits, String account) {
            this.service = service;
            this.http = http;
            this.credits = credits;
            this.account = account;
        }

        synchronized void postQuietly() {
            try (Connection db = jdbc(service.jdbcUrl())) {
                post(db);
            } catch (Exception e) {
                statementProblems.add("statement failed: " + e);
                log("statement failed: " + e);
            }
        }

        private void post(Connection db) throws Exception {
            int w = credits.window;
            credits.window = w + 1;
            LocalDate day = credits.statementDay(w);
            long handed = credits.handed.containsKey(w) ? credits.handed.get(w).get() : 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<Sent> entries = windowEntries(w);
            while (entries.size() < handed && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                entries = windowEntries(w);
            }
            long decided = 0;
            while (System.nanoTime() < deadline) {
                decided = count(db, "SELECT count(*) FROM credit WHERE booking_date = ?", day);
                if (decided >= entries.size()) {
                    break;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
            CamtFiles.Statement statement =
                    CamtFiles.of(account).sequence(w + 1).day(day).opening(closing.toPlainString());
            for (Sent s : entries) {
                statement.credit(s.bankReference(), s.amount().toPlainString(), day, s.payerIban(), s.description());
            }
            String xml = statement.camt053();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/ops/bank-files"))
                            .header("Authorization", "Bearer " + ApiClient.OPS_KEY)
                            .header("Content-Type", "application/xml")
                            .header("Accept", "application/json")
                            .timeout(Duration.ofMinutes(5))
                            .POST(HttpRequest.BodyPublishers.ofString(xml))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - start) / 1000;
            statementLatency.add(micros);
            String at = String.format("t=%.0fs", (System.nanoTime() - startNanos) / 1e9);
            if (response.statusCode() != 202) {
                statementProblems.add(
                        at + " statement " + (w + 1) + ": HTTP " + response.statusCode() + " " + response.body());
                return;
            }
            closing = statement.closingBalance();
            JsonNode receipt = ChangeDriver.JSON.readTree(response.body());
            String fileStatus = receipt.path("status").asString("?");
            String bankFileId = receipt.path("bankFileId").asString("?");
            JsonNode file =
                    ChangeDriver.JSON.readTree(httpGet(service.baseUrl() + "/api/v1/ops/bank-files/" + bankFileId));
            JsonNode stmt = file.path("statements").path(0);
            String line = String.format(
                    "%s statement %d (%s, %d entries, %d decided before it; %s): %s in %.0f ms; %s",
                    at, w + 1, day, entries.size(), decided, bankFileId, fileStatus, micros / 1000.0, summary(stmt));
            statements.add(line);
            log(line);
            if (!"BOOKED".equals(fileStatus)) {
                statementProblems.add(line);
            }
        }

        private List<Sent> windowEntries(int w) {
            return credits.acknowledged.stream().filter(s -> s.window() == w).toList();
        }
    }

    /** What a statement came to: its status and counts, as the file's answer lists them. */
    private static String summary(JsonNode statement) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of(
                "status", "matched", "missed", "notOnStatement", "mismatched", "difference", "explained", "problems")) {
            JsonNode value = statement.get(field);
            if (value != null && !value.isNull()) {
                parts.add(field + " " + (value.isString() ? value.asString() : value.toString()));
            }
        }
        return parts.isEmpty() ? "statement: " + statement : String.join(", ", parts);
    }

    private void export(ServiceProcess service, java.net.http.HttpClient http, String kind) {
        String at = String.format("t=%.0fs", (System.nanoTime() - startNanos) / 1e9);
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/ops/exports/" + kind + ".csv"))
                            .header("Authorization", "Bearer " + ApiClient.OPS_KEY)
                            .header("Accept", "text/csv")
                            .timeout(Duration.ofMinutes(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[65536];
            try (InputStream in = response.body()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            long micros = (System.nanoTime() - start) / 1000;
            exportLatency.add(micros);
            String line = String.format(
                    "%s %s.csv: HTTP %d, %,d rows, %,d bytes in %.0f ms",
                    at, kind, response.statusCode(), Math.max(0, lines - 1), bytes, micros / 1000.0);
            exports.add(line);
            if (response.statusCode() != 200) {
                exportProblems.add(line);
            }
        } catch (Exception e) {
            exportProblems.add(at + " " + kind + ".csv failed: " + e);
        }
    }

    // ------------------------------------------------------------------ end

    /** Waits until the consumer lag, the outbox and the webhook backlog are 0 and every credit is decided. */
    private boolean quiesce(Connection db, Admin admin, SoakCreditDriver credits) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + options.quiesce().toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            double lag = consumerLag(admin);
            long outbox =
                    count(db, "SELECT (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM relay_lease)");
            long fanOut =
                    count(db, "SELECT (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM webhook_lease)");
            long pending = count(db, "SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'");
            long decided = count(db, "SELECT count(*) FROM credit WHERE notification_id LIKE 'NTF-%'");
            state = String.format(
                    "lag %.0f, outbox %d, webhook fan-out %d behind and %d PENDING, credits decided %,d of %,d",
                    lag, outbox, fanOut, pending, decided, credits.acknowledged.size());
            if (lag == 0 && outbox == 0 && fanOut == 0 && pending == 0 && decided >= credits.acknowledged.size()) {
                String line = String.format(
                        "QUIESCENCE: quiet %.1f s after the load (%s)", (System.nanoTime() - start) / 1e9, state);
                report.add(line);
                log(line);
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        report.add("QUIESCENCE: NOT quiet within " + human(options.quiesce()) + ": " + state);
        log("not quiet: " + state);
        return false;
    }

    private Map<String, long[]> checkCredits(Connection db, SoakCreditDriver credits) throws SQLException {
        Map<String, long[]> decided = new HashMap<>();
        Map<String, String> outcome = new HashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT notification_id, (extract(epoch FROM recorded_at) * 1000000)::bigint,"
                                + " coalesce(reason, outcome) FROM credit")) {
            while (rs.next()) {
                long[] row = decided.computeIfAbsent(rs.getString(1), id -> new long[2]);
                row[0] = rs.getLong(2);
                row[1]++;
                outcome.put(rs.getString(1), rs.getString(3));
            }
        }
        int missing = 0;
        int twice = 0;
        int wrong = 0;
        Map<String, Integer> byExpected = new LinkedHashMap<>();
        Map<String, Integer> wrongKinds = new LinkedHashMap<>();
        Set<String> sentIds = new HashSet<>();
        List<String> samples = new ArrayList<>();
        for (Sent s : credits.acknowledged) {
            sentIds.add(s.notificationId());
            byExpected.merge(s.expected(), 1, Integer::sum);
            long[] row = decided.get(s.notificationId());
            if (row == null) {
                missing++;
                sample(samples, "not decided: " + s.notificationId());
            } else if (row[1] > 1) {
                twice++;
                sample(samples, "decided " + row[1] + " times: " + s.notificationId());
            } else if (!s.expected().equals(outcome.get(s.notificationId()))) {
                wrong++;
                wrongKinds.merge(s.expected() + " -> " + outcome.get(s.notificationId()), 1, Integer::sum);
            }
        }
        long unexpected =
                decided.keySet().stream().filter(id -> !sentIds.contains(id)).count();
        report.add(String.format(
                "CREDITS: sent (acknowledged) %,d %s; decided exactly once as planned %,d; missing %d, more than once"
                        + " %d, otherwise than planned %d %s, credit rows of no credit sent %d",
                credits.acknowledged.size(),
                byExpected,
                credits.acknowledged.size() - missing - twice - wrong,
                missing,
                twice,
                wrong,
                wrongKinds,
                unexpected));
        samples.forEach(s -> report.add("  " + s));
        if (missing + twice + wrong > 0 || unexpected > 0) {
            failures.add("credits: " + missing + " missing, " + twice + " decided more than once, " + wrong
                    + " not as planned, " + unexpected + " unexpected rows");
        }
        return decided;
    }

    private void checkAudit(ServiceProcess service, java.net.http.HttpClient http) throws Exception {
        JsonNode audit = ChangeDriver.JSON.readTree(httpGet(service.baseUrl() + "/api/v1/ops/audit"));
        JsonNode breaches = audit.get("breaches");
        long notDecided = 0;
        JsonNode totals = audit.get("totals");
        if (totals != null) {
            for (var currency : totals.properties()) {
                JsonNode u = currency.getValue().get("creditsNotDecided");
                notDecided += u == null ? 0 : u.get("count").asLong();
            }
        }
        boolean clean = breaches != null && breaches.isEmpty() && notDecided == 0;
        report.add("AUDIT: " + (clean ? "no breach" : "BREACHES " + breaches) + ", " + notDecided
                + " credits not decided");
        if (!clean) {
            failures.add("audit: breaches " + breaches + ", " + notDecided + " not decided");
        }
    }

    /**
     * Every SSE client got every event it should exactly once, in order: a portal client each order event of its
     * portal logged during the soak, the ops client every event. The sampler has checked the deliveries as they came;
     * here the last ones are absorbed once every expected delivery arrived (or a deadline passed).
     */
    private void checkStreams(Connection db, Sampler sampler, List<SoakSseClient> clients) throws SQLException {
        sampler.absorb();
        long n = sampler.events();
        long expected = 0;
        for (SoakSseClient c : clients) {
            if (c.isConnected()) {
                expected += c.portal < 0 ? n : sampler.perPortal[c.portal];
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received(clients) < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // a late duplicate would show here
        sampler.absorb();
        if (sampler.events() != n) {
            log("note: " + (sampler.events() - n) + " events were logged after the quiescence");
            n = sampler.events();
        }
        long unique = 0;
        long wrongOrder = 0;
        long foreign = 0;
        long malformed = 0;
        int short_ = 0;
        int dropped = 0;
        int resumed = 0;
        long opsExpected = 0;
        long opsUnique = 0;
        expected = 0;
        for (SoakSseClient c : clients) {
            if (!c.isConnected()) {
                continue;
            }
            if (c.droppedBecause != null) {
                dropped++;
            }
            if (c.resumes > 0) {
                resumed++;
            }
            malformed += c.malformed;
            long expectedHere = c.portal < 0 ? n : sampler.perPortal[c.portal];
            expected += expectedHere;
            unique += sampler.unique[c.index];
            wrongOrder += sampler.notAfterPrevious[c.index];
            foreign += sampler.foreign[c.index];
            if (sampler.unique[c.index] < expectedHere) {
                short_++;
            }
            if (c.portal < 0) {
                opsExpected += expectedHere;
                opsUnique += sampler.unique[c.index];
            }
        }
        long missing = expected - unique;
        report.add(String.format(
                "SSE: %,d events logged during the soak, %,d order events of the portals; deliveries expected %,d,"
                        + " received once and in order %,d, missing %,d (%d clients short), duplicates or out of"
                        + " order %,d, foreign %,d, malformed %,d; ops client %,d of %,d; %d clients resumed with"
                        + " Last-Event-ID, %d dropped",
                n,
                Arrays.stream(sampler.perPortal).sum(),
                expected,
                unique,
                missing,
                short_,
                wrongOrder,
                foreign,
                malformed,
                opsUnique,
                opsExpected,
                resumed,
                dropped));
        if (missing != 0 || wrongOrder + foreign + malformed > 0 || dropped > 0) {
            failures.add("SSE: " + missing + " missing, " + wrongOrder + " duplicates or out of order, " + foreign
                    + " foreign, " + malformed + " malformed, " + dropped + " dropped");
        }
    }

    private static long received(List<SoakSseClient> clients) {
        long n = 0;
        for (SoakSseClient c : clients) {
            n += c.total();
        }
        return n;
    }

    private void checkWebhook(Connection db, SoakWebhookReceiver receiver, String endpointId) throws SQLException {
        Set<String> expected = new HashSet<>();
        try (PreparedStatement st = db.prepareStatement(
                """
                SELECT e.event_id::text FROM event_log e JOIN webhook_endpoint w
                    ON w.portal_id = e.portal_id AND e.event_type = ANY (w.event_types) AND e.seq > w.from_seq
                 WHERE w.endpoint_id = ?""")) {
            st.setString(1, endpointId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    expected.add(rs.getString(1));
                }
            }
        }
        long missing = expected.stream()
                .filter(id -> !receiver.delivered.containsKey(id))
                .count();
        long foreign = receiver.delivered.keySet().stream()
                .filter(id -> !expected.contains(id))
                .count();
        long duplicates = receiver.duplicates();
        long failed = count(
                db, "SELECT count(*) FROM webhook_delivery WHERE endpoint_id = ? AND status = 'FAILED'", endpointId);
        report.add(String.format(
                "WEBHOOK %s (%s): events of portal 0 since registration %,d; received (200) %,d distinct webhook-ids,"
                        + " missing %,d, not of the portal %,d, duplicates %,d; requests %,d, answered 503 %,d, bad"
                        + " signatures %,d; deliveries FAILED %d",
                receiver.name,
                endpointId,
                expected.size(),
                receiver.delivered.size(),
                missing,
                foreign,
                duplicates,
                receiver.requests.get(),
                receiver.answered503.get(),
                receiver.badSignatures.get(),
                failed));
        if (missing + foreign + duplicates + receiver.badSignatures.get() + failed > 0) {
            failures.add("webhook " + receiver.name + ": " + missing + " missing, " + foreign + " foreign, "
                    + duplicates + " duplicates, " + receiver.badSignatures.get() + " bad signatures, " + failed
                    + " FAILED");
        }
    }

    private void statementReport() {
        report.add(String.format(
                "STATEMENTS: %d posted (camt.053 of portal %d's account), POST %s",
                statements.size(), STATEMENT_PORTAL, Longs.percentiles(statementLatency.allSorted())));
        statements.forEach(s -> report.add("  " + s));
        statementProblems.forEach(s -> report.add("  PROBLEM " + s));
        if (!statementProblems.isEmpty() || statements.isEmpty()) {
            failures.add("statements: " + statements.size() + " posted, problems " + statementProblems);
        }
    }

    private void exportReport() {
        report.add(String.format(
                "EXPORTS: %d downloaded, %d problems; latency %s",
                exports.size(), exportProblems.size(), Longs.percentiles(exportLatency.allSorted())));
        if (!exports.isEmpty()) {
            report.add("  last: " + exports.get(exports.size() - 1));
        }
        exportProblems.forEach(s -> report.add("  PROBLEM " + s));
        if (!exportProblems.isEmpty()) {
            failures.add("exports: " + exportProblems);
        }
    }

    private void loadReport(
            SoakCreditDriver credits, SoakApiDriver api, double loadSeconds, Map<String, long[]> decided) {
        Longs decisions = new Longs();
        for (Sent s : credits.acknowledged) {
            long[] row = decided.get(s.notificationId());
            if (row != null) {
                decisions.add(row[0] - s.sentMicros());
            }
        }
        report.add(String.format(
                "LOAD (%.0f s): credits %,d started, %,d acknowledged (%.1f/s), %d pacing ticks > 10 ms late (latest"
                        + " %.1f s); API writes %,d started, %,d answered 2xx (%.1f/s) %s, %d ticks late",
                loadSeconds,
                ((PacedDriver) credits).sent.get(),
                credits.succeeded.get(),
                credits.succeeded.get() / loadSeconds,
                credits.lateTicks,
                credits.maxLagNanos / 1e9,
                api.sent.get(),
                api.succeeded.get(),
                api.succeeded.get() / loadSeconds,
                new java.util.TreeMap<>(api.byKind),
                api.lateTicks));
        report.add("  decision (send -> credit.recorded_at), whole run: " + Longs.percentiles(decisions.sorted()));
        report.add("  API request latency, whole run: " + Longs.percentiles(api.latency.allSorted()));
        if (!credits.failures.isEmpty()) {
            failures.add("credits not published: " + credits.failures);
            report.add("  credit failures: " + credits.failures + " " + credits.failureSamples);
        }
        if (!api.failures.isEmpty()) {
            failures.add("API writes failed: " + api.failures);
            report.add("  API failures: " + api.failures + " " + api.failureSamples);
        }
        if (credits.succeeded.get() / loadSeconds < 0.95 * options.credits()) {
            failures.add(String.format(
                    "credits reached %.1f/s, not %d", credits.succeeded.get() / loadSeconds, options.credits()));
        }
        if (api.succeeded.get() / loadSeconds < 0.95 * options.api()) {
            failures.add(String.format("API reached %.1f/s, not %d", api.succeeded.get() / loadSeconds, options.api()));
        }
    }

    private void trendReport() throws IOException {
        int n = samples.size();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = samples.get(i)[0];
        }
        double warmup = options.warmup().toSeconds();
        List<SoakChart.Series> series = new ArrayList<>();
        report.add(String.format(
                "TRENDS (%d samples every %s; the first %s ignored; UPWARD: last half > first half + 10 %% and slope"
                        + " > 0; event_log_rows grows by design, nothing prunes the log during a run; pool_acquired:"
                        + " %s):",
                n, human(options.sample()), human(options.warmup()), poolSource));
        List<String> upward = new ArrayList<>();
        for (int m = 1; m < COLUMNS.length; m++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = samples.get(i)[m];
            }
            SoakTrend.Verdict verdict = SoakTrend.verdict(t, v, warmup);
            report.add(String.format("  %-18s %s", COLUMNS[m], verdict.describe()));
            if (verdict.upward() && !COLUMNS[m].equals("event_log_rows")) {
                upward.add(COLUMNS[m]);
            }
            series.add(new SoakChart.Series(COLUMNS[m], v, verdict.upward()));
        }
        report.add("  " + (upward.isEmpty() ? "nothing trends upward" : "UPWARD: " + upward));
        long judged = Arrays.stream(t).filter(x -> x >= warmup).count();
        if (judged < 30) {
            report.add("  (only " + judged + " samples after the warm-up: too few for these verdicts to mean much)");
        }
        Path png = options.out().resolve("soak.png");
        SoakChart.write(
                png,
                String.format(
                        "crowdrecon soak: %s, %d credits/s, %d API writes/s, %d SSE clients",
                        human(options.duration()), options.credits(), options.api(), options.sse()),
                t,
                series,
                warmup);
        report.add("CSV: " + options.out().resolve("soak.csv") + "; CHART: " + png);
    }

    private void serviceLogReport(ServiceProcess service) {
        report.addAll(ProcessProbes.logWarnings(service.logText()));
    }

    private void printReport() {
        report.add(
                failures.isEmpty()
                        ? "RESULT: PASS (no breach; every credit decided once as planned; every SSE client and webhook"
                                + " endpoint got every event once; every statement BOOKED; every export 200)"
                        : "RESULT: FAIL: " + String.join("; ", failures));
        System.out.println();
        System.out.println("=== crowdrecon soak ===");
        report.forEach(System.out::println);
    }

    // ------------------------------------------------------------------ JDBC and HTTP

    private static Connection jdbc(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("ApplicationName", "crowdrecon-soak");
        Connection c = DriverManager.getConnection(url, props);
        c.setAutoCommit(true);
        return c;
    }

    private static long lastSeq(Connection db) throws SQLException {
        return count(db, "SELECT last_seq FROM event_sequence WHERE id = 1");
    }

    private static double single(Connection db, String sql) throws SQLException {
        return count(db, sql);
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** 90s, 10m, 1h30m: as the options are written. */
    static String human(Duration d) {
        long s = d.toSeconds();
        String text = (s >= 3600 ? s / 3600 + "h" : "")
                + (s % 3600 >= 60 ? s % 3600 / 60 + "m" : "")
                + (s % 60 > 0 ? s % 60 + "s" : "");
        return text.isEmpty() ? d.toMillis() + "ms" : text;
    }

    private static void sample(List<String> samples, String line) {
        if (samples.size() < 5) {
            samples.add(line);
        }
    }

    private static final java.net.http.HttpClient PLAIN_HTTP = java.net.http.HttpClient.newHttpClient();

    private static String httpGet(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = PLAIN_HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + ApiClient.OPS_KEY)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
