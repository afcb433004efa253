package io.crowdrecon.recon.outbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.testing.FreshDatabase;
import io.crowdrecon.recon.testing.TestInfrastructure;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a transaction's few events (an API call's) are numbered and written: inside its commit, by its own transaction,
 * in the order appended and in the order of the commits; never if it rolls back; at once outside a transaction. The
 * event counter's row is therefore free while the transaction's statements run: writers queue on it only inside
 * COMMIT. A large batch is numbered at once, holding the counter until its transaction commits.
 */
class R2dbcEventLogIT {

    private static final String TOPIC = "recon.order-events";

    private static FreshDatabase database;
    private static ConnectionPool pool;
    private static R2dbcEventLog log;
    private static DatabaseClient client;
    private static TransactionalOperator transactional;

    @BeforeAll
    static void openIt() throws SQLException {
        database = FreshDatabase.create("eventlog");
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (key text PRIMARY KEY)");
        }
        Map<String, Object> shared = TestInfrastructure.springProperties();
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(
                        database.r2dbcUrl(shared.get("spring.r2dbc.url").toString()))
                .mutate()
                .option(
                        ConnectionFactoryOptions.USER,
                        shared.get("spring.flyway.user").toString())
                .option(
                        ConnectionFactoryOptions.PASSWORD,
                        shared.get("spring.flyway.password").toString())
                .build();
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .maxSize(2)
                .build());
        client = DatabaseClient.create(pool);
        transactional = TransactionalOperator.create(new R2dbcTransactionManager(pool));
        log = new R2dbcEventLog(client, JsonMapper.builder().build(), Clock.systemUTC());
    }

    @AfterAll
    static void dropIt() throws SQLException {
        if (pool != null) {
            pool.dispose();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aTransactionsEventsAreWrittenByItsOwnConnectionAtItsCommitInTheOrderAppended() throws SQLException {
        String key = UUID.randomUUID().toString();
        List<Long> seenInside = new ArrayList<>();
        transactional
                .transactional(client.sql("INSERT INTO marker VALUES (:key)")
                        .bind("key", key)
                        .then()
                        .then(log.append(List.of(event(key, "first"), event(key, "second"))))
                        .then(log.append(List.of(event(key, "third"))))
                        // The transaction's own connection does not see them yet: they are written at its commit.
                        .then(client.sql("SELECT count(*) AS n FROM event_log WHERE event_key = :key")
                                .bind("key", key)
                                .map(row -> row.get("n", Long.class))
                                .one()
                                .doOnNext(seenInside::add)))
                .block(Duration.ofSeconds(30));

        assertThat(seenInside).containsExactly(0L);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT e.event_type, e.seq, e.xmin::text = m.xmin::text AS same"
                                + " FROM event_log e, marker m WHERE e.event_key = '" + key
                                + "' AND m.key = e.event_key"
                                + " ORDER BY e.seq")) {
            List<String> types = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            while (rows.next()) {
                types.add(rows.getString("event_type"));
                seqs.add(rows.getLong("seq"));
                // Written by the transaction that wrote the marker, not by another connection of the pool.
                assertThat(rows.getBoolean("same")).isTrue();
            }
            assertThat(types).containsExactly("first", "second", "third");
            assertThat(seqs.get(2) - seqs.get(0)).isEqualTo(2);
            assertThat(lastSeq()).isEqualTo(seqs.get(2));
        }
    }

    @Test
    void aRolledBackTransactionWritesNoEventAndTakesNoNumber() throws SQLException {
        String key = UUID.randomUUID().toString();
        long before = lastSeq();

        assertThatThrownBy(() -> transactional
                        .transactional(log.append(List.of(event(key, "lost")))
                                .then(Mono.error(new IllegalStateException("the use case failed"))))
                        .block(Duration.ofSeconds(30)))
                .hasMessageContaining("the use case failed");

        assertThat(count(key)).isZero();
        assertThat(lastSeq()).isEqualTo(before);
    }

    @Test
    void theCountersRowStaysFreeWhileTheTransactionsOtherStatementsRun() throws SQLException {
        String key = UUID.randomUUID().toString();
        List<Long> lockedElsewhere = new ArrayList<>();
        transactional
                .transactional(log.append(List.of(event(key, "appended")))
                        // Another session takes the row without waiting (NOWAIT fails at once if it is held).
                        .then(Mono.fromCallable(R2dbcEventLogIT::lockTheCounterElsewhere)
                                .subscribeOn(Schedulers.boundedElastic())
                                .doOnNext(lockedElsewhere::add))
                        .then(client.sql("INSERT INTO marker VALUES (:key)")
                                .bind("key", key)
                                .then()))
                .block(Duration.ofSeconds(30));

        assertThat(lockedElsewhere).hasSize(1);
        assertThat(count(key)).isEqualTo(1);
    }

    @Test
    void seqsFollowTheOrderOfTheCommitsNotOfTheAppends() throws SQLException {
        String early = UUID.randomUUID().toString();
        String late = UUID.randomUUID().toString();
        transactional
                .transactional(log.append(List.of(event(early, "appended first, committed last")))
                        // Another transaction, on the pool's other connection, appends and commits meanwhile.
                        .then(Mono.fromRunnable(() -> transactional
                                        .transactional(
                                                log.append(List.of(event(late, "appended last, committed first"))))
                                        .block(Duration.ofSeconds(30)))
                                .subscribeOn(Schedulers.boundedElastic())))
                .block(Duration.ofSeconds(30));

        assertThat(single("SELECT seq FROM event_log WHERE event_key = '" + late + "'"))
                .isLessThan(single("SELECT seq FROM event_log WHERE event_key = '" + early + "'"));
    }

    @Test
    void aLargeBatchIsNumberedAtOnceAndHoldsTheCounterUntilItsTransactionCommits() throws SQLException {
        String key = UUID.randomUUID().toString();
        List<OutboundEvent> batch = tooLargeToStage(key, "event");
        List<Long> seenInside = new ArrayList<>();
        List<Throwable> lockRefused = new ArrayList<>();
        transactional
                .transactional(log.append(batch)
                        .then(client.sql("SELECT count(*) AS n FROM event_log WHERE event_key = :key")
                                .bind("key", key)
                                .map(row -> row.get("n", Long.class))
                                .one()
                                .doOnNext(seenInside::add))
                        .then(Mono.fromCallable(R2dbcEventLogIT::lockTheCounterElsewhere)
                                .subscribeOn(Schedulers.boundedElastic())
                                .doOnError(lockRefused::add)
                                .onErrorResume(SQLException.class, refused -> Mono.empty())))
                .block(Duration.ofSeconds(30));

        assertThat(seenInside).containsExactly((long) batch.size());
        assertThat(lockRefused).singleElement().satisfies(refused -> assertThat(((SQLException) refused).getSQLState())
                .isEqualTo("55P03"));
        assertThat(single("SELECT max(seq) - min(seq) + 1 FROM event_log WHERE event_key = '" + key + "'"))
                .isEqualTo(batch.size());
        assertThat(single("SELECT count(*) FROM event_log WHERE event_key = '" + key + "' AND event_type = 'event 0'"
                        + " AND seq = (SELECT min(seq) FROM event_log WHERE event_key = '" + key + "')"))
                .isEqualTo(1);
    }

    @Test
    void aSmallBatchStagedBeforeALargeOneKeepsItsPlace() throws SQLException {
        String key = UUID.randomUUID().toString();
        List<OutboundEvent> large = tooLargeToStage(key, "large");
        transactional
                .transactional(log.append(List.of(event(key, "small, appended first")))
                        .then(log.append(large))
                        .then(log.append(List.of(event(key, "small, appended last")))))
                .block(Duration.ofSeconds(30));

        List<String> types = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT event_type FROM event_log WHERE event_key = '" + key + "' ORDER BY seq")) {
            while (rows.next()) {
                types.add(rows.getString(1));
            }
        }
        assertThat(types).hasSize(large.size() + 2);
        assertThat(types.get(0)).isEqualTo("small, appended first");
        assertThat(types.get(1)).isEqualTo("large 0");
        assertThat(types.get(types.size() - 1)).isEqualTo("small, appended last");
        assertThat(single("SELECT count(*) FROM event_pending")).isZero();
    }

    @Test
    void outsideATransactionTheEventsAreWrittenAtOnce() throws SQLException {
        String key = UUID.randomUUID().toString();

        log.append(List.of(event(key, "alone"))).block(Duration.ofSeconds(30));

        assertThat(count(key)).isEqualTo(1);
    }

    private static long lockTheCounterElsewhere() throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT last_seq FROM event_sequence FOR UPDATE NOWAIT")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** One event more than a staged batch holds, typed {@code "<prefix> 0"}, {@code "<prefix> 1"}... */
    private static List<OutboundEvent> tooLargeToStage(String key, String prefix) {
        List<OutboundEvent> batch = new ArrayList<>();
        for (int i = 0; i <= R2dbcEventLog.STAGED_AT_MOST; i++) {
            batch.add(event(key, prefix + " " + i));
        }
        return batch;
    }

    private static OutboundEvent event(String key, String type) {
        return new OutboundEvent(TOPIC, key, type, "PRT-1", key, null, Map.of("key", key));
    }

    private static long count(String key) throws SQLException {
        return single("SELECT count(*) FROM event_log WHERE event_key = '" + key + "'");
    }

    private static long lastSeq() throws SQLException {
        return single("SELECT last_seq FROM event_sequence");
    }

    private static long single(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
