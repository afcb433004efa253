package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.LargeEventLog;
import io.crowdrecon.recon.testing.ServiceProcess;
import io.crowdrecon.recon.testing.TestPortal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long a resumed SSE stream waits for its first event in an event log of real size, through the real HTTP
 * endpoint: a program that measures and reports, not a test.
 *
 * <pre>
 * flock /tmp/bench.lock ./mvnw -q -Dbuild.dir=target-resumebench test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.1:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-Dbuild.dir=target-resumebench -cp %classpath io.crowdrecon.recon.benchmark.ResumeLatencyBenchmark"
 * </pre>
 *
 * <p>It starts the whole service as a separate JVM exactly as {@code ./mvnw spring-boot:run} does ({@code -Xmx1g},
 * embedded PostgreSQL with fsync on, its own work directory and free ports), onboards one portal through the API,
 * then appends N events (default 1,000,000; {@code --events=N}) to the service's event log over JDBC
 * ({@link LargeEventLog}: 997 other portals, and the portal's own orders and campaigns, one order and one campaign
 * whose history lies in the last 1 % of the log). It waits until the service's stream poller has gone past them (a
 * live stream receives an order created afterwards through the API), then opens streams that resume, each with
 * {@code Last-Event-ID}, from the id before the N events (an old id) and from the id just before the filtered
 * history starts; it times each from sending the request to reading the first event's {@code id:} line, checks that
 * id against the log, and closes the stream. Each case runs {@code --runs=R} times (default 3). With
 * {@code --without-indexes} it drops the replay indexes first, to show what the query alone does without them.
 *
 * <p>The figure before the indexes came from running this program on the commit before them (the program and
 * {@link LargeEventLog} copied into a checkout of it), as the README says.
 */
public final class ResumeLatencyBenchmark {

    private static final String ORDERS = "recon.order-events";

    private record Case(String name, boolean ops, String campaignId, String orderId) {}

    private final long events;
    private final int runs;
    private final boolean withoutIndexes;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> report = new ArrayList<>();

    private ResumeLatencyBenchmark(long events, int runs, boolean withoutIndexes) {
        this.events = events;
        this.runs = runs;
        this.withoutIndexes = withoutIndexes;
    }

