package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.benchmark.CreditPlan.Kind;
import io.crowdrecon.recon.benchmark.CreditPlan.PlannedCredit;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.OwnServers;
import io.crowdrecon.recon.testing.ServiceProcess;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.net.URI;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * A rolling restart of the service under a steady load of bank credits, measured from the database: how long
 * decisions pause while the replicas change, and whether every credit is still decided exactly once.
 *
 * <p>One real PostgreSQL (fsync on) and one real Kafka broker ({@link OwnServers}, in this JVM) serve every replica.
 * Each replica is the service as a JVM of its own ({@link ServiceProcess#on}: the embedded default's launcher with
 * {@code RECON_EMBEDDED=false}, as {@code ./mvnw spring-boot:run} starts a further instance), configured as a
 * Kubernetes Deployment runs it: the consumer group {@code crowdrecon} without static membership (the
 * cooperative-sticky assignor), the sandbox off, {@code -Xmx384m}. The inbound topics have 6 partitions (the service
 * creates them). Every replica holds {@code --sse} streams of {@code /api/v1/ops/events}; a stream that the server
 * ends is resumed (Last-Event-ID) on another ready replica, as behind a Kubernetes Service.
 *
 * <p>Load: {@code --rate} bank credits per second on {@code recon.bank-notifications} (a {@link CreditPlan}: 90 %
 * exact matches of seeded WAITING orders, 10 % over every non-match reason; no redelivery by the feed), published
 * one at a time (linger 0, acks=all) and stamped when handed to the producer. After {@code --warmup} seconds, the
 * rolling restart of a Deployment with {@code maxSurge: 1, maxUnavailable: 0}: for each replica in turn, a new
 * replica is started and awaited until {@code /actuator/health/readiness} answers 200, then the old one gets SIGTERM
 * and is awaited until its JVM exits. Then {@code --tail} seconds more of load, and the load stops.
 *
 * <p>Measured from PostgreSQL, not from the services' logs: each credit's decision is its {@code credit.recorded_at}
 * (stamped by the deciding transaction). Reported: credits sent, decided, decided exactly once (a row per credit, the
 * planned outcome, one status change and one moneyout per paid order, one order event per change); the longest
 * pause in decisions while credits were waiting (all partitions, and a single partition) and the largest publish to
 * decision delay, with p50/p99, before / during / after the restart (by publish time); each old replica's shutdown
 * (SIGTERM to exit), when its SSE streams got their last event and when they ended, and each new replica's time to
 * ready; the episodes in which credits waited more than a second; the CPU the machine's other users took meanwhile.
 * The services' logs (the consumers' rebalances at INFO) are kept in {@code <build.dir>/service-logs}.
 *
 * <p>Options: {@code --rate=50 --warmup=60 --tail=60 --replicas=3 --sse=20 --xmx=384m --seed=7}, and
 * {@code --prop=name=value} (a Spring property for every replica, repeatable). Exit status 0 when
 * every credit was decided exactly once as planned and every replica started and stopped, 1 otherwise, 2 on a crash.
 */
public final class RollingRestartBenchmark {

    /** The Deployment's grace period (k8s/base/deployment.yaml): a longer shutdown would be SIGKILLed. */
    private static final Duration GRACE = Duration.ofSeconds(60);
    /** How long to wait for an old replica's JVM to exit after SIGTERM before killing it (and failing the run). */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(180);
    /** A credit that waited longer than this belongs to a stall episode. */
    private static final long STALL_MICROS = 1_000_000;
    /** How many of the longest stall episodes the report lists. */
    private static final int STALLS_SHOWN = 15;

    private static final String PREFIX = "BNK-RR-";

