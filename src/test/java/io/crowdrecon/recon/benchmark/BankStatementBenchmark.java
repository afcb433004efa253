package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.bankfile.BankFileItem;
import io.crowdrecon.recon.bankfile.BankFileItems;
import io.crowdrecon.recon.bankfile.read.BankFileReaders;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.ServiceProcess;
import io.crowdrecon.recon.testing.TestPortal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * How fast a camt.053 end-of-day statement is ingested and reconciled, and how much heap it takes as the file grows:
 * a program that measures and reports, not a test.
 *
 * <pre>
 * ./mvnw -q -Dbuild.dir=target-bankbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:exec \
 *   -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-Dbuild.dir=target-bankbench -cp %classpath io.crowdrecon.recon.benchmark.BankStatementBenchmark"
 * </pre>
 *
 * <p>It starts the whole service as a JVM of its own exactly as {@code ./mvnw spring-boot:run} does, with a bounded
 * heap ({@code -Xmx512m} unless {@code --xmx=} says otherwise; the embedded broker shares that JVM), its embedded
 * PostgreSQL (fsync on) and Kafka on a fresh work directory and free ports. For each size (default 10,000, 50,000 and
 * 100,000 entries, after a warm-up file of 2,000 that is not reported) it onboards a new portal through the ops API
 * (its own collection IBAN, so each statement is the first of its account), opens a campaign and creates
 * {@code --orders} orders (default 300) through the portal API, and writes a camt.053.001.08 file to a temporary file,
 * streamed entry by entry (the file never is a String): one statement of one day, an opening balance, N booked credit
 * {@code Ntry}s each with its own {@code AcctSvcrRef}, one {@code TxDtls} with the debtor's name and IBAN and one
 * {@code Ustrd} line, and the closing balance they make (so the statement adds up). The mix:
 *
 * <ul>
 *   <li>one entry in every N / orders pays one of the orders exactly (1,100.00, "Subscription &lt;orderId&gt;"): it is
 *       matched and the order ACCOUNTED;
 *   <li>every other entry names no order (amounts 10.00 to 5,009.99, "Donation &lt;n&gt;"): an unidentified transfer
 *       with its return, the matcher's realistic bulk;
 *   <li>every second entry (odd indexes, order payments included) is first notified as JSON on
 *       {@code recon.bank-notifications} (bankReference = the AcctSvcrRef, bookingDate = the statement's day) and
 *       decided by the credit pipeline before the file is posted; the statement finds those MATCHED and the other half
 *       MISSED (decided from the statement, each with a MISSED_NOTIFICATION review item). {@code --notified=F} changes
 *       the fraction (0 to 1).
 * </ul>
 *
 * <p>Once the notified credits are decided and the outbox relay is idle, it posts the file as {@code application/xml}
 * to {@code /api/v1/ops/bank-files}, streamed from disk, and times that request: the booking is synchronous, the answer
 * comes once the file is committed. Meanwhile {@code jstat} samples the service's heap every 100 ms; the service's GC
 * log gives the highest heap after a collection (the live set, roughly) during the request; a full GC before and after
 * gives the live heap; {@code pg_stat_activity}, sampled every 20 ms, says what PostgreSQL was doing. Before the post it also times the service's own reader over the file in this JVM (parsing
 * alone, the floor of the booking). It then reads the file's statement and prints its status, matched, missed, difference and
 * explained, and the CPU the service JVM and PostgreSQL spent.
 *
 * <p>Options: {@code --sizes=10000,50000,100000}, {@code --runs=R} (each size R times, each on a new portal; default
 * 1), {@code --warmup=W} (entries of the unreported warm-up file; 0 for none), {@code --orders=K},
 * {@code --notified=F}, {@code --xmx=512m}, {@code --jvm=OPTION} (one more option of the service's JVM, repeatable,
 * e.g. {@code --jvm=-XX:StartFlightRecording=filename=/tmp/bank.jfr}), {@code --prop=name=value} (a property of the
 * service, to try a setting, e.g. {@code --prop=recon.outbox.idle=1s}), {@code --audit} (call {@code /ops/audit} at
 * the end and print its breaches). A file is at most 50 MB ({@link Topics#MAX_BANK_FILE_BYTES}); 100,000 entries as
 * written here take 46.7 MB. Exit status: 0 when every file was BOOKED, 1 when one was not, 2 on an error.
 */
public final class BankStatementBenchmark {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final BigDecimal ORDER_TOTAL = new BigDecimal("1100.00");

    record Options(
            List<Integer> sizes,
            int runs,
            int warmup,
            int orders,
            double notified,
            String xmx,
            List<String> jvmOptions,
            List<String> serviceProperties,
            boolean audit) {

        static Options parse(String[] args) {
            List<Integer> sizes = List.of(10_000, 50_000, 100_000);
            int runs = 1;
            int warmup = 2_000;
            int orders = 300;
            double notified = 0.5;
            String xmx = "512m";
            List<String> jvm = new ArrayList<>();
            List<String> properties = new ArrayList<>();
            boolean audit = false;
            for (String arg : args) {
                for (String a : arg.trim().split("\\s+")) {
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (a.matches("\\d+")) {
                        sizes = List.of(Integer.parseInt(a));
                    } else if (a.startsWith("--sizes=")) {
                        sizes = java.util.Arrays.stream(a.substring(8).split(","))
                                .map(String::trim)
                                .map(Integer::parseInt)
                                .toList();
                    } else if (a.startsWith("--runs=")) {
                        runs = Integer.parseInt(a.substring(7));
                    } else if (a.startsWith("--warmup=")) {
                        warmup = Integer.parseInt(a.substring(9));
                    } else if (a.startsWith("--orders=")) {
                        orders = Integer.parseInt(a.substring(9));
                    } else if (a.startsWith("--notified=")) {
                        notified = Double.parseDouble(a.substring(11));
                    } else if (a.startsWith("--xmx=")) {
                        xmx = a.substring(6);
                    } else if (a.startsWith("--jvm=")) {
                        jvm.add(a.substring(6));
                    } else if (a.startsWith("--prop=") && a.indexOf('=', 7) > 7) {
                        properties.add("--" + a.substring(7));
                    } else if (a.equals("--audit")) {
                        audit = true;
                    } else {
                        throw new IllegalArgumentException("unknown argument " + a + " (see the class comment)");
                    }
                }
            }
            if (notified < 0 || notified > 1) {
                throw new IllegalArgumentException("--notified is a fraction from 0 to 1");
            }
            return new Options(
                    sizes, runs, warmup, orders, notified, xmx, List.copyOf(jvm), List.copyOf(properties), audit);
        }
    }

    /** One measured file: what the table prints. */
    private record Result(
            int entries,
            long fileBytes,
            int notified,
            int orderPayments,
            double seconds,
            String status,
            int matched,
            int missed,
            int notOnStatement,
            int mismatched,
            BigDecimal difference,
            BigDecimal explained,
            long peakUsedMb,
            long peakAfterGcMb,
            long liveBeforeMb,
            long liveAfterMb,
            int gcs,
            double gcPauseMillis,
            double serviceCpuSeconds,
            double postgresCpuSeconds,
            double machineBusyCores,
            List<String> postgres) {

        double perSecond() {
            return entries / seconds;
        }
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private BankStatementBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new BankStatementBenchmark(Options.parse(args)).run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private static void log(String message) {
        System.out.printf("[bank-bench %s] %s%n", Instant.now().toString().substring(11, 19), message);
    }

    private int run() throws Exception {
        Path benchDirectory = Path.of(System.getProperty("build.dir", "target"), "bank-bench");
        Files.createDirectories(benchDirectory);
        Path gcLog = benchDirectory.resolve("service-gc-" + System.currentTimeMillis() + ".log");
        List<String> jvm = new ArrayList<>();
        jvm.add("-Xmx" + options.xmx());
        jvm.add("-Xlog:gc:file=" + gcLog + ":time");
        jvm.addAll(options.jvmOptions());
        log("service JVM " + jvm + " " + options.serviceProperties() + "; sizes " + options.sizes() + " x "
                + options.runs() + "; " + options.orders() + " orders per file; " + Math.round(options.notified() * 100)
                + " % notified first");
        List<Result> results = new ArrayList<>();
        try (ServiceProcess service =
                ServiceProcess.withJvmOptions(jvm, options.serviceProperties().toArray(String[]::new))) {
            long started = System.nanoTime();
            service.startAndAwaitHealthy();
            log(String.format("service up in %.1f s (pid %d)", (System.nanoTime() - started) / 1e9, service.pid()));
            try (Connection db = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
                    KafkaProducer<String, String> producer = producer(service.bootstrapServers())) {
                db.setAutoCommit(true);
                long postmaster = Probes.postmasterPid(service.workDirectory().resolve("postgres"));
                if (options.warmup() > 0) {
                    log("warm-up: " + options.warmup() + " entries (not reported)");
                    measure(service, db, producer, postmaster, gcLog, options.warmup());
                }
                for (int size : options.sizes()) {
                    for (int run = 0; run < options.runs(); run++) {
                        results.add(measure(service, db, producer, postmaster, gcLog, size));
                    }
                }
                if (options.audit()) {
                    long t = System.nanoTime();
                    JsonNode audit = ApiClient.body(service.api()
                            .get(ApiClient.OPS_KEY, "/api/v1/ops/audit")
                            .expectStatus()
                            .isOk());
                    JsonNode breaches = audit.get("breaches");
                    report.add(String.format(
                            "audit (%.1f s): %s",
                            (System.nanoTime() - t) / 1e9,
                            breaches != null && breaches.isEmpty() ? "no breaches" : "BREACHES " + breaches));
                    if (breaches == null || !breaches.isEmpty()) {
                        failures.add("the audit found breaches");
                    }
                }
            }
        }
        print(results);
        return failures.isEmpty() ? 0 : 1;
    }

    // ------------------------------------------------------------------ one file

    private Result measure(
            ServiceProcess service,
            Connection db,
            KafkaProducer<String, String> producer,
            long postmaster,
            Path gcLog,
            int n)
            throws Exception {
        TestPortal portal = service.api().newPortal();
        String campaign = portal.openCampaign();
        String investor = portal.investor();
        int orderCount = Math.min(options.orders(), n / 3);
        List<String> orders = new ArrayList<>(orderCount);
        long t = System.nanoTime();
        for (int i = 0; i < orderCount; i++) {
            orders.add(portal.order(campaign, investor, Ibans.randomGerman())
                    .get("orderId")
                    .asString());
        }
        log(String.format(
                "%,d entries: portal %s, %d orders created in %.1f s",
                n, portal.portalId(), orderCount, (System.nanoTime() - t) / 1e9));

        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        StatementPlan plan = new StatementPlan(portal.collectionIban(), day, n, orders, options.notified());
        Path file = Files.createTempFile("crowdrecon-bank-bench-", ".xml");
        try {
            t = System.nanoTime();
            plan.write(file);
            long bytes = Files.size(file);
            log(String.format("wrote %s: %,d bytes in %.1f s", file, bytes, (System.nanoTime() - t) / 1e9));
            if (bytes > Topics.MAX_BANK_FILE_BYTES) {
                throw new IllegalStateException("the file has " + bytes + " bytes, more than a bank file may have ("
                        + Topics.MAX_BANK_FILE_BYTES + ")");
            }

            t = System.nanoTime();
            int read = readerAlone(file);
            double readerSeconds = (System.nanoTime() - t) / 1e9;
            log(String.format(
                    "the reader alone, in this JVM: %,d entries in %.2f s (%.0f entries/s)",
                    read, readerSeconds, read / readerSeconds));
            if (read != n) {
                throw new IllegalStateException("the reader found " + read + " entries, not " + n);
            }

            t = System.nanoTime();
            int notified = publishNotified(producer, plan);
            awaitCredits(db, portal.collectionIban(), notified);
            awaitRelayIdle(db);
            log(String.format(
                    "%,d credits notified as JSON and decided, outbox relayed, in %.1f s",
                    notified, (System.nanoTime() - t) / 1e9));

            long liveBefore = ProcessProbes.liveHeapMb(service.pid());
            Instant from = Instant.now();
            long serviceTicks = ProcessProbes.processTicks(service.pid(), false);
            long postgresTicks = ProcessProbes.processTicks(postmaster, true);
            long[] machine = ProcessProbes.machineTicks();
            HttpResponse<String> response;
            long nanos;
            try (ProcessProbes.HeapSampler heap = new ProcessProbes.HeapSampler(service.pid(), 100);
                    Connection activityConnection = DriverManager.getConnection(service.jdbcUrl(), "postgres", "")) {
                activityConnection.setAutoCommit(true);
                Probes.ActivitySampler activity = new Probes.ActivitySampler(activityConnection);
                long start = System.nanoTime();
                response = http.send(
                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/ops/bank-files"))
                                .header("Authorization", "Bearer " + ApiClient.OPS_KEY)
                                .header("Content-Type", "application/xml")
                                .header("Accept", "application/json")
                                .timeout(Duration.ofMinutes(30))
                                .POST(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                nanos = System.nanoTime() - start;
                double serviceCpu = (ProcessProbes.processTicks(service.pid(), false) - serviceTicks)
                        / (double) ProcessProbes.TICKS_PER_SECOND;
                double postgresCpu = (ProcessProbes.processTicks(postmaster, true) - postgresTicks)
                        / (double) ProcessProbes.TICKS_PER_SECOND;
                long[] machineAfter = ProcessProbes.machineTicks();
                double busyCores = machineAfter[1] == machine[1]
                        ? 0
                        : (machineAfter[0] - machine[0])
                                / (double) (machineAfter[1] - machine[1])
                                * Runtime.getRuntime().availableProcessors();
                Instant to = Instant.now();
                long peakUsed = heap.maxUsedMb();
                heap.close();
                activity.close();
                List<String> postgres = activity.report(8).stream()
                        .filter(line -> !line.contains("ingest transactions open"))
                        .toList();
                log(String.format(
                        "POST %,d entries: %d in %.2f s: %s",
                        n, response.statusCode(), nanos / 1e9, abbreviate(response.body())));
                if (response.statusCode() != 202) {
                    failures.add(n + " entries: the POST answered " + response.statusCode() + ": " + response.body());
                    return failed(n, bytes, notified, plan.orderPayments(), nanos);
                }
                JsonNode receipt = JSON.readTree(response.body());
                if (!"BOOKED".equals(receipt.path("status").asString(null))) {
                    failures.add(n + " entries: the file is " + receipt.path("status") + ", not BOOKED");
                }
                long liveAfter = ProcessProbes.liveHeapMb(service.pid());
                long peakAfterGc = 0;
                int gcs = 0;
                double pauses = 0;
                for (ProcessProbes.GcPause p : ProcessProbes.GcPause.read(gcLog)) {
                    if (!p.at().isBefore(from)
                            && !p.at().isAfter(to)
                            && !p.kind().contains("System.gc")) {
                        peakAfterGc = Math.max(peakAfterGc, p.afterMb());
                        gcs++;
                        pauses += p.millis();
                    }
                }
                JsonNode statement =
                        statementOf(service, receipt.get("bankFileId").asString());
                Result result = new Result(
                        n,
                        bytes,
                        notified,
                        plan.orderPayments(),
                        nanos / 1e9,
                        statement.path("status").asString("?"),
                        statement.path("matched").asInt(),
                        statement.path("missed").asInt(),
                        statement.path("notOnStatement").asInt(),
                        statement.path("mismatched").asInt(),
                        statement.path("difference").decimalValue(),
                        statement.path("explained").decimalValue(),
                        peakUsed,
                        peakAfterGc,
                        liveBefore,
                        liveAfter,
                        gcs,
                        pauses,
                        serviceCpu,
                        postgresCpu,
                        busyCores,
                        postgres);
                log(String.format(
                        "%,d entries in %.2f s = %.0f entries/s; statement %s matched %d missed %d not-on-statement %d"
                                + " mismatched %d difference %s explained %s; heap peak used %d MB, peak after GC %d MB,"
                                + " live %d -> %d MB",
                        n,
                        result.seconds(),
                        result.perSecond(),
                        result.status(),
                        result.matched(),
                        result.missed(),
                        result.notOnStatement(),
                        result.mismatched(),
                        result.difference(),
                        result.explained(),
                        peakUsed,
                        peakAfterGc,
                        liveBefore,
                        liveAfter));
                if (result.matched() != notified || result.missed() != n - notified) {
                    failures.add(String.format(
                            "%d entries: matched %d (expected %d), missed %d (expected %d)",
                            n, result.matched(), notified, result.missed(), n - notified));
                }
                return result;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Result failed(int n, long bytes, int notified, int orderPayments, long nanos) {
        return new Result(
                n,
                bytes,
                notified,
                orderPayments,
                nanos / 1e9,
                "FAILED",
                0,
                0,
                0,
                0,
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of());
    }

    /** The service's own reader over the file, nothing else: the floor of the booking. */
    private static int readerAlone(Path file) throws IOException {
        int entries = 0;
        try (BankFileItems items = BankFileReaders.open(Files.newInputStream(file))) {
            while (items.hasNext()) {
                if (items.next() instanceof BankFileItem.Entry) {
                    entries++;
                }
            }
        }
        return entries;
    }

    /** The file's only statement, as {@code GET /api/v1/ops/bank-statements/{id}} answers it. */
    private static JsonNode statementOf(ServiceProcess service, String bankFileId) {
        ApiClient api = service.api();
        JsonNode file = ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/bank-files/" + bankFileId)
                .expectStatus()
                .isOk());
        String statementId =
                file.get("statements").get(0).get("bankStatementId").asString();
        return ApiClient.body(api.get(ApiClient.OPS_KEY, "/api/v1/ops/bank-statements/" + statementId)
                .expectStatus()
                .isOk());
    }

    // ------------------------------------------------------------------ the statement

    /**
     * What the file holds, entry by entry, as a function of the entry's index: nothing per entry is kept, so the
     * harness does not hold the file either.
     */
    static final class StatementPlan {
        final String account;
        final LocalDate day;
        final int n;
        final List<String> orders;
        final double notifiedFraction;
        final int stride;
        final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);

        StatementPlan(String account, LocalDate day, int n, List<String> orders, double notifiedFraction) {
            this.account = account;
            this.day = day;
            this.n = n;
            this.orders = orders;
            this.notifiedFraction = notifiedFraction;
            // An odd stride, so order payments fall on notified (odd) and missed (even) entries alike.
            int s = orders.isEmpty() ? Integer.MAX_VALUE : Math.max(1, n / orders.size());
            this.stride = s % 2 == 0 ? s - 1 : s;
        }

        /** The order entry {@code i} pays, or null. */
        String orderOf(int i) {
            if (i % stride != 0) {
                return null;
            }
            int k = i / stride;
            return k < orders.size() ? orders.get(k) : null;
        }

        int orderPayments() {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (orderOf(i) != null) {
                    count++;
                }
            }
            return count;
        }

        /** Whether entry {@code i} is notified as JSON before the file: a share of the odd indexes. */
        boolean notified(int i) {
            if (notifiedFraction >= 1) {
                return true;
            }
            if (notifiedFraction <= 0) {
                return false;
            }
            if (notifiedFraction == 0.5) {
                return i % 2 == 1;
            }
            return (i * 0.6180339887) % 1 < notifiedFraction;
        }

        long cents(int i) {
            return orderOf(i) != null ? 110_000 : 1_000 + (i * 7919L) % 500_000;
        }

        BigDecimal amount(int i) {
            return BigDecimal.valueOf(cents(i), 2);
        }

        String reference(int i) {
            return "BB" + run + String.format("%09d", i);
        }

        String payerIban(int i) {
            // A valid German IBAN per payer: DE, check digits, 18 digits (as Ibans computes them).
            String bban = String.format("%018d", 370_400_440_000_000_000L + i);
            int check = 98
                    - new java.math.BigInteger(bban + "131400")
                            .mod(java.math.BigInteger.valueOf(97))
                            .intValue();
            return String.format("DE%02d%s", check, bban);
        }

        String payerName(int i) {
            return "Investor " + i;
        }

        String text(int i) {
            String order = orderOf(i);
            return order != null ? "Subscription " + order : "Donation " + i;
        }

        BigDecimal opening() {
            return new BigDecimal("250000.00");
        }

        BigDecimal closing() {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += cents(i);
            }
            return opening().add(BigDecimal.valueOf(sum, 2));
        }

        /** camt.053.001.08, written to {@code file} as it goes; one entry per line. */
        void write(Path file) throws IOException {
            try (Writer out = new BufferedWriter(
                    new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                String messageId = "BENCH-" + run;
                out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!-- camt.053.001.08 (BankToCustomerStatementV08), written by crowdrecon's benchmark -->\n"
                        + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n<BkToCstmrStmt>\n");
                out.write(
                        "<GrpHdr><MsgId>" + messageId + "</MsgId><CreDtTm>" + day + "T20:00:00Z</CreDtTm></GrpHdr>\n");
                out.write("<Stmt>\n<Id>" + messageId + "-1</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>" + day
                        + "T20:00:00Z</CreDtTm>\n<FrToDt><FrDtTm>" + day + "T00:00:00Z</FrDtTm><ToDtTm>" + day
                        + "T23:59:59Z</ToDtTm></FrToDt>\n<Acct><Id><IBAN>" + account
                        + "</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
                out.write(balance("OPBD", opening(), day.minusDays(1)));
                out.write(balance("CLBD", closing(), day));
                for (int i = 0; i < n; i++) {
                    String reference = reference(i);
                    out.write("<Ntry><Amt Ccy=\"EUR\">");
                    out.write(amount(i).toPlainString());
                    out.write("</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>");
                    out.write(day.toString());
                    out.write("</Dt></BookgDt><AcctSvcrRef>");
                    out.write(reference);
                    out.write("</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd>"
                            + "</Fmly></Domn></BkTxCd><NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>");
                    out.write(payerName(i));
                    out.write("</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>");
                    out.write(payerIban(i));
                    out.write("</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>");
                    out.write(text(i));
                    out.write("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
                }
                out.write("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
            }
        }

        private static String balance(String type, BigDecimal amount, LocalDate date) {
            return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">"
                    + amount.toPlainString() + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>" + date
                    + "</Dt></Dt></Bal>\n";
        }
    }

    // ------------------------------------------------------------------ the JSON feed before the file

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "crowdrecon-bank-bench");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(props);
    }

    /** The notified share of the entries as CREDIT messages, as the bank's JSON feed sends them during the day. */
    private int publishNotified(KafkaProducer<String, String> producer, StatementPlan plan) {
        AtomicInteger errors = new AtomicInteger();
        int count = 0;
        for (int i = 0; i < plan.n; i++) {
            if (!plan.notified(i)) {
                continue;
            }
            Credits.Credit credit = Credits.to(plan.account)
                    .amount(plan.amount(i).toPlainString())
                    .bankReference(plan.reference(i))
                    .bookingDate(plan.day.toString())
                    .payerName(plan.payerName(i))
                    .payerIban(plan.payerIban(i))
                    .description(plan.text(i));
            producer.send(
                    new ProducerRecord<>(Credits.TOPIC, credit.notificationId(), credit.json()), (metadata, error) -> {
                        if (error != null && errors.getAndIncrement() == 0) {
                            error.printStackTrace();
                        }
                    });
            count++;
        }
        producer.flush();
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " credits could not be published");
        }
        return count;
    }

    private static void awaitCredits(Connection db, String account, int expected) throws SQLException {
        long lastChange = System.nanoTime();
        long last = -1;
        try (PreparedStatement st = db.prepareStatement("SELECT count(*) FROM credit WHERE creditor_iban = ?")) {
            st.setString(1, account);
            while (true) {
                long count;
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
                if (count >= expected) {
                    return;
                }
                if (count != last) {
                    last = count;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(120)) {
                    throw new IllegalStateException(
                            "no notified credit decided for 120 s: " + count + " of " + expected);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private static void awaitRelayIdle(Connection db) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        try (Statement st = db.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM relay_lease)")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
        throw new IllegalStateException("the outbox relay did not catch up in 5 minutes");
    }

    // ------------------------------------------------------------------ the report

    private void print(List<Result> results) {
        System.out.println();
        System.out.println("=== crowdrecon bank statement benchmark ===");
        System.out.printf(
                "service JVM -Xmx%s %s (the embedded Kafka broker shares it); PostgreSQL fsync on; %d cores%n",
                options.xmx(),
                options.jvmOptions() + " " + options.serviceProperties(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "each file: one camt.053.001.08 statement, N credit entries; %d orders paid exactly, the rest name no"
                        + " order (unidentified, returned); %d %% notified as JSON first (MATCHED), the rest MISSED%n",
                options.orders(), Math.round(options.notified() * 100));
        System.out.printf(
                "%9s %9s %8s %11s %9s %8s %8s %10s %10s %12s %11s %10s %6s %9s %9s %9s%n",
                "entries",
                "MB",
                "seconds",
                "entries/s",
                "status",
                "matched",
                "missed",
                "difference",
                "peak used",
                "peak afterGC",
                "live before",
                "live after",
                "GCs",
                "pause",
                "svc CPU s",
                "pg CPU s");
        for (Result r : results) {
            System.out.printf(
                    "%9d %9.1f %8.2f %11.0f %9s %8d %8d %10s %7d MB %9d MB %8d MB %7d MB %6d %6.0f ms %9.1f %9.1f%n",
                    r.entries(),
                    r.fileBytes() / (1024.0 * 1024),
                    r.seconds(),
                    r.perSecond(),
                    r.status(),
                    r.matched(),
                    r.missed(),
                    r.difference() == null ? "-" : r.difference().toPlainString(),
                    r.peakUsedMb(),
                    r.peakAfterGcMb(),
                    r.liveBeforeMb(),
                    r.liveAfterMb(),
                    r.gcs(),
                    r.gcPauseMillis(),
                    r.serviceCpuSeconds(),
                    r.postgresCpuSeconds());
        }
        for (Result r : results) {
            System.out.printf(
                    "  %,d entries: not on statement %d, mismatched %d, explained %s; machine busy %.2f of %d cores;"
                            + " CPU per entry: service %.3f ms, PostgreSQL %.3f ms%n",
                    r.entries(),
                    r.notOnStatement(),
                    r.mismatched(),
                    r.explained() == null ? "-" : r.explained().toPlainString(),
                    r.machineBusyCores(),
                    Runtime.getRuntime().availableProcessors(),
                    1000 * r.serviceCpuSeconds() / r.entries(),
                    1000 * r.postgresCpuSeconds() / r.entries());
            r.postgres().forEach(line -> System.out.println("  " + line));
        }
        report.forEach(System.out::println);
        System.out.println(failures.isEmpty() ? "VERDICT: every file BOOKED as planned" : "VERDICT: FAIL: " + failures);
    }

    private static String abbreviate(String body) {
        return body.length() > 2_000 ? body.substring(0, 2_000) + "..." : body;
    }
}
