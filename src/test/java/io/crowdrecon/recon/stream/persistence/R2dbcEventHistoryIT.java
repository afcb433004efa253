package io.crowdrecon.recon.stream.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.crowdrecon.recon.stream.EventFanOut;
import io.crowdrecon.recon.stream.EventFilter;
import io.crowdrecon.recon.stream.OrderEventStream;
import io.crowdrecon.recon.testing.FreshDatabase;
import io.crowdrecon.recon.testing.LargeEventLog;
import io.crowdrecon.recon.testing.TestInfrastructure;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Schedulers;

/**
 * A resumed stream's replay on an event log of real size: 1,000,000 events in a database of their own
 * on the shared test PostgreSQL server, so that no other test sees them. Flyway migrates it up to the
 * schema before the replay indexes, the log is filled ({@link LargeEventLog}), then Flyway migrates it
 * to the end: the index migration runs on a full log, as it will in production. For each filter of the
 * two streams (a portal's: its portal, its topic, and an order or a campaign or neither; ops': an order
 * or a campaign) PostgreSQL answers the adapter's query from an index, with the parameters bound and as
 * the driver's cached generic plan, and the replay returns exactly the events the filter lets through,
 * in seq order. The time to a resumed stream's first event is measured and logged, not asserted (the
 * same figure through the HTTP endpoint, before and after the indexes: {@code ResumeLatencyBenchmark}).
 */
class R2dbcEventHistoryIT {

    private static final Logger log = LoggerFactory.getLogger(R2dbcEventHistoryIT.class);
    private static final long EVENTS = 1_000_000;
    private static final String PORTAL = "PRT-FOLLOWED";
    private static final String ORDERS = "recon.order-events";
    /** The replay's pages: a small first one, then the stream configuration's 1000. */
    private static final int FIRST_PAGE = 100;

    private static final int PAGE = 1000;