    /**
     * The run's settings; {@code properties} are Spring properties given to every replica ({@code --prop=a.b=c}, e.g.
     * {@code --prop=spring.kafka.consumer.heartbeat-interval=1s}, to try a setting).
     */
    record Options(
            int rate,
            int warmupSeconds,
            int tailSeconds,
            int replicas,
            int ssePerReplica,
            String xmx,
            long seed,
            List<String> properties) {
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            List<String> properties = new ArrayList<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("unknown argument " + arg
                            + " (--rate=50 --warmup=60 --tail=60 --replicas=3 --sse=20 --xmx=384m --seed=7"
                            + " --prop=name=value)");
                }
                if (arg.startsWith("--prop=")) {
                    properties.add("--" + arg.substring("--prop=".length()));
                } else {
                    values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                }
            }
            Options options = new Options(
                    Integer.parseInt(values.getOrDefault("rate", "50")),
                    Integer.parseInt(values.getOrDefault("warmup", "60")),
                    Integer.parseInt(values.getOrDefault("tail", "60")),
                    Integer.parseInt(values.getOrDefault("replicas", "3")),
                    Integer.parseInt(values.getOrDefault("sse", "20")),
                    values.getOrDefault("xmx", "384m"),
                    Long.parseLong(values.getOrDefault("seed", "7")),
                    List.copyOf(properties));
            values.keySet().removeAll(Set.of("rate", "warmup", "tail", "replicas", "sse", "xmx", "seed"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + values.keySet());
            }
            return options;
        }
    }

    private final Options options;
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<Replica> replicas = new CopyOnWriteArrayList<>();
    /** The SSE side: one event loop and connection pool for every stream of every replica. */
    private final ConnectionProvider sseConnections = ConnectionProvider.builder("rolling-sse")
            .maxConnections(1000)
            .pendingAcquireMaxCount(-1)
            .build();

    private final LoopResources sseLoops = LoopResources.create("rolling-sse", 1, true);
    private final List<SseClient> streams = new CopyOnWriteArrayList<>();
    /** Which replica serves each stream now. */
    private final Map<SseClient, Replica> servingReplica = new ConcurrentHashMap<>();

    private final AtomicInteger streamResumes = new AtomicInteger();
    private final AtomicInteger streamsLost = new AtomicInteger();
    private long loadStartMicros;
    private OwnServers servers;
    private final String loadAverageAtStart = loadAverage();

    private RollingRestartBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new RollingRestartBenchmark(Options.parse(args)).run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private static void log(String message) {
        System.out.printf("[rolling-bench %s] %s%n", Instant.now().toString().substring(11, 19), message);
    }

    // ------------------------------------------------------------------ replicas

    /** One replica: a service JVM and the moments of its life (epoch µs, 0 until they happen). */
    private final class Replica {
        final String name;
        final ServiceProcess service;
        final HttpClient sse;
        long launchedMicros;
        long readyMicros;
        long sigtermMicros;
        long exitedMicros;
        int exitValue;
        /** Credits that came to it again, decided already (its counter, read before SIGTERM or at the end). */
        long redelivered = -1;
        /** When the last of its SSE streams ended after SIGTERM (epoch µs). */
        final AtomicLong streamsEndedMicros = new AtomicLong();
        /** When its SSE streams ended after SIGTERM, the last event any of them had received (epoch µs). */
        final AtomicLong streamsLastEventMicros = new AtomicLong();

        final AtomicInteger streamsAtSigterm = new AtomicInteger();
        volatile boolean serving;

        Replica(String name) {
            this.name = name;
            List<String> jvm = List.of("-Xmx" + options.xmx());
            List<String> arguments = new ArrayList<>(List.of(
                    // As a Deployment runs it: dynamic membership (random pod names), no sandbox.
                    "--recon.kafka.group-instance-id=",
                    "--recon.sandbox.enabled=false",
                    // The consumers' joins, assignments and revocations, with their times, for the analysis.
                    "--logging.level.org.apache.kafka.clients.consumer.internals=INFO"));
            arguments.addAll(options.properties());
            this.service = ServiceProcess.on(servers, jvm, arguments.toArray(String[]::new));
            this.sse = HttpClient.create(sseConnections).runOn(sseLoops).baseUrl(service.baseUrl());
        }

        void startAndAwaitReady() {
            launchedMicros = ChangeDriver.wallMicros();
            service.startAndAwaitReady();
            readyMicros = ChangeDriver.wallMicros();
            serving = true;
            log(String.format(
                    "%s ready in %.1f s (pid %d, %s)",
                    name, (readyMicros - launchedMicros) / 1e6, service.pid(), service.baseUrl()));
        }

        /** SIGTERM, as Kubernetes sends it once the new replica is ready; returns once the JVM has exited. */
        void terminateAndAwaitExit() {
            redelivered = scrapeCounter(service.baseUrl(), "recon_credits_redelivered_total");
            serving = false;
            streamsAtSigterm.set((int) streams.stream()
                    .filter(s -> s.isConnected() && s.droppedBecause == null && servedBy(s) == this)
                    .count());
            sigtermMicros = ChangeDriver.wallMicros();
            service.terminate();
            exitValue = service.awaitExit(EXIT_LIMIT);
            exitedMicros = ChangeDriver.wallMicros();
            if (exitValue == -1) {
                failures.add(name + " still ran " + EXIT_LIMIT.toSeconds() + " s after SIGTERM: killed");
                service.kill();
                exitValue = service.exitValue();
            }
            log(String.format(
                    "%s exited %.1f s after SIGTERM (exit value %d)",
                    name, (exitedMicros - sigtermMicros) / 1e6, exitValue));
        }
    }

    private Replica servedBy(SseClient client) {
        return servingReplica.get(client);
    }

    // ------------------------------------------------------------------ the run

    private int run() throws Exception {
        log(String.format(
                "%d credits/s, %d s warm-up, rolling restart of %d replicas (-Xmx%s, %d SSE streams each), %d s tail;"
                        + " load average %s",
                options.rate(),
                options.warmupSeconds(),
                options.replicas(),
                options.xmx(),
                options.ssePerReplica(),
                options.tailSeconds(),
                loadAverage()));
        servers = OwnServers.start(true);
        try {
            return measure();
        } finally {
            for (Replica r : replicas) {
                if (r.service.isAlive()) {
                    r.service.terminate();
                }
            }
            streams.forEach(SseClient::close);
            for (Replica r : replicas) {
                r.service.close();
            }
            sseConnections.dispose();
            sseLoops.dispose();
            servers.close();
        }
    }

    private int measure() throws Exception {
        // ---- the first replicas, one after the other (the first migrates the schema and creates the topics)
        List<Replica> current = new ArrayList<>();
        for (int i = 0; i < options.replicas(); i++) {
            Replica r = new Replica("old-" + (i + 1));
            replicas.add(r);
            r.startAndAwaitReady();
            current.add(r);
        }

        // ---- the world: a portal with its company, campaign and investor, then the orders the credits pay
        Replica first = current.get(0);
        ConnectionProvider apiConnections = ConnectionProvider.create("rolling-api", 4);
        LoopResources apiLoops = LoopResources.create("rolling-api", 1, true);
        Portal portal;
        try {
            HttpClient api = HttpClient.create(apiConnections)
                    .runOn(apiLoops)
                    .baseUrl(first.service.baseUrl())
                    .responseTimeout(Duration.ofSeconds(60));
            portal = StreamLoadBenchmark.onboard(new ChangeDriver(api, List.of(), 1), 0)
                    .block(Duration.ofMinutes(2));
        } finally {
            apiConnections.dispose();
            apiLoops.dispose();
        }
        int partitions = partitions(servers.bootstrapServers());
        // Enough credits for the warm-up, the tail and a restart of up to 20 minutes.
        int planned = options.rate() * (options.warmupSeconds() + options.tailSeconds() + 1200);
        CreditPlan plan = CreditPlan.create(
                "RR", planned, portal.collectionIban, new Random(options.seed()), new HashSet<>(), partitions, false);
        try (Connection db = jdbc()) {
            long t = System.nanoTime();
            SeededOrders.insert(
                    db,
                    new SeededOrders.Owner(portal.portalId, portal.campaignId, portal.companyId, portal.investorId),
                    plan.orders);
            db.setAutoCommit(true);
            try (Statement st = db.createStatement()) {
                st.execute("VACUUM ANALYZE purchase_order, order_status_history");
            }
            log(String.format(
                    "seeded %,d orders (%d partitions on %s) in %.1f s",
                    plan.orders.size(), partitions, Topics.BANK_NOTIFICATIONS, (System.nanoTime() - t) / 1e9));
        }

        // ---- the live streams
        for (Replica r : current) {
            for (int i = 0; i < options.ssePerReplica(); i++) {
                SseClient client = new SseClient(streams.size(), -1, false);
                streams.add(client);
                open(client, r, -1);
            }
        }
        long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (streams.stream().anyMatch(s -> !s.connected.isDone()) && System.nanoTime() < connectDeadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        long connected = streams.stream().filter(SseClient::isConnected).count();
        log(connected + " of " + streams.size() + " SSE streams connected");
        if (connected < streams.size()) {
            failures.add((streams.size() - connected) + " SSE streams did not connect");
        }

        // ---- the load, the warm-up, the rolling restart, the tail
        Feed feed = new Feed(servers.bootstrapServers(), plan, options.rate());
        Thread feeder = new Thread(feed, "rolling-feed");
        CpuAccount cpu;
        try (Connection db = jdbc()) {
            cpu = new CpuAccount(postmasterPid(db));
        }
        loadStartMicros = ChangeDriver.wallMicros();
        feeder.start();
        log("load started: " + options.rate() + " credits/s; warm-up " + options.warmupSeconds() + " s");
        pause(Duration.ofSeconds(options.warmupSeconds()));

        long restartStartMicros = ChangeDriver.wallMicros();
        log("rolling restart");
        List<Replica> olds = List.copyOf(current);
        List<Replica> news = new ArrayList<>();
        for (int i = 0; i < olds.size(); i++) {
            Replica fresh = new Replica("new-" + (i + 1));
            replicas.add(fresh);
            fresh.startAndAwaitReady();
            news.add(fresh);
            olds.get(i).terminateAndAwaitExit();
        }
        long restartEndMicros = ChangeDriver.wallMicros();
        log(String.format(
                "rolling restart done in %.1f s; tail %d s",
                (restartEndMicros - restartStartMicros) / 1e6, options.tailSeconds()));
        pause(Duration.ofSeconds(options.tailSeconds()));
        feed.stop = true;
        feeder.join();
        long loadEndMicros = ChangeDriver.wallMicros();
        String cpuLine = cpu.stop((loadEndMicros - loadStartMicros) / 1e6);
        feed.close();
        int sent = feed.sent;
        log(String.format("load stopped: %,d credits sent, %,d acknowledged", sent, feed.acknowledged.get()));
        if (feed.errors.get() > 0 || feed.acknowledged.get() != sent) {
            failures.add(String.format(
                    "%d credits not published (%d errors): %s",
                    sent - feed.acknowledged.get(), feed.errors.get(), feed.firstError));
        }
        if (feed.exhausted) {
            failures.add("the plan's " + plan.publishOrder.size() + " credits ran out before the load stopped");
        }

        // ---- every credit decided? then read the decisions and check them
        List<PlannedCredit> published = plan.publishOrder.subList(0, sent);
        try (Connection db = jdbc()) {
            awaitDecided(db, sent, Duration.ofMinutes(5));
            Map<String, long[]> decided = decisions(db);
            Replica live = news.get(news.size() - 1);
            news.forEach(r -> r.redelivered = scrapeCounter(r.service.baseUrl(), "recon_credits_redelivered_total"));
            checkExactlyOnce(db, live, published, decided, portal);
            analyse(published, decided, partitions, restartStartMicros, restartEndMicros, loadEndMicros, olds, news);
        }
        report.add(String.format(
                "  load: %,d credits in %.1f s (%.1f/s); pacing: %d sends more than 10 ms late, worst %.1f ms",
                sent,
                (loadEndMicros - loadStartMicros) / 1e6,
                sent / ((loadEndMicros - loadStartMicros) / 1e6),
                feed.lateSends,
                feed.maxLagNanos / 1e6));
        report.add(String.format(
                "  SSE: %d streams on /api/v1/ops/events; %d resumed on another replica after theirs ended, %d lost",
                streams.size(), streamResumes.get(), streamsLost.get()));
        report.add(cpuLine);
        report.add("  machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at the start "
                + loadAverageAtStart + ", at the end " + loadAverage());
        report.add("  service logs: "
                + Path.of(System.getProperty("build.dir", "target"), "service-logs")
                        .toAbsolutePath()
                        .resolve("<work dir>.log")
                + " ("
                + replicas.stream()
                        .map(r -> r.name + " " + r.service.workDirectory().getFileName())
                        .toList()
                + ")");
        printReport();
        return failures.isEmpty() ? 0 : 1;
    }

    // ------------------------------------------------------------------ load

    /** Publishes the plan's credits in order at a fixed rate from its own thread until stopped. */
    private static final class Feed implements Runnable, AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;
        private final CreditPlan plan;
        private final int rate;
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        volatile String firstError;
        volatile boolean stop;
        volatile int sent;
        volatile boolean exhausted;
        long lateSends;
        long maxLagNanos;

        Feed(String bootstrapServers, CreditPlan plan, int rate) {
            this.plan = plan;
            this.rate = rate;
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // Each credit leaves at once: batching in the producer would add to the delay measured.
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "crowdrecon-rolling-bench-bank");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            this.producer = new KafkaProducer<>(props);
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            for (int k = 0; !stop; k++) {
                if (k == plan.publishOrder.size()) {
                    exhausted = true;
                    return;
                }
                long due = start + k * 1_000_000_000L / rate;
                for (long wait = due - System.nanoTime(); wait > 0 && !stop; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (stop) {
                    return;
                }
                long lag = System.nanoTime() - due;
                maxLagNanos = Math.max(maxLagNanos, lag);
                if (lag > TimeUnit.MILLISECONDS.toNanos(10)) {
                    lateSends++;
                }
                PlannedCredit credit = plan.publishOrder.get(k);
                credit.publishedNanos = System.nanoTime();
                credit.publishedMicros = ChangeDriver.wallMicros();
                producer.send(
                        new ProducerRecord<>(
                                Topics.BANK_NOTIFICATIONS,
                                credit.notificationId,
                                credit.json(plan.receivedDatetime, plan.bookingDate)),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledged.incrementAndGet();
                            } else if (errors.getAndIncrement() == 0) {
                                firstError = error.toString();
                            }
                        });
                sent = k + 1;
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(30));
        }
    }

    private static int partitions(String bootstrapServers) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> probe = new KafkaProducer<>(props)) {
            return probe.partitionsFor(Topics.BANK_NOTIFICATIONS).size();
        }
    }

    // ------------------------------------------------------------------ streams

    /** Opens the client's ops stream on the replica (resumeAfter >= 0: with that Last-Event-ID). */
    private void open(SseClient client, Replica replica, long resumeAfter) {
        servingReplica.put(client, replica);
        client.subscription = replica.sse
                .headers(h -> {
                    h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + ApiClient.OPS_KEY)
                            .set(HttpHeaderNames.ACCEPT, "text/event-stream");
                    if (resumeAfter >= 0) {
                        h.set("Last-Event-ID", Long.toString(resumeAfter));
                    }
                })
                .get()
                .uri("/api/v1/ops/events")
                .response((response, body) -> response.status().code() == 200
                        ? body.doOnNext(chunk -> client.onChunk(chunk, ChangeDriver.wallMicros()))
                                .then()
                        : Mono.error(new IllegalStateException(
                                "HTTP " + response.status().code())))
                .subscribe(
                        ignored -> {},
                        error -> ended(client, replica, error.toString()),
                        () -> ended(client, replica, "the server ended the stream"));
    }

    /**
     * A stream ended: if its replica is shutting down, it is resumed on another ready replica, as a client behind a
     * Kubernetes Service reconnects.
     */
    private void ended(SseClient client, Replica replica, String reason) {
        if (client.closing) {
            return;
        }
        if (!replica.serving) {
            replica.streamsEndedMicros.accumulateAndGet(ChangeDriver.wallMicros(), Math::max);
            int received = client.count();
            if (received > 0) {
                replica.streamsLastEventMicros.accumulateAndGet(client.wireMicros(received - 1), Math::max);
            }
        }
        List<Replica> ready = replicas.stream().filter(r -> r.serving).toList();
        if (client.isConnected() && client.resumes < 10 && !ready.isEmpty()) {
            streamResumes.incrementAndGet();
            Replica next = ready.get(ThreadLocalRandom.current().nextInt(ready.size()));
            open(client, next, client.resumeAfter(reason, 0));
        } else {
            streamsLost.incrementAndGet();
            client.ended(reason, ChangeDriver.wallMicros());
        }
    }

    // ------------------------------------------------------------------ measurement

    private static void awaitDecided(Connection db, int sent, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long decided = 0;
        while (System.nanoTime() < deadline) {
            decided = countDecided(db);
            if (decided >= sent) {
                log(String.format("all %,d credits decided", sent));
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        log(String.format("only %,d of %,d credits decided after %s", decided, sent, timeout));
    }

    private static long countDecided(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT count(*) FROM credit WHERE notification_id LIKE ?")) {
            st.setString(1, PREFIX + "%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every credit row of the run: notification id → [recorded_at (epoch µs), rows]; with its outcome. */
    private final Map<String, String> outcomes = new HashMap<>();

    private Map<String, long[]> decisions(Connection db) throws SQLException {
        Map<String, long[]> decided = new HashMap<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT notification_id, (extract(epoch FROM recorded_at) * 1000000)::bigint, coalesce(reason, outcome)"
                        + " FROM credit WHERE notification_id LIKE ?")) {
            st.setString(1, PREFIX + "%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long[] row = decided.computeIfAbsent(rs.getString(1), id -> new long[2]);
                    row[0] = rs.getLong(2);
                    row[1]++;
                    outcomes.put(rs.getString(1), rs.getString(3));
                }
            }
        }
        return decided;
    }

    /** Fails the run loudly unless every credit sent was decided once, as planned, and nothing else happened twice. */
    private void checkExactlyOnce(
            Connection db, Replica live, List<PlannedCredit> published, Map<String, long[]> decided, Portal portal)
            throws SQLException, IOException, InterruptedException {
        Set<String> sentIds = new HashSet<>();
        int missing = 0;
        int twice = 0;
        int wrongOutcome = 0;
        List<String> samples = new ArrayList<>();
        int exact = 0;
        for (PlannedCredit c : published) {
            sentIds.add(c.notificationId);
            long[] row = decided.get(c.notificationId);
            String expected = c.kind == Kind.EXACT ? "MATCHED" : c.kind.name();
            if (c.kind == Kind.EXACT) {
                exact++;
            }
            if (row == null) {
                missing++;
                sample(samples, "not decided: " + c.notificationId);
            } else if (row[1] > 1) {
                twice++;
                sample(samples, "decided " + row[1] + " times: " + c.notificationId);
            } else if (!expected.equals(outcomes.get(c.notificationId))) {
                wrongOutcome++;
                sample(samples, c.notificationId + " " + outcomes.get(c.notificationId) + ", planned " + expected);
            }
        }
        long unexpected =
                decided.keySet().stream().filter(id -> !sentIds.contains(id)).count();
        // What a credit decided twice would leave behind: a second status change, moneyout or order event.
        long repeatedStatus = count(
                db,
                """
                SELECT count(*) FROM (SELECT h.order_id, h.status FROM order_status_history h
                  JOIN purchase_order o ON o.order_id = h.order_id WHERE o.campaign_id = ?
                 GROUP BY h.order_id, h.status HAVING count(*) > 1) d""",
                portal.campaignId);
        long repeatedMoneyouts = count(
                db,
                """
                SELECT count(*) FROM (SELECT order_id, type FROM moneyout WHERE campaign_id = ?
                 GROUP BY order_id, type HAVING count(*) > 1) d""",
                portal.campaignId);
        long repeatedOrderEvents = count(
                db,
                """
                SELECT count(*) FROM (SELECT order_id, payload::jsonb ->> 'status' FROM event_log
                 WHERE campaign_id = ? AND topic = 'recon.order-events'
                 GROUP BY 1, 2 HAVING count(*) > 1) d""",
                portal.campaignId);
        long accounted = count(
                db,
                "SELECT count(*) FROM purchase_order WHERE campaign_id = ? AND status = 'ACCOUNTED'",
                portal.campaignId);
        long companyMoneyouts = count(
                db, "SELECT count(*) FROM moneyout WHERE campaign_id = ? AND type = 'COMPANY'", portal.campaignId);

        JsonNode audit = ChangeDriver.JSON.readTree(httpGet(live.service.baseUrl() + "/api/v1/ops/audit"));
        JsonNode breaches = audit.get("breaches");
        long notDecided = 0;
        for (var currency : audit.get("totals").properties()) {
            JsonNode u = currency.getValue().get("creditsNotDecided");
            notDecided += u == null ? 0 : u.get("count").asLong();
        }

        long decidedOnce = published.size() - missing - twice;
        report.add(String.format(
                "  credits: sent %,d, decided %,d, decided exactly once %,d (missing %d, twice %d, not as planned %d,"
                        + " unexpected %d)",
                published.size(), published.size() - missing, decidedOnce, missing, twice, wrongOutcome, unexpected));
        report.add(String.format(
                "  paid orders: ACCOUNTED %,d = exact credits %,d; COMPANY moneyouts %,d; repeated: status changes %d,"
                        + " moneyouts %d, order events %d; audit: %s, %d not decided",
                accounted,
                exact,
                companyMoneyouts,
                repeatedStatus,
                repeatedMoneyouts,
                repeatedOrderEvents,
                breaches != null && breaches.isEmpty() ? "no breach" : "BREACHES " + breaches,
                notDecided));
        List<String> problems = new ArrayList<>();
        if (missing > 0) {
            problems.add(missing + " credits never decided");
        }
        if (twice > 0) {
            problems.add(twice + " credits decided more than once");
        }
        if (wrongOutcome > 0) {
            problems.add(wrongOutcome + " credits decided otherwise than planned");
        }
        if (unexpected > 0) {
            problems.add(unexpected + " credit rows of no credit sent");
        }
        if (accounted != exact || companyMoneyouts != exact) {
            problems.add("ACCOUNTED orders " + accounted + " / COMPANY moneyouts " + companyMoneyouts + " != exact "
                    + exact);
        }
        if (repeatedStatus + repeatedMoneyouts + repeatedOrderEvents > 0) {
            problems.add("repeated effects: " + repeatedStatus + " status changes, " + repeatedMoneyouts
                    + " moneyouts, " + repeatedOrderEvents + " order events");
        }
        if (breaches == null || !breaches.isEmpty() || notDecided > 0) {
            problems.add("audit: breaches " + breaches + ", " + notDecided + " not decided");
        }
        if (!problems.isEmpty()) {
            failures.add("NOT EXACTLY ONCE: " + String.join("; ", problems) + " " + samples);
        }
    }

    private static void sample(List<String> samples, String text) {
        if (samples.size() < 5) {
            samples.add(text);
        }
    }

    /** A credit's decision: when it was published and decided (epoch µs), on which partition. */
    private record Decided(long publishedMicros, long decidedMicros, int partition) {
        long delay() {
            return decidedMicros - publishedMicros;
        }
    }

    /** The longest time without a decision while a credit was waiting, and when it ended. */
    private record Pause(long micros, long endMicros, int partition) {}

    private void analyse(
            List<PlannedCredit> published,
            Map<String, long[]> decided,
            int partitions,
            long restartStart,
            long restartEnd,
            long loadEnd,
            List<Replica> olds,
            List<Replica> news) {
        List<Decided> all = new ArrayList<>();
        for (PlannedCredit c : published) {
            long[] row = decided.get(c.notificationId);
            if (row != null) {
                all.add(new Decided(c.publishedMicros, row[0], CreditPlan.partitionOf(c.notificationId, partitions)));
            }
        }
        all.sort((a, b) -> Long.compare(a.decidedMicros, b.decidedMicros));

        report.add(String.format(
                "  rolling restart (maxSurge 1, maxUnavailable 0): %.1f s, from the first new replica's start to the"
                        + " last old one's exit",
                (restartEnd - restartStart) / 1e6));
        for (int i = 0; i < olds.size(); i++) {
            Replica fresh = news.get(i);
            Replica old = olds.get(i);
            report.add(String.format(
                    "    %s: start at t=%.1f s, ready in %.1f s; %s: SIGTERM at t=%.1f s, exited %.1f s later"
                            + " (exit %d; its %d SSE streams: last event %s, ended %s)",
                    fresh.name,
                    t(fresh.launchedMicros),
                    (fresh.readyMicros - fresh.launchedMicros) / 1e6,
                    old.name,
                    t(old.sigtermMicros),
                    (old.exitedMicros - old.sigtermMicros) / 1e6,
                    old.exitValue,
                    old.streamsAtSigterm.get(),
                    sinceSigterm(old, old.streamsLastEventMicros.get()),
                    sinceSigterm(old, old.streamsEndedMicros.get())));
        }
        long maxShutdown = olds.stream()
                .mapToLong(r -> r.exitedMicros - r.sigtermMicros)
                .max()
                .orElse(0);
        long maxReady = news.stream()
                .mapToLong(r -> r.readyMicros - r.launchedMicros)
                .max()
                .orElse(0);
        report.add(String.format(
                "    shutdown (SIGTERM to exit): max %.1f s (grace period %d s); new replica to ready: max %.1f s",
                maxShutdown / 1e6, GRACE.toSeconds(), maxReady / 1e6));
        report.add(String.format(
                "    credits consumed again after their partition moved (decided already, ignored): %d (old replicas"
                        + " before SIGTERM %s, new ones at the end %s)",
                replicas.stream().mapToLong(r -> Math.max(0, r.redelivered)).sum(),
                olds.stream().map(r -> Long.toString(r.redelivered)).toList(),
                news.stream().map(r -> Long.toString(r.redelivered)).toList()));
        if (maxShutdown > GRACE.toMillis() * 1000) {
            report.add("    a shutdown took longer than the grace period: Kubernetes would have killed it");
        }

        Pause restartPause = null;
        Pause restartPartitionPause = null;
        long restartMaxDelay = 0;
        report.add("  by publish time    credits  delay publish->decision (ms)                    longest pause (s):"
                + " all partitions / one partition");
        for (String[] window : List.of(
                new String[] {"before", "warm-up, before the restart"},
                new String[] {"during", "the rolling restart"},
                new String[] {"after", "the tail"})) {
            LongPredicate in =
                    switch (window[0]) {
                        case "before" -> p -> p < restartStart;
                        case "during" -> p -> p >= restartStart && p < restartEnd;
                        default -> p -> p >= restartEnd;
                    };
            List<Decided> mine =
                    all.stream().filter(d -> in.test(d.publishedMicros)).toList();
            long[] delays = mine.stream().mapToLong(Decided::delay).sorted().toArray();
            long from = window[0].equals("before")
                    ? loadStartMicros
                    : window[0].equals("during") ? restartStart : restartEnd;
            long to = window[0].equals("before") ? restartStart : window[0].equals("during") ? restartEnd : loadEnd;
            Pause global = longestPause(all, -1, from, to);
            Pause partition = longestPartitionPause(all, partitions, from, to);
            if (window[0].equals("during")) {
                restartPause = global;
                restartPartitionPause = partition;
                restartMaxDelay = delays.length == 0 ? 0 : delays[delays.length - 1];
            }
            report.add(String.format(
                    "    %-7s %,9d   p50 %8s  p99 %8s  max %8s   %6.2f / %6.2f (p%d, ended t=%.1f s)",
                    window[0],
                    delays.length,
                    Longs.ms(Longs.quantile(delays, 0.50)),
                    Longs.ms(Longs.quantile(delays, 0.99)),
                    Longs.ms(delays.length == 0 ? 0 : delays[delays.length - 1]),
                    global.micros() / 1e6,
                    partition.micros() / 1e6,
                    partition.partition(),
                    t(partition.endMicros())));
        }
        report.add(
                0,
                String.format(
                        "LONGEST PAUSE during the rolling restart: %.2f s without any decision while credits waited; %.2f s"
                                + " on one partition (p%d, ended t=%.1f s); largest publish->decision delay %.2f s. Target"
                                + " < 10 s: %s",
                        restartPause.micros() / 1e6,
                        restartPartitionPause.micros() / 1e6,
                        restartPartitionPause.partition(),
                        t(restartPartitionPause.endMicros()),
                        restartMaxDelay / 1e6,
                        restartMaxDelay < 10_000_000 ? "MET" : "NOT MET"));
        stalls(all, partitions);
    }

    /**
     * The longest stretch in [from, to) with no decision (of {@code partition}, or of any when -1) although a credit
     * (of it) published before the stretch's end was not decided yet: at each decision, the time since the previous
     * decision or since the oldest still undecided credit's publication, whichever is later.
     */
    private static Pause longestPause(List<Decided> byDecision, int partition, long from, long to) {
        List<Decided> mine = partition < 0
                ? byDecision
                : byDecision.stream().filter(d -> d.partition == partition).toList();
        int n = mine.size();
        long[] oldestWaiting = new long[n + 1];
        oldestWaiting[n] = Long.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            oldestWaiting[i] = Math.min(oldestWaiting[i + 1], mine.get(i).publishedMicros);
        }
        Pause longest = new Pause(0, 0, partition);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long at = mine.get(i).decidedMicros;
            long waitingSince = Math.max(previous, oldestWaiting[i]);
            if (at >= from && at < to && at - waitingSince > longest.micros()) {
                longest = new Pause(at - waitingSince, at, partition);
            }
            previous = at;
        }
        return longest;
    }

    private static Pause longestPartitionPause(List<Decided> byDecision, int partitions, long from, long to) {
        Pause longest = new Pause(0, 0, 0);
        for (int p = 0; p < partitions; p++) {
            Pause pause = longestPause(byDecision, p, from, to);
            if (pause.micros() > longest.micros()) {
                longest = pause;
            }
        }
        return longest;
    }

    /** Credits of one partition decided together (within a second) after waiting longer than a second. */
    private record Stall(int partition, int credits, long minDelay, long maxDelay, long firstPublished, long decided) {}

    /** The worst stall episodes (by their longest wait), in time order. */
    private void stalls(List<Decided> byDecision, int partitions) {
        List<Stall> episodes = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            List<Decided> slow = byDecision.stream()
                    .filter(d -> d.partition == partition && d.delay() > STALL_MICROS)
                    .toList();
            int i = 0;
            while (i < slow.size()) {
                int j = i;
                while (j < slow.size() && slow.get(j).decidedMicros - slow.get(i).decidedMicros < STALL_MICROS) {
                    j++;
                }
                List<Decided> together = slow.subList(i, j);
                episodes.add(new Stall(
                        partition,
                        together.size(),
                        together.stream().mapToLong(Decided::delay).min().orElse(0),
                        together.stream().mapToLong(Decided::delay).max().orElse(0),
                        together.stream()
                                .mapToLong(Decided::publishedMicros)
                                .min()
                                .orElse(0),
                        together.get(together.size() - 1).decidedMicros));
                i = j;
            }
        }
        if (episodes.isEmpty()) {
            report.add("  no credit waited more than 1 s");
            return;
        }
        List<Stall> worst = episodes.stream()
                .sorted((a, b) -> Long.compare(b.maxDelay(), a.maxDelay()))
                .limit(STALLS_SHOWN)
                .sorted((a, b) -> Long.compare(a.decided(), b.decided()))
                .toList();
        report.add(String.format(
                "  credits that waited more than 1 s: %d episodes (a partition's credits decided together); the %d"
                        + " longest, t = seconds since the load started:",
                episodes.size(), worst.size()));
        for (Stall e : worst) {
            report.add(String.format(
                    "    p%d: %3d credits waited %.1f-%.1f s: first published t=%.1f s, decided t=%.1f s",
                    e.partition(),
                    e.credits(),
                    e.minDelay() / 1e6,
                    e.maxDelay() / 1e6,
                    t(e.firstPublished()),
                    t(e.decided())));
        }
    }

    private static String sinceSigterm(Replica replica, long epochMicros) {
        return epochMicros == 0
                ? "-"
                : String.format("%.1f s after SIGTERM", (epochMicros - replica.sigtermMicros) / 1e6);
    }

    /** Seconds since the load started. */
    private double t(long epochMicros) {
        return (epochMicros - loadStartMicros) / 1e6;
    }

    // ------------------------------------------------------------------ the machine

    /**
     * CPU over the load, from /proc: the whole machine's, this run's processes' (the replicas, PostgreSQL, this JVM
     * with the broker, the load and the SSE clients), and so what the machine's other users took meanwhile. The
     * replicas are sampled every second (a replica's last second before it exits is missed, as are PostgreSQL
     * backends that ended): "others" is a slight overestimate.
     */
    private final class CpuAccount {
        private final long[] machineStart = ProcessProbes.machineTicks();
        private final long selfStart =
                ProcessProbes.processTicks(ProcessHandle.current().pid(), false);
        private final long postmaster;
        private final long postgresStart;
        /** Per replica: ticks when first seen (0 for a replica started during the load), last seen. */
        private final Map<Replica, long[]> ticks = new ConcurrentHashMap<>();

        private final Thread sampler;
        private volatile boolean running = true;

        CpuAccount(long postmaster) {
            this.postmaster = postmaster;
            this.postgresStart = ProcessProbes.processTicks(postmaster, true);
            for (Replica r : replicas) {
                long now = ProcessProbes.processTicks(r.service.pid(), false);
                ticks.put(r, new long[] {now, now});
            }
            sampler = new Thread(
                    () -> {
                        while (running) {
                            sample();
                            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                        }
                    },
                    "rolling-cpu");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            for (Replica r : replicas) {
                if (r.launchedMicros > 0 && r.service.isAlive()) {
                    long now = ProcessProbes.processTicks(r.service.pid(), false);
                    if (now > 0) {
                        ticks.computeIfAbsent(r, k -> new long[] {0, 0})[1] = now;
                    }
                }
            }
        }

        String stop(double seconds) {
            running = false;
            sample();
            long[] machine = ProcessProbes.machineTicks();
            double hz = 100; // USER_HZ
            int cores = Runtime.getRuntime().availableProcessors();
            double busy = cores * (double) (machine[0] - machineStart[0]) / (machine[1] - machineStart[1]);
            double services =
                    ticks.values().stream().mapToLong(t -> t[1] - t[0]).sum() / hz / seconds;
            double postgres = (ProcessProbes.processTicks(postmaster, true) - postgresStart) / hz / seconds;
            double self = (ProcessProbes.processTicks(ProcessHandle.current().pid(), false) - selfStart) / hz / seconds;
            return String.format(
                    "  CPU over the load (%.0f s): the machine busy %.2f of %d cores; this run %.2f (replicas %.2f,"
                            + " PostgreSQL %.2f, broker + load + SSE clients %.2f); the machine's other users about"
                            + " %.2f cores",
                    seconds,
                    busy,
                    cores,
                    services + postgres + self,
                    services,
                    postgres,
                    self,
                    busy - services - postgres - self);
        }
    }

    /** PostgreSQL's postmaster: the parent of this connection's backend. */
    private static long postmasterPid(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .map(ProcessHandle::pid)
                    .orElse(-1L);
        }
    }

    // ------------------------------------------------------------------ helpers

    private Connection jdbc() throws SQLException {
        Connection connection = DriverManager.getConnection(servers.jdbcUrl(), "postgres", "");
        connection.setAutoCommit(true);
        return connection;
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String httpGet(String url) throws IOException, InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> response = client.send(
                java.net.http.HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + ApiClient.OPS_KEY)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A counter's value in the service's Prometheus scrape, or -1 when absent or unreachable. */
    private static long scrapeCounter(String baseUrl, String name) {
        try {
            for (String line : httpGet(baseUrl + "/actuator/prometheus").split("\n")) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    private static void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private void printReport() {
        System.out.println();
        System.out.println("=== Rolling restart (" + Instant.now().toString().substring(0, 10) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores; " + options.replicas() + " replicas -Xmx"
                + options.xmx() + ", " + options.rate() + " credits/s, " + options.ssePerReplica()
                + " SSE streams per replica) ===");
        report.forEach(System.out::println);
        System.out.println(
                failures.isEmpty()
                        ? "RUN: VALID (every credit decided exactly once as planned; every replica started and stopped)"
                        : "RUN: INVALID");
        failures.forEach(f -> System.out.println("  FAILED: " + f));
        System.out.println("===");
    }
}
