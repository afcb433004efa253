package io.crowdrecon.recon.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.crowdrecon.recon.embedded.DurablePostgres;
import io.crowdrecon.recon.testing.ApiClient;
import io.crowdrecon.recon.testing.BankFeed;
import io.crowdrecon.recon.testing.Credits;
import io.crowdrecon.recon.testing.Ibans;
import io.crowdrecon.recon.testing.OwnInstance;
import io.crowdrecon.recon.testing.OwnServers;
import io.crowdrecon.recon.testing.TestPortal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment of docs/production.md: {@code crowdrecon migrate} changes the schema as its owner and grants the
 * service's own role rows only; the service then runs as that role with its migrations off, and decides credits.
 * On servers of this test's own.
 */
class MigrateCommandIT {

    private static final String RUNTIME_ROLE = "crowdrecon_runtime";
    private static OwnServers servers;

    @BeforeAll
    static void startServersWithARuntimeRole() throws SQLException {
        servers = OwnServers.start();
        execute(DurablePostgres.USER, "CREATE ROLE " + RUNTIME_ROLE + " LOGIN PASSWORD 'runtime'");
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void migratesOnceAndLeavesTheRuntimeRoleRowsButNoSchemaChanges() throws SQLException {
        assertThat(migrate()).isZero();
        long applied = count(DurablePostgres.USER, "SELECT count(*) FROM flyway_schema_history WHERE success");
        assertThat(applied).as("migrations applied").isPositive();

        assertThat(migrate()).as("a second run").isZero();
        assertThat(count(DurablePostgres.USER, "SELECT count(*) FROM flyway_schema_history"))
                .as("a second run applies nothing")
                .isEqualTo(applied);

        // Rows: read and written (each throws if the role may not).
        count(RUNTIME_ROLE, "SELECT count(*) FROM event_log");
        execute(RUNTIME_ROLE, "UPDATE event_sequence SET last_seq = last_seq WHERE id = 1");
        // The ops log is append-only: lines are added and read, never changed or removed.
        execute(
                RUNTIME_ROLE,
                "INSERT INTO ops_log (at, operator_id, operator_name, action, object_type, outcome)"
                        + " VALUES (now(), 'OPR2222222222222222', 'bootstrap', 'test', 'Test', 'OK')");
        assertThat(count(RUNTIME_ROLE, "SELECT count(*) FROM ops_log")).isPositive();
        for (String ddl : List.of(
                "CREATE TABLE intruder (id int)",
                "ALTER TABLE event_log ADD COLUMN intruder int",
                "DROP TABLE event_log",
                "TRUNCATE event_log",
                "UPDATE ops_log SET note = 'rewritten'",
                "DELETE FROM ops_log",
                "TRUNCATE ops_log")) {
            assertThatThrownBy(() -> execute(RUNTIME_ROLE, ddl))
                    .as(ddl)
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                            .as("SQLSTATE of " + ddl)
                            .isIn("42501")); // insufficient_privilege (owner checks answer the same)
        }
    }

    @Test
    void failsWhenTheDatabaseCannotBeReached() {
        assertThatThrownBy(() -> MigrateCommand.run(new String[] {
                    "migrate",
                    "--spring.flyway.url=jdbc:postgresql://localhost:" + servers.postgresPort() + "/no_such_database",
                    "--spring.flyway.user=" + DurablePostgres.USER,
                    "--spring.flyway.password=",
                    "--spring.flyway.connect-retries=0"
                }))
                .hasStackTraceContaining("no_such_database");
    }

    @Test
    void theServiceDecidesCreditsAsTheRuntimeRoleWithItsMigrationsOff() {
        assertThat(migrate()).isZero();
        Map<String, Object> properties = new HashMap<>(servers.springProperties());
        properties.put("spring.r2dbc.username", RUNTIME_ROLE);
        properties.put("spring.r2dbc.password", "runtime");
        properties.put("spring.flyway.enabled", false);
        try (OwnInstance service = OwnInstance.start(properties);
                BankFeed feed = new BankFeed(servers.bootstrapServers())) {
            await().atMost(Duration.ofMinutes(1)).until(service::consumersAssigned);
            TestPortal portal = service.api().newPortal();
            String payer = Ibans.randomGerman();
            String orderId = portal.order(portal.openCampaign(), portal.investor(), payer)
                    .get("orderId")
                    .asString();
            Credits.Credit credit = Credits.to(portal.collectionIban())
                    .description("Subscription " + orderId)
                    .payerIban(payer);

            feed.sendAll(Credits.TOPIC, List.of(Map.entry(credit.notificationId(), credit.json())));

            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(ApiClient.body(portal.get("/orders/" + orderId)
                                            .expectStatus()
                                            .isOk())
                                    .get("status")
                                    .asString())
                            .isEqualTo("ACCOUNTED"));
        }
    }

    private static int migrate() {
        return MigrateCommand.run(new String[] {
            "migrate",
            "--spring.flyway.url=" + servers.jdbcUrl(),
            "--spring.flyway.user=" + DurablePostgres.USER,
            "--spring.flyway.password=",
            "--recon.database.runtime-role=" + RUNTIME_ROLE
        });
    }

    private static void execute(String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), user, "runtime");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), user, "runtime");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
