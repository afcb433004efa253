package io.crowdrecon.recon.benchmark;

import ch.qos.logback.classic.Level;
import io.crowdrecon.recon.ReconApplication;
import io.crowdrecon.recon.benchmark.CreditPlan.Kind;
import io.crowdrecon.recon.benchmark.CreditPlan.PlannedCredit;
import io.crowdrecon.recon.embedded.DurablePostgres;
import io.crowdrecon.recon.embedded.EmbeddedInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput benchmark of the credit pipeline (Kafka → matching → PostgreSQL → outbox → Kafka),
 * and of the PostgreSQL write floor under it. A program that measures and reports, not a test:
 *
 * <pre>
 * ./mvnw -q -Dbuild.dir=target-bench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:exec \
 *   -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath io.crowdrecon.recon.benchmark.ThroughputBenchmark 100000"
 * </pre>
 *
 * <p>It starts a real PostgreSQL (fsync on, as in production) and a real Kafka broker on a fresh
 * temporary work directory and free ports, and the service in this JVM exactly as the embedded
 * default does (profile {@code embedded}, auto-confirm off). It loads N WAITING orders with SQL,
 * publishes N credits as fast as a Kafka producer can (90 % exact matches, 10 % over every
 * non-match reason, 1 % redelivered), and measures: credits/s until every credit is decided,
 * latency from publish to decision and to the {@code COMPANY} moneyout on {@code recon.moneyouts},
 * peak heap, where the time goes (batch sizes, per-batch time, CPU by thread group and of
 * PostgreSQL, what the database sessions wait on). It checks the audit and the outcomes, then
 * stops the service and writes the same rows for N other orders with a minimal batched JDBC
 * program: the write floor, and the ratio pipeline/floor. Exits 0 when every check passes.
 *
 * <p>Arguments: {@code N} (default 100000, or {@code RECON_BENCH_N}), then options
 * {@code --warmup=W} (W other credits decided before measuring, default 30000: the service's steady state, once the
 * JIT compilers are done, is what is measured; their rate is reported too; {@code --warmup=0} measures a cold JVM),
 * {@code --floor-threads=T}
 * (connections writing the floor in parallel, default 1), {@code --no-read-floor} (skip the floor
 * that also runs the pipeline's reads), {@code --seed=S}, {@code --keep} (keep the work directory),
 * {@code --prop=name=value} (a service property, to try a setting, e.g.
 * {@code --prop=recon.kafka.max-poll-records=3000}). JVM options go before {@code -cp} in
 * {@code exec.args} (e.g. {@code -Xmx1g}, or {@code -XX:StartFlightRecording=filename=bench.jfr}).
 * Exit status: 0 when every check passes, 1 when a correctness check fails, 2 on an error.
 *
 * <p>Only the tables it loads are analyzed before the run ({@code purchase_order},
 * {@code order_status_history}); the others stay as a fresh migration leaves them. Analyzing them
 * while empty makes the pool's connections cache sequential-scan plans for the foreign-key checks
 * (moneyout → moneyin, moneyin → credit), which then read the whole table per row.
 */
public final class ThroughputBenchmark {

    static final String OPS_KEY = "bench-ops-key";
    static final String BANK_TOPIC = "recon.bank-notifications";
    static final String MONEYOUT_TOPIC = "recon.moneyouts";
    /** The pipeline's batch: recon.kafka.max-poll-records. */
    static final int BATCH_SIZE = 500;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    record Options(
            int n,
            int warmup,
            int floorThreads,
            boolean readFloor,
            long seed,
            boolean keep,
            Duration stallTimeout,
            Map<String, Object> serviceProperties) {
        static Options parse(String[] args) {
            String env = System.getenv("RECON_BENCH_N");
            int n = env == null || env.isBlank() ? 100_000 : Integer.parseInt(env.trim());
            int warmup = 30_000;
            int floorThreads = 1;
            boolean readFloor = true;
            long seed = 42;
            boolean keep = false;
            Map<String, Object> properties = new LinkedHashMap<>();
            for (String arg : args) {
                for (String a : arg.trim().split("\\s+")) {
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (a.matches("\\d+")) {
                        n = Integer.parseInt(a);
                    } else if (a.startsWith("--warmup=")) {
                        warmup = Integer.parseInt(a.substring(9));
                    } else if (a.startsWith("--floor-threads=")) {
                        floorThreads = Integer.parseInt(a.substring(16));
                    } else if (a.equals("--no-read-floor")) {
                        readFloor = false;
                    } else if (a.startsWith("--seed=")) {
                        seed = Long.parseLong(a.substring(7));
                    } else if (a.equals("--keep")) {
                        keep = true;
                    } else if (a.startsWith("--prop=") && a.indexOf('=', 7) > 7) {
                        int eq = a.indexOf('=', 7);
                        properties.put(a.substring(7, eq), a.substring(eq + 1));
                    } else {
                        throw new IllegalArgumentException("unknown argument " + a + " (see the class comment)");
                    }
                }
            }
            if (n < 100) {
                throw new IllegalArgumentException("N must be at least 100");
            }
            return new Options(n, warmup, floorThreads, readFloor, seed, keep, Duration.ofSeconds(120), properties);
        }
    }

    private final Options options;
    private final List<String> failures = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private final List<String> floorCpu = new ArrayList<>();

    private ThroughputBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new ThroughputBenchmark(Options.parse(args)).run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private int run() throws Exception {
        quietServerLogs();
        Path workDirectory = Files.createTempDirectory("crowdrecon-bench-");
        log("work directory " + workDirectory + "; N = " + options.n());
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(workDirectory, 0, 0, 0, true);
        try {
            return measure(infrastructure, workDirectory);
        } finally {
            infrastructure.close();
            if (!options.keep()) {
                deleteRecursively(workDirectory);
            }
        }
    }

    private int measure(EmbeddedInfrastructure infrastructure, Path workDirectory) throws Exception {
        String jdbcUrl = infrastructure.postgres().jdbcUrl();
        ConfigurableApplicationContext service = startService(infrastructure);
        Api api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
        api.awaitHealthy(Duration.ofSeconds(120));

        // The world, through the API: a portal with its company, investor and campaigns.
        Random random = new Random(options.seed());
        String collectionIban = CreditPlan.iban(random);
        JsonNode portal = api.post(
                OPS_KEY,
                "/api/v1/ops/portals",
                Map.of(
                        "name",
                        "Benchmark portal",
                        "collectionIban",
                        collectionIban,
                        "feeAccountIban",
                        CreditPlan.iban(random)));
        String portalId = portal.get("portalId").asString();
        String portalKey = portal.get("apiKey").asString();
        String companyId = api.post(
                        OPS_KEY,
                        "/api/v1/ops/companies",
                        Map.of(
                                "portalId",
                                portalId,
                                "name",
                                "Benchmark Srl",
                                "fiscalCode",
                                "12345678903",
                                "iban",
                                CreditPlan.iban(random)))
                .get("companyId")
                .asString();
        String investorId = api.post(portalKey, "/api/v1/investors", investor())
                .get("investorId")
                .asString();
        World world = new World(portalId, companyId, investorId);

        Set<String> usedOrderIds = new HashSet<>();
        int partitions;
        try (KafkaProducer<String, byte[]> probe = producer(infrastructure)) {
            partitions = probe.partitionsFor(BANK_TOPIC).size();
        }
        CreditPlan warmup = options.warmup() > 0
                ? CreditPlan.create("W", options.warmup(), collectionIban, random, usedOrderIds, partitions, true)
                : null;
        CreditPlan pipeline =
                CreditPlan.create("P", options.n(), collectionIban, random, usedOrderIds, partitions, true);
        CreditPlan floor = CreditPlan.create("F", options.n(), collectionIban, random, usedOrderIds, partitions, false);
        CreditPlan readFloor = options.readFloor()
                ? CreditPlan.create("R", options.n(), collectionIban, random, usedOrderIds, partitions, false)
                : null;
        Map<CreditPlan, String> campaigns = new LinkedHashMap<>();
        for (CreditPlan plan : Stream.of(warmup, pipeline, floor, readFloor)
                .filter(java.util.Objects::nonNull)
                .toList()) {
            String campaignId = api.post(portalKey, "/api/v1/campaigns", campaign(companyId, plan.label))
                    .get("campaignId")
                    .asString();
            api.put(portalKey, "/api/v1/campaigns/" + campaignId + "/opened");
            campaigns.put(plan, campaignId);
        }

        try (Connection db = jdbc(jdbcUrl, "crowdrecon-bench-setup")) {
            long started = System.nanoTime();
            for (var entry : campaigns.entrySet()) {
                SeededOrders.insert(
                        db,
                        new SeededOrders.Owner(
                                world.portalId(), entry.getValue(), world.companyId(), world.investorId()),
                        entry.getKey().orders);
            }
            db.setAutoCommit(true);
            try (Statement st = db.createStatement()) {
                // Statistics for the tables loaded here only: the others stay as a fresh migration leaves them.
                st.execute("VACUUM ANALYZE purchase_order, order_status_history");
                st.execute("CHECKPOINT");
            }
            log(String.format(
                    "loaded %d orders in %.1f s",
                    campaigns.keySet().stream().mapToInt(p -> p.orders.size()).sum(),
                    (System.nanoTime() - started) / 1e9));
        }

        Connection poll = jdbc(jdbcUrl, "crowdrecon-bench-poll");
        poll.setAutoCommit(true);
        int baseline = 0;
        String warmupLine = null;
        try (KafkaProducer<String, byte[]> producer = producer(infrastructure)) {
            if (warmup != null) {
                log("warm-up: " + warmup.distinct + " credits");
                long warmupStart = System.nanoTime();
                publish(producer, warmup);
                long warmupDecided = awaitCount(service, poll, warmup.distinct, null);
                awaitRelayIdle(poll);
                baseline = warmup.distinct;
                warmupLine = String.format(
                        "warm-up (the JVM cold): %d credits decided in %.2f s, %.0f credits/s (not measured)",
                        warmup.distinct,
                        (warmupDecided - warmupStart) / 1e9,
                        warmup.distinct / ((warmupDecided - warmupStart) / 1e9));
            }
            Metrics before = Metrics.of(service);
            MoneyoutWatcher watcher = new MoneyoutWatcher(infrastructure, pipeline);
            long postmaster = Probes.postmasterPid(workDirectory.resolve("postgres"));
            System.gc();
            long heapBaseline = java.lang.management.ManagementFactory.getMemoryMXBean()
                    .getHeapMemoryUsage()
                    .getUsed();
            Connection activityConnection = jdbc(jdbcUrl, "crowdrecon-bench-activity");
            activityConnection.setAutoCommit(true);
            Probes.ActivitySampler activity = new Probes.ActivitySampler(activityConnection);
            Probes.HeapSampler heap = new Probes.HeapSampler();
            PoolSampler pool = new PoolSampler(service);
            Map<String, long[]> tablesStart = Probes.tableStats(poll);
            Probes.Cpu cpuStart = Probes.Cpu.now(postmaster);

            log("publishing " + pipeline.publishOrder.size() + " records (" + pipeline.distinct + " credits)");
            long firstPublish = System.nanoTime();
            publish(producer, pipeline);
            long published = System.nanoTime();
            List<long[]> progress = new ArrayList<>();
            long decided = awaitCount(service, poll, baseline + pipeline.distinct, progress);
            activity.freezeConcurrency();
            // The outbox relay may lag behind the ingest: give it twice the ingest's time, plus two minutes.
            boolean allMoneyouts =
                    watcher.await(pipeline.exact(), Duration.ofSeconds(120).plusNanos(2 * (decided - firstPublish)));
            long moneyoutsDone = watcher.lastNanos();

            Probes.Cpu cpuEnd = Probes.Cpu.now(postmaster);
            heap.close();
            pool.close();
            activity.close();
            activityConnection.close();
            watcher.close();
            Metrics after = Metrics.of(service);
            System.gc();
            long heapAfter = java.lang.management.ManagementFactory.getMemoryMXBean()
                    .getHeapMemoryUsage()
                    .getUsed();

            // ---- the pipeline's numbers
            int n = pipeline.distinct;
            double decidedSeconds = (decided - firstPublish) / 1e9;
            if (!options.serviceProperties().isEmpty()) {
                report.add("service properties set by --prop: " + options.serviceProperties());
            }
            report.add(String.format(
                    "N = %d credits (%d exact matches, %d non-matches over %d reasons, %d redelivered: %d records)"
                            + "%s",
                    n,
                    pipeline.exact(),
                    n - pipeline.exact(),
                    CreditPlan.NON_MATCHES.size(),
                    pipeline.redeliveries(),
                    pipeline.publishOrder.size(),
                    warmup == null ? "" : "; after a warm-up of " + warmup.distinct));
            if (warmupLine != null) {
                report.add(warmupLine);
            }
            report.add(String.format(
                    "publish: %d records in %.2f s (%.0f records/s, acks=all)",
                    pipeline.publishOrder.size(),
                    (published - firstPublish) / 1e9,
                    pipeline.publishOrder.size() / ((published - firstPublish) / 1e9)));
            report.add(String.format(
                    "PIPELINE: every credit decided %.2f s after the first publish: %.0f credits/s"
                            + " (between 10 %% and 90 %% decided: %.0f credits/s)",
                    decidedSeconds, n / decidedSeconds, steadyRate(progress, baseline, n, firstPublish)));
            report.add(String.format(
                    "          every COMPANY moneyout on %s after %.2f s (%s of %d)",
                    MONEYOUT_TOPIC, (moneyoutsDone - firstPublish) / 1e9, watcher.seen(), pipeline.exact()));
            Map<String, Long> recordedMicros = recordedAt(poll, "BNK-P-%");
            long[] toDecision = pipeline.publishOrder.stream()
                    .filter(c -> !c.isRedelivery() && recordedMicros.containsKey(c.notificationId))
                    .mapToLong(c -> recordedMicros.get(c.notificationId) - c.publishedMicros)
                    .sorted()
                    .toArray();
            long[] toMoneyout = pipeline.publishOrder.stream()
                    .filter(c -> c.kind == Kind.EXACT && !c.isRedelivery() && c.moneyoutNanos > 0)
                    .mapToLong(c -> (c.moneyoutNanos - c.publishedNanos) / 1000)
                    .sorted()
                    .toArray();
            long[] relay = pipeline.publishOrder.stream()
                    .filter(c -> c.kind == Kind.EXACT
                            && !c.isRedelivery()
                            && c.moneyoutNanos > 0
                            && recordedMicros.containsKey(c.notificationId))
                    .mapToLong(c -> (c.moneyoutNanos - c.publishedNanos) / 1000
                            - (recordedMicros.get(c.notificationId) - c.publishedMicros))
                    .sorted()
                    .toArray();
            report.add("latency publish -> COMPANY moneyout:  " + percentiles(toMoneyout));
            report.add("latency publish -> decision committed: " + percentiles(toDecision));
            report.add("latency decision -> moneyout (outbox relay): " + percentiles(relay));
            long maxHeap = java.lang.management.ManagementFactory.getMemoryMXBean()
                    .getHeapMemoryUsage()
                    .getMax();
            report.add(String.format(
                    "PEAK HEAP: %d MB used (sampled every 10 ms; Σ of the pools' peaks %d MB, old gen peak %d MB);"
                            + " heap max %d MB, peak committed %d MB; after GC: %d MB before the run, %d MB after;"
                            + " %d GCs, %d ms in GC during the run",
                    mb(heap.maxUsed()),
                    mb(Probes.HeapSampler.poolPeaks()),
                    mb(Probes.HeapSampler.oldGenPeak()),
                    mb(maxHeap),
                    mb(heap.maxCommitted()),
                    mb(heapBaseline),
                    mb(heapAfter),
                    heap.gcs(),
                    heap.gcTimeMillis()));
            report.add("  (the JVM also holds the embedded Kafka broker and this harness's " + n
                    + " planned credits and latency records)");

            // ---- where the time goes
            report.add("WHERE THE TIME GOES");
            report.addAll(batchSizes(poll, "BNK-P-%", decidedSeconds));
            report.addAll(after.batchTimer(before, decidedSeconds));
            report.addAll(after.counters(before));
            report.add(pool.report());
            Probes.Cpu.Usage cpu = Probes.Cpu.since(cpuStart, cpuEnd);
            report.addAll(cpu.lines(14));
            report.add(String.format(
                    "  pipeline CPU per credit: service threads %.3f ms, PostgreSQL %.3f ms (+ JIT/GC %.3f ms,"
                            + " embedded broker %.3f ms)",
                    1000 * cpu.service() / n,
                    1000 * cpu.postgres() / n,
                    1000 * cpu.nonJava() / n,
                    1000 * cpu.broker() / n));
            report.addAll(activity.report(10));
            report.addAll(Probes.tableStatsSince(tablesStart, Probes.tableStats(poll), 12));

            // ---- correctness
            verify(api, poll, pipeline, campaigns.get(pipeline), baseline + pipeline.distinct, allMoneyouts, watcher);
            double pipelineRate = n / decidedSeconds;
            poll.close();
            log("stopping the service before the write floor");
            service.close();

            // ---- the write floor
            WriteFloor.Result floorResult = runFloor(jdbcUrl, postmaster, world, campaigns.get(floor), floor, false);
            report.add(String.format(
                    "WRITE FLOOR (plain JDBC, same rows and multi-row statements, %d credits per transaction, %d"
                            + " connection%s): %d credits in %.2f s = %.0f credits/s",
                    BATCH_SIZE,
                    options.floorThreads(),
                    options.floorThreads() == 1 ? "" : "s",
                    floorResult.credits(),
                    floorResult.nanos() / 1e9,
                    floorResult.perSecond()));
            if (readFloor != null) {
                WriteFloor.Result withReads =
                        runFloor(jdbcUrl, postmaster, world, campaigns.get(readFloor), readFloor, true);
                report.add(String.format(
                        "  the same plus the pipeline's reads (5 fact queries, orders locked FOR UPDATE):"
                                + " %.0f credits/s",
                        withReads.perSecond()));
                report.add(String.format(
                        "  ratio pipeline / floor with reads = %.2f", pipelineRate / withReads.perSecond()));
            }
            report.addAll(floorCpu);
            report.add(String.format("RATIO pipeline / write floor = %.2f", pipelineRate / floorResult.perSecond()));
            report.add(
                    failures.isEmpty()
                            ? "VERDICT: PASS (audit clean, outcomes as planned)"
                            : "VERDICT: FAIL: " + String.join("; ", failures));
            System.out.println();
            System.out.println("=== crowdrecon throughput benchmark ===");
            report.forEach(System.out::println);
            return failures.isEmpty() ? 0 : 1;
        }
    }

    // ------------------------------------------------------------------ service and world

    private ConfigurableApplicationContext startService(EmbeddedInfrastructure infrastructure) {
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties());
        properties.put("recon.ops-api-key", OPS_KEY);
        properties.put("server.port", 0);
        properties.put("recon.sandbox.auto-confirm", false);
        properties.putAll(options.serviceProperties());
        // Above application.yml and application-embedded.yml (builder "properties" would be defaults, below them).
        return new SpringApplicationBuilder(ReconApplication.class)
                .profiles("embedded")
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("benchmark", properties)))
                .run();
    }

    record World(String portalId, String companyId, String investorId) {}

    private static Map<String, Object> investor() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", CreditPlan.HOLDER_NAME);
        body.put("surname", CreditPlan.HOLDER_SURNAME);
        body.put("businessName", null);
        body.put("fiscalCode", "RSSMRA81L04A859G");
        body.put("type", "NATURAL_PERSON");
        body.put("address", "via dei Fori Imperiali, 34");
        body.put("postalCode", "00100");
        body.put("city", "Roma");
        body.put("country", "IT");
        body.put("email", "mario.rossi@example.org");
        body.put("phone", "+393471234567");
        return body;
    }

    private static Map<String, Object> campaign(String companyId, String label) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyId", companyId);
        body.put("name", "Benchmark campaign " + label);
        body.put("description", "throughput benchmark");
        body.put("targetAmountMin", 1000);
        body.put("targetAmountMax", 999_999_999);
        body.put("currency", "EUR");
        body.put("expectedClosingDate", "2030-12-31");
        body.put("portalSuccessFee", Map.of("fixedAmount", 0, "variableAmountPercentage", 0));
        return body;
    }

    // ------------------------------------------------------------------ Kafka

    private static KafkaProducer<String, byte[]> producer(EmbeddedInfrastructure infrastructure) {
        Map<String, Object> props = new HashMap<>();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "crowdrecon-bench-bank");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    /** Sends every record of the plan in order, as fast as the producer takes them; stamps each send. */
    private void publish(KafkaProducer<String, byte[]> producer, CreditPlan plan) {
        long baseNanos = System.nanoTime();
        long baseMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        AtomicInteger errors = new AtomicInteger();
        for (PlannedCredit credit : plan.publishOrder) {
            byte[] value = credit.json(plan.receivedDatetime, plan.bookingDate);
            long now = System.nanoTime();
            credit.publishedNanos = now;
            credit.publishedMicros = baseMicros + (now - baseNanos) / 1000;
            producer.send(new ProducerRecord<>(BANK_TOPIC, credit.notificationId, value), (metadata, error) -> {
                if (error != null && errors.getAndIncrement() == 0) {
                    error.printStackTrace();
                }
            });
        }
        producer.flush();
        if (errors.get() > 0) {
            failures.add(errors.get() + " credits could not be published");
        }
    }

    /** Reads recon.moneyouts from the start; stamps the exact credit of each COMPANY moneyout's order. */
    private static final class MoneyoutWatcher implements AutoCloseable {
        private final Thread thread;
        private final AtomicInteger seen = new AtomicInteger();
        private final AtomicLong lastNanos = new AtomicLong();
        private volatile boolean running = true;
        private int duplicates;

        MoneyoutWatcher(EmbeddedInfrastructure infrastructure, CreditPlan plan) {
            Map<String, PlannedCredit> byOrder = new HashMap<>();
            for (PlannedCredit c : plan.publishOrder) {
                if (c.kind == Kind.EXACT && !c.isRedelivery()) {
                    byOrder.put(c.order.orderId(), c);
                }
            }
            Map<String, Object> props = new HashMap<>();
            props.put(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    infrastructure.kafka().bootstrapServers());
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "crowdrecon-bench-moneyouts");
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = consumer.partitionsFor(MONEYOUT_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position);
            byte[] company = "\"type\":\"COMPANY\"".getBytes(StandardCharsets.UTF_8);
            thread = new Thread(
                    () -> {
                        try (consumer) {
                            while (running) {
                                var records = consumer.poll(Duration.ofMillis(50));
                                long now = System.nanoTime();
                                for (ConsumerRecord<String, byte[]> record : records) {
                                    Header type = record.headers().lastHeader("ce_type");
                                    if (type == null
                                            || !new String(type.value(), StandardCharsets.UTF_8)
                                                    .equals("crowdrecon.moneyout.created.v1")
                                            || !contains(record.value(), company)) {
                                        continue;
                                    }
                                    PlannedCredit credit = byOrder.get(record.key());
                                    if (credit == null) {
                                        continue;
                                    }
                                    if (credit.moneyoutNanos != 0) {
                                        duplicates++;
                                        continue;
                                    }
                                    credit.moneyoutNanos = now;
                                    lastNanos.set(now);
                                    seen.incrementAndGet();
                                }
                            }
                        }
                    },
                    "bench-moneyout-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        boolean await(int expected, Duration timeout) {
            return poll(() -> seen.get() >= expected, timeout);
        }

        int seen() {
            return seen.get();
        }

        long lastNanos() {
            return lastNanos.get();
        }

        int duplicates() {
            return duplicates;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    // ------------------------------------------------------------------ PostgreSQL

    private static Connection jdbc(String url, String applicationName) throws SQLException {
        return DriverManager.getConnection(url + "?ApplicationName=" + applicationName, DurablePostgres.USER, "");
    }

    /**
     * Waits until {@code target} credits are decided; returns when they were (nanoTime). The service's
     * {@code recon.credits.decided} counter (incremented after each commit, free to read) is sampled every
     * 20 ms for the progress curve and the moment of completion; {@code SELECT count(*) FROM credit} (a scan
     * of the table, so only every 500 ms) is the authority: the wait ends only when it agrees.
     */
    private long awaitCount(ConfigurableApplicationContext service, Connection db, int target, List<long[]> progress)
            throws SQLException {
        long lastCount = -1;
        long lastChange = System.nanoTime();
        long lastSql = 0;
        long reached = 0;
        try (Statement st = db.createStatement()) {
            while (true) {
                long now = System.nanoTime();
                long counted = decidedCounter(service);
                if (progress != null) {
                    progress.add(new long[] {now, counted});
                }
                if (counted >= target && reached == 0) {
                    reached = now;
                }
                // The service's counter says when; the table confirms it. A count(*) is PostgreSQL work charged to
                // the pipeline (every 500 ms: 138 scans, 5.4 million rows read in a run), so only every 5 s until then.
                if (reached != 0 || now - lastSql > TimeUnit.SECONDS.toNanos(5)) {
                    lastSql = now;
                    long rows;
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM credit")) {
                        rs.next();
                        rows = rs.getLong(1);
                    }
                    if (rows >= target) {
                        return reached != 0 ? reached : now;
                    }
                    if (rows != lastCount) {
                        lastCount = rows;
                        lastChange = now;
                    } else if (now - lastChange > options.stallTimeout().toNanos()) {
                        throw new IllegalStateException("no credit decided for "
                                + options.stallTimeout().toSeconds() + " s; " + rows + " of " + target);
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private static long decidedCounter(ConfigurableApplicationContext service) {
        double max = 0;
        for (MeterRegistry registry :
                service.getBeansOfType(MeterRegistry.class).values()) {
            max = Math.max(
                    max,
                    registry.find("recon.credits.decided").counters().stream()
                            .mapToDouble(Counter::count)
                            .sum());
        }
        return (long) max;
    }

    private static void awaitRelayIdle(Connection db) throws SQLException {
        try (Statement st = db.createStatement()) {
            boolean idle = poll(
                    () -> {
                        try (ResultSet rs = st.executeQuery(
                                "SELECT (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM relay_lease)")) {
                            rs.next();
                            return rs.getLong(1) == 0;
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    Duration.ofSeconds(120));
            if (!idle) {
                throw new IllegalStateException("the outbox relay did not catch up after the warm-up");
            }
        }
    }

    /** The credit id → recorded_at (epoch µs) of every credit whose id matches {@code like}. */
    private static Map<String, Long> recordedAt(Connection db, String like) throws SQLException {
        Map<String, Long> recorded = new HashMap<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT notification_id, (extract(epoch FROM recorded_at) * 1000000)::bigint FROM credit"
                        + " WHERE notification_id LIKE ?")) {
            st.setString(1, like);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    recorded.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return recorded;
    }

    /** Credits per transaction: every credit of one batch carries the same recorded_at. */
    private static List<String> batchSizes(Connection db, String like, double seconds) throws SQLException {
        List<Integer> sizes = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT count(*) FROM credit WHERE notification_id LIKE ? GROUP BY recorded_at ORDER BY 1")) {
            st.setString(1, like);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sizes.add(rs.getInt(1));
                }
            }
        }
        if (sizes.isEmpty()) {
            return List.of("  no batches");
        }
        int total = sizes.stream().mapToInt(Integer::intValue).sum();
        return List.of(String.format(
                "  batches (one transaction each, grouped by recorded_at): %d, %.1f per s; credits per batch:"
                        + " min %d, p50 %d, mean %.1f, p90 %d, max %d (configured max %d per poll, all partitions)",
                sizes.size(),
                sizes.size() / seconds,
                sizes.get(0),
                sizes.get(sizes.size() / 2),
                total / (double) sizes.size(),
                sizes.get((int) (sizes.size() * 0.9)),
                sizes.get(sizes.size() - 1),
                BATCH_SIZE));
    }

    private WriteFloor.Result runFloor(
            String jdbcUrl, long postmaster, World world, String campaignId, CreditPlan plan, boolean reads)
            throws Exception {
        try (Connection db = jdbc(jdbcUrl, "crowdrecon-bench-setup");
                Statement st = db.createStatement()) {
            st.execute("CHECKPOINT");
        }
        log("write floor" + (reads ? " with reads" : "") + ": " + plan.distinct + " credits");
        Probes.Cpu cpuStart = Probes.Cpu.now(postmaster);
        WriteFloor.Result result = new WriteFloor(
                        jdbcUrl,
                        DurablePostgres.USER,
                        world.portalId(),
                        campaignId,
                        world.companyId(),
                        BATCH_SIZE,
                        reads)
                .run(plan, options.floorThreads());
        Probes.Cpu.Usage cpu = Probes.Cpu.since(cpuStart, Probes.Cpu.now(postmaster));
        double client = result.clientCpuNanos() / 1e9;
        floorCpu.add(String.format(
                "  floor%s CPU per credit: JDBC client %.3f ms, PostgreSQL %.3f ms; other processes on the machine"
                        + " %.2f cores meanwhile",
                reads ? " with reads" : "",
                1000 * client / result.credits(),
                1000 * cpu.postgres() / result.credits(),
                cpu.others()));
        try (Connection db = jdbc(jdbcUrl, "crowdrecon-bench-check");
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM purchase_order WHERE campaign_id = ? AND status = 'ACCOUNTED'")) {
            st.setString(1, campaignId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                check(
                        rs.getInt(1) == plan.exact(),
                        "write floor" + (reads ? " with reads" : "") + ": " + rs.getInt(1) + " orders ACCOUNTED, "
                                + plan.exact() + " expected");
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ correctness

    private void verify(
            Api api,
            Connection db,
            CreditPlan plan,
            String campaignId,
            int totalCredits,
            boolean allMoneyouts,
            MoneyoutWatcher watcher)
            throws SQLException, IOException, InterruptedException {
        JsonNode audit = api.get(OPS_KEY, "/api/v1/ops/audit");
        JsonNode breaches = audit.get("breaches");
        long credits = 0;
        long notDecided = 0;
        for (var currency : audit.get("totals").properties()) {
            JsonNode c = currency.getValue().get("credits");
            credits += c == null ? 0 : c.get("count").asLong();
            JsonNode u = currency.getValue().get("creditsNotDecided");
            notDecided += u == null ? 0 : u.get("count").asLong();
        }
        check(breaches != null && breaches.isArray() && breaches.isEmpty(), "audit breaches: " + breaches);
        check(credits == totalCredits, "audit counts " + credits + " credits, " + totalCredits + " expected");
        check(notDecided == 0, "audit: " + notDecided + " credits not decided (DLQ)");

        Map<String, Integer> outcomes = new TreeMap<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT coalesce(reason, outcome), count(*) FROM credit WHERE notification_id LIKE ? GROUP BY 1")) {
            st.setString(1, "BNK-" + plan.label + "-%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    outcomes.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        plan.expected.forEach((kind, count) -> expected.put(kind == Kind.EXACT ? "MATCHED" : kind.name(), count));
        check(outcomes.equals(expected), "outcomes " + outcomes + ", planned " + expected);

        Map<String, Integer> orderStatuses = new TreeMap<>();
        try (PreparedStatement st =
                db.prepareStatement("SELECT status, count(*) FROM purchase_order WHERE campaign_id = ? GROUP BY 1")) {
            st.setString(1, campaignId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    orderStatuses.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        int accounted = orderStatuses.getOrDefault("ACCOUNTED", 0);
        check(
                accounted == plan.exact(),
                "matched orders " + accounted + " != exact-match credits " + plan.exact() + " " + orderStatuses);
        check(
                orderStatuses.getOrDefault("INCORRECT_AMOUNT", 0).intValue()
                        == plan.expected.get(Kind.AMOUNT_MISMATCH).intValue(),
                "INCORRECT_AMOUNT orders " + orderStatuses);
        int moneyouts = count(
                db,
                "SELECT count(*) FROM moneyout WHERE campaign_id = ? AND type = 'COMPANY' AND status = 'AVAILABLE'",
                campaignId);
        check(moneyouts == plan.exact(), moneyouts + " COMPANY moneyouts, " + plan.exact() + " expected");
        check(allMoneyouts, "only " + watcher.seen() + " of " + plan.exact() + " COMPANY moneyouts seen on Kafka");
        report.add(String.format(
                "CORRECTNESS: audit %s (%d credits, %d not decided); matched orders %d = exact credits %d; outcomes"
                        + " %s; orders %s; COMPANY moneyouts on Kafka %d (+%d duplicates)",
                breaches != null && breaches.isEmpty() ? "clean, no breaches" : "BREACHES " + breaches,
                credits,
                notDecided,
                accounted,
                plan.exact(),
                outcomes.equals(expected) ? "as planned " + outcomes : outcomes + " (planned " + expected + ")",
                orderStatuses,
                watcher.seen(),
                watcher.duplicates()));
    }

    private static int count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
            log("CHECK FAILED: " + what);
        }
    }

    // ------------------------------------------------------------------ the service's own meters

    /** The service's ingest and outbox meters at one moment. */
    private record Metrics(
            long batches,
            double batchSeconds,
            double batchMaxMs,
            Map<Double, Long> buckets,
            Map<String, Double> counts) {

        static Metrics of(ConfigurableApplicationContext service) {
            long batches = 0;
            double seconds = 0;
            double max = 0;
            Map<Double, Long> buckets = new TreeMap<>();
            Map<String, Double> counts = new TreeMap<>();
            for (MeterRegistry registry :
                    service.getBeansOfType(MeterRegistry.class).values()) {
                Timer timer = registry.find("recon.ingest.batch.duration").timer();
                if (timer != null && batches == 0) {
                    HistogramSnapshot snapshot = timer.takeSnapshot();
                    batches = snapshot.count();
                    seconds = snapshot.total(TimeUnit.SECONDS);
                    max = snapshot.max(TimeUnit.MILLISECONDS);
                    CountAtBucket[] histogram = snapshot.histogramCounts();
                    double previous = 0;
                    boolean cumulative = true;
                    for (CountAtBucket b : histogram) {
                        if (b.count() < previous) {
                            cumulative = false;
                        }
                        previous = b.count();
                    }
                    long running = 0;
                    for (CountAtBucket b : histogram) {
                        running = cumulative ? (long) b.count() : running + (long) b.count();
                        buckets.put(b.bucket(TimeUnit.MILLISECONDS), running);
                    }
                }
                for (String name :
                        List.of("recon.credits.decided", "recon.credits.redelivered", "recon.outbox.published")) {
                    double sum = registry.find(name).counters().stream()
                            .mapToDouble(Counter::count)
                            .sum();
                    if (sum > 0) {
                        counts.merge(name, sum, Math::max);
                    }
                }
            }
            return new Metrics(batches, seconds, max, buckets, counts);
        }

        List<String> batchTimer(Metrics before, double wallSeconds) {
            long count = batches - before.batches;
            if (count == 0) {
                return List.of("  recon.ingest.batch.duration: no batches recorded");
            }
            double total = batchSeconds - before.batchSeconds;
            return List.of(String.format(
                    "  recon.ingest.batch.duration (decide + write + commit of one partition's batch): %d batches,"
                            + " mean %.1f ms, p50 <= %s ms, p90 <= %s ms, p99 <= %s ms, max %.0f ms; Σ %.1f s over"
                            + " %.1f s wall = %.2f batches in flight on average",
                    count,
                    1000 * total / count,
                    quantile(before, 0.5),
                    quantile(before, 0.9),
                    quantile(before, 0.99),
                    batchMaxMs,
                    total,
                    wallSeconds,
                    total / wallSeconds));
        }

        private String quantile(Metrics before, double q) {
            long count = batches - before.batches;
            for (var bucket : buckets.entrySet()) {
                long inRun = bucket.getValue() - before.buckets.getOrDefault(bucket.getKey(), 0L);
                if (inRun >= q * count) {
                    return String.format("%.0f", bucket.getKey());
                }
            }
            return "?";
        }

        List<String> counters(Metrics before) {
            List<String> lines = new ArrayList<>();
            StringBuilder s = new StringBuilder("  service counters during the run:");
            counts.forEach((name, value) ->
                    s.append(String.format(" %s +%.0f", name, value - before.counts.getOrDefault(name, 0.0))));
            lines.add(s.toString());
            return lines;
        }
    }

    /** Samples the R2DBC pool's gauges (acquired / pending connections), when the service publishes them. */
    private static final class PoolSampler implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        private double maxAcquired;
        private double maxPending;
        private double sumAcquired;
        private double sumPending;
        private long samples;
        private final List<Gauge> acquired = new ArrayList<>();
        private final List<Gauge> pending = new ArrayList<>();

        PoolSampler(ConfigurableApplicationContext service) {
            for (MeterRegistry registry :
                    service.getBeansOfType(MeterRegistry.class).values()) {
                for (Meter meter : registry.getMeters()) {
                    if (meter instanceof Gauge gauge) {
                        String name = meter.getId().getName();
                        if (name.equals("r2dbc.pool.acquired")) {
                            acquired.add(gauge);
                        } else if (name.equals("r2dbc.pool.pending")) {
                            pending.add(gauge);
                        }
                    }
                }
            }
            thread = new Thread(
                    () -> {
                        while (running) {
                            double a =
                                    acquired.stream().mapToDouble(Gauge::value).sum();
                            double p =
                                    pending.stream().mapToDouble(Gauge::value).sum();
                            synchronized (this) {
                                maxAcquired = Math.max(maxAcquired, a);
                                maxPending = Math.max(maxPending, p);
                                sumAcquired += a;
                                sumPending += p;
                                samples++;
                            }
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                        }
                    },
                    "bench-pool-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        synchronized String report() {
            if (acquired.isEmpty()) {
                return "  R2DBC pool: no r2dbc.pool.* gauges published";
            }
            return String.format(
                    "  R2DBC pool (max-size 20): connections acquired avg %.2f max %.0f; acquisitions pending avg %.2f"
                            + " max %.0f",
                    sumAcquired / Math.max(1, samples), maxAcquired, sumPending / Math.max(1, samples), maxPending);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(2_000);
        }
    }

    // ------------------------------------------------------------------ REST

    /** The service's API over HTTP, as an operator and a portal call it. */
    private static final class Api {
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;

        Api(int port) {
            this.base = "http://localhost:" + port;
        }

        void awaitHealthy(Duration timeout) {
            boolean up = poll(
                    () -> {
                        try {
                            HttpResponse<String> r = http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            return r.statusCode() == 200 && r.body().contains("\"UP\"");
                        } catch (IOException e) {
                            return false;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    },
                    timeout);
            if (!up) {
                throw new IllegalStateException("the service did not become healthy in " + timeout);
            }
        }

        JsonNode post(String key, String path, Object body) throws IOException, InterruptedException {
            return send(
                    key,
                    path,
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                    201);
        }

        JsonNode put(String key, String path) throws IOException, InterruptedException {
            return send(
                    key,
                    path,
                    HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.noBody()),
                    200);
        }

        JsonNode get(String key, String path) throws IOException, InterruptedException {
            return send(
                    key, path, HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
        }

        private JsonNode send(String key, String path, HttpRequest.Builder request, int expected)
                throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(
                    request.header("Authorization", "Bearer " + key)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofMinutes(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static boolean poll(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return condition.getAsBoolean();
    }

    /** Credits/s while the decided count went from 10 % to 90 % of {@code n} (interpolated between samples). */
    private static double steadyRate(List<long[]> progress, int baseline, int n, long start) {
        double t10 = crossing(progress, baseline + n * 0.1, start);
        double t90 = crossing(progress, baseline + n * 0.9, start);
        return t90 > t10 ? n * 0.8 / (t90 - t10) : Double.NaN;
    }

    private static double crossing(List<long[]> progress, double count, long start) {
        long[] previous = {start, 0};
        for (long[] sample : progress) {
            if (sample[1] >= count) {
                double fraction = sample[1] == previous[1] ? 1 : (count - previous[1]) / (sample[1] - previous[1]);
                return (previous[0] + fraction * (sample[0] - previous[0]) - start) / 1e9;
            }
            previous = sample;
        }
        return Double.NaN;
    }

    private static String percentiles(long[] sortedMicros) {
        if (sortedMicros.length == 0) {
            return "no samples";
        }
        return String.format(
                "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms (%d samples)",
                at(sortedMicros, 0.50) / 1000.0,
                at(sortedMicros, 0.90) / 1000.0,
                at(sortedMicros, 0.99) / 1000.0,
                sortedMicros[sortedMicros.length - 1] / 1000.0,
                sortedMicros.length);
    }

    private static long at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static long mb(long bytes) {
        return bytes < 0 ? -1 : bytes / (1024 * 1024);
    }

    private static void log(String message) {
        System.out.println("[benchmark] " + message);
    }

    /** Kafka's broker logs its whole configuration at INFO before Spring's logging is set up. */
    private static void quietServerLogs() {
        for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger", "io.zonky"}) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // the postgres server may still be writing its last files; best effort
                }
            });
        } catch (IOException e) {
            log("could not delete " + directory + ": " + e);
        }
    }
}