    public static void main(String[] args) {
        long events = 1_000_000;
        int runs = 3;
        boolean withoutIndexes = false;
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                events = Long.parseLong(arg.substring("--events=".length()));
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else if (arg.equals("--without-indexes")) {
                withoutIndexes = true;
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (see the class comment)");
            }
        }
        int code;
        try {
            new ResumeLatencyBenchmark(events, runs, withoutIndexes).run();
            code = 0;
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private static void log(String message) {
        System.out.printf("[resume-bench %s] %s%n", Instant.now().toString().substring(11, 19), message);
    }

    private void run() throws Exception {
        try (ServiceProcess service = ServiceProcess.withJvmOptions(List.of("-Xmx1g"))) {
            long started = System.nanoTime();
            service.startAndAwaitHealthy();
            log(String.format("service up in %.1f s", (System.nanoTime() - started) / 1e9));
            TestPortal portal = service.api().newPortal();
            long before;
            try (Connection db = DriverManager.getConnection(service.jdbcUrl(), "postgres", "")) {
                started = System.nanoTime();
                before = LargeEventLog.append(db, events, portal.portalId());
                log(String.format(
                        "appended %,d events after id %d in %.1f s",
                        events, before, (System.nanoTime() - started) / 1e9));
                if (withoutIndexes) {
                    try (Statement statement = db.createStatement()) {
                        statement.execute(
                                "DROP INDEX IF EXISTS event_log_order_seq, event_log_campaign_seq, event_log_portal_topic_seq");
                    }
                    log("dropped the replay indexes");
                }
                awaitThePollerPast(service, portal);
                List<Case> cases = List.of(
                        new Case("portal stream, orderId", false, null, LargeEventLog.LATE_ORDER),
                        new Case("portal stream, campaignId", false, LargeEventLog.LATE_CAMPAIGN, null),
                        new Case("ops stream, orderId", true, null, LargeEventLog.LATE_ORDER),
                        new Case("ops stream, campaignId", true, LargeEventLog.LATE_CAMPAIGN, null));
                report.add(String.format(
                        "First event of a resumed stream, %,d events in the log%s, %d runs each (median, min-max):",
                        events, withoutIndexes ? " WITHOUT the replay indexes" : "", runs));
                for (Case c : cases) {
                    long first = firstSeq(db, portal.portalId(), c, before);
                    measure(service, portal, c, before, first, "from the id before the " + events + " events");
                    measure(service, portal, c, first - 1, first, "from the id before its history");
                }
            }
        }
        report.forEach(System.out::println);
    }

    /** A live stream receives an order created now only once the poller has read every event before it. */
    private void awaitThePollerPast(ServiceProcess service, TestPortal portal) throws Exception {
        long started = System.nanoTime();
        CompletableFuture<long[]> live = CompletableFuture.supplyAsync(
                () -> firstEvent(service, portal.apiKey(), "/api/v1/orders/events", null));
        // The stream must be live before the order exists; its connect comment is not observable from here, so
        // create orders until one arrives.
        String campaign = portal.openCampaign();
        String investor = portal.investor();
        while (true) {
            portal.order(campaign, investor, Ibans.randomGerman());
            try {
                live.get(500, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException notYet) {
                // not arrived within half a second: another order
            }
        }
        log(String.format(
                "the service's stream poller went past the appended events within %.1f s",
                (System.nanoTime() - started) / 1e9));
    }

    private void measure(
            ServiceProcess service, TestPortal portal, Case c, long resumeAfter, long expected, String from) {
        String query = (c.campaignId() != null ? "campaignId=" + c.campaignId() : "orderId=" + c.orderId());
        String path = (c.ops() ? "/api/v1/ops/events?" : "/api/v1/orders/events?") + query;
        String key = c.ops() ? ApiClient.OPS_KEY : portal.apiKey();
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long[] first = firstEvent(service, key, path, resumeAfter);
            if (first[0] != expected) {
                throw new IllegalStateException(c.name() + ": first event " + first[0] + ", expected " + expected);
            }
            millis.add(first[1] / 1e6);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        String line = String.format(
                "  %-26s %-40s %9.1f ms  (%.1f-%.1f)",
                c.name(),
                from + " (" + resumeAfter + ")",
                sorted.get(sorted.size() / 2),
                sorted.get(0),
                sorted.get(sorted.size() - 1));
        log(line.strip());
        report.add(line);
    }

    /** Opens a stream, reads up to its first event, closes it: {seq, nanoseconds from request to that event}. */
    private long[] firstEvent(ServiceProcess service, String key, String path, Long lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(5));
        if (lastEventId != null) {
            request.header("Last-Event-ID", Long.toString(lastEventId));
        }
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            try (InputStream body = response.body();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("id:")) {
                        return new long[] {Long.parseLong(line.substring(3).strip()), System.nanoTime() - started};
                    }
                }
            }
            throw new IllegalStateException(path + ": the stream ended before its first event");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first event after {@code after} the stream should deliver, read from the log directly. */
    private static long firstSeq(Connection db, String portalId, Case c, long after) throws SQLException {
        String sql = "SELECT min(seq) FROM event_log WHERE seq > ?"
                + (c.ops() ? "" : " AND portal_id = ? AND topic = ?")
                + (c.campaignId() != null ? " AND campaign_id = ?" : " AND order_id = ?");
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            int i = 1;
            statement.setLong(i++, after);
            if (!c.ops()) {
                statement.setString(i++, portalId);
                statement.setString(i++, ORDERS);
            }
            statement.setString(i, c.campaignId() != null ? c.campaignId() : c.orderId());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