    /**
     * A stream's filter and the index that should answer its replay: a name, or alternatives ({@code a|b}) where
     * either reads only a few hundred rows and the planner's choice between them depends on its row sample.
     */
    record Case(String name, EventFilter filter, String index) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case(
                        "portal, orderId",
                        EventFilter.portal(PORTAL, ORDERS, null, LargeEventLog.LATE_ORDER),
                        "event_log_order_seq"),
                new Case(
                        "portal, campaignId",
                        EventFilter.portal(PORTAL, ORDERS, LargeEventLog.LATE_CAMPAIGN, null),
                        "event_log_campaign_seq"),
                // About 400 events of the campaign (both portals) against about 670 of the portal's order events:
                // the sampled statistics tip the planner one way or the other, and neither walks the log.
                new Case(
                        "portal, campaignId spread over the log",
                        EventFilter.portal(PORTAL, ORDERS, LargeEventLog.SPREAD_CAMPAIGN, null),
                        "event_log_campaign_seq|event_log_portal_topic_seq"),
                new Case(
                        "portal, no filter",
                        EventFilter.portal(PORTAL, ORDERS, null, null),
                        "event_log_portal_topic_seq"),
                new Case("ops, orderId", EventFilter.ops(null, LargeEventLog.LATE_ORDER), "event_log_order_seq"),
                new Case(
                        "ops, campaignId",
                        EventFilter.ops(LargeEventLog.LATE_CAMPAIGN, null),
                        "event_log_campaign_seq"));
    }

    private static String server;
    private static String database;
    private static String user;
    private static String password;
    private static ConnectionPool pool;
    private static R2dbcEventHistory history;
    private static final Map<EventFilter, List<Long>> truth = new LinkedHashMap<>();
    private static final List<String> measurements = new ArrayList<>();

    @BeforeAll
    static void fillALogOfItsOwnWithAMillionEvents() throws SQLException {
        Map<String, Object> shared = TestInfrastructure.springProperties();
        server = shared.get("spring.flyway.url").toString();
        user = shared.get("spring.flyway.user").toString();
        password = shared.get("spring.flyway.password").toString();
        database = "replay_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        migrate("7");
        try (Connection connection = jdbc()) {
            long started = System.nanoTime();
            LargeEventLog.append(connection, EVENTS, PORTAL);
            log.info("Filled an event log with {} events in {} ms", EVENTS, millis(started));
        }
        long started = System.nanoTime();
        migrate(null);
        log.info("Migrated the full log to the end (the replay indexes) in {} ms", millis(started));
        readTheTruth();

        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(
                        shared.get("spring.r2dbc.url").toString())
                .mutate()
                .option(ConnectionFactoryOptions.DATABASE, database)
                .option(ConnectionFactoryOptions.USER, user)
                .option(ConnectionFactoryOptions.PASSWORD, password)
                .build();
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .maxSize(2)
                .build());
        history = new R2dbcEventHistory(DatabaseClient.create(pool));
    }

    @AfterAll
    static void dropIt() throws SQLException {
        measurements.forEach(log::info);
        if (pool != null) {
            pool.dispose();
        }
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersTheReplayFromTheFiltersIndexInsteadOfScanningTheLog(Case c) throws SQLException {
        List<String> plans = new ArrayList<>();
        // With the values bound, for the replay's first page (100) and the next ones (1000).
        for (int limit : List.of(FIRST_PAGE, PAGE)) {
            EventLogQuery query = EventLogQuery.after(0, c.filter(), limit);
            DatabaseClient.GenericExecuteSpec explain =
                    DatabaseClient.create(pool).sql("EXPLAIN (COSTS OFF) " + query.sql());
            for (int i = 0; i < query.parameters().size(); i++) {
                explain = explain.bind(i, query.parameters().get(i));
            }
            plans.add(String.join(
                    "\n",
                    explain.map(row -> row.get(0, String.class))
                            .all()
                            .collectList()
                            .block(Duration.ofSeconds(30))));
        }
        // The plan PostgreSQL caches for the driver's prepared statement after a few runs.
        String sql = EventLogQuery.after(0, c.filter(), PAGE).sql();
        plans.add(FreshDatabase.genericPlan(jdbcUrl(), user, password, sql));

        // An index scan in seq order, or for few rows a bitmap scan and a sort: either way the filter's index.
        for (String plan : plans) {
            assertThat(plan)
                    .as("plan of %s", sql)
                    .containsPattern(
                            "(Index Scan using|Index Only Scan using|Bitmap Index Scan on) (" + c.index() + ")\\b")
                    .doesNotContain("Seq Scan");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replaysExactlyTheEventsTheFilterLetsThroughInSeqOrder(Case c) {
        // Small pages (100, then 150), so that the filtered replay also goes from page to page.
        EventFanOut fanOut = new EventFanOut(history, Duration.ofMillis(25), 150, Schedulers.immediate());

        List<Long> replayed =
                fanOut.replay(0, c.filter()).map(StoredEvent::seq).collectList().block(Duration.ofMinutes(2));

        assertThat(truth.get(c.filter()))
                .as("the events the filter lets through")
                .isNotEmpty();
        assertThat(replayed).isEqualTo(truth.get(c.filter()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resumesFromTheOldestIdWithTheFirstFilteredEvent(Case c) {
        EventFanOut fanOut = new EventFanOut(history, Duration.ofMillis(25), PAGE, Schedulers.immediate());
        OrderEventStream stream = new OrderEventStream(fanOut, history);
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            StoredEvent first =
                    stream.events(c.filter(), new OrderEventStream.Start(0)).blockFirst(Duration.ofMinutes(1));
            millis.add(Math.round((System.nanoTime() - started) / 1e5) / 10.0);
            assertThat(first.seq()).isEqualTo(truth.get(c.filter()).get(0));
        }
        measurements.add(String.format(
                "Resume from id 0 in a log of %,d events, %s (first event at seq %,d): first event after %.1f ms"
                        + " (median of 5 runs: %s ms)",
                EVENTS,
                c.name(),
                truth.get(c.filter()).get(0),
                millis.stream().sorted().toList().get(2),
                millis));
    }

    /** What each filter lets through, by reading the whole log once and applying the filters in Java. */
    private static void readTheTruth() throws SQLException {
        List<EventFilter> filters = cases().stream().map(Case::filter).toList();
        filters.forEach(filter -> truth.put(filter, new ArrayList<>()));
        try (Connection connection = jdbc()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(20_000);
                try (ResultSet rows = statement.executeQuery(
                        "SELECT seq, topic, portal_id, campaign_id, order_id FROM event_log ORDER BY seq")) {
                    while (rows.next()) {
                        StoredEvent event = new StoredEvent(
                                rows.getLong(1),
                                "",
                                rows.getString(2),
                                "",
                                "",
                                "",
                                rows.getString(3),
                                rows.getString(5),
                                rows.getString(4),
                                "",
                                null);
                        for (EventFilter filter : filters) {
                            if (filter.test(event)) {
                                truth.get(filter).add(event.seq());
                            }
                        }
                    }
                }
            }
            connection.commit();
        }
    }

    private static void migrate(String target) {
        var configuration =
                Flyway.configure().dataSource(jdbcUrl(), user, password).locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /** The shared server's JDBC URL, naming this test's database instead of the shared one. */
    private static String jdbcUrl() {
        int path = server.lastIndexOf('/');
        int query = server.indexOf('?', path);
        return server.substring(0, path + 1) + database + (query < 0 ? "" : server.substring(query));
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
