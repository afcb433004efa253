package io.crowdrecon.recon.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matcher's lookup of booked bank references must probe the unique (creditor_iban, bank_reference) index, also
 * while the credit table has no statistics: a new database, before autovacuum's first ANALYZE. Until migration V22
 * a (creditor_iban, booking_date) index won that choice and every probe read all the account's credits, and a join
 * of the references could hash every bank credit instead; the throughput benchmark fell to 1,268 credits/s on it.
 * Either half of the fix alone (the index of V22, the lateral probe) fails this test. A database of its own, migrated to the end, 20,000 credits of
 * one collection account written with autovacuum off (so never analyzed), then the plans, generic and with 500 values.
 */
class CreditLedgerPlanIT {

    private static final String ACCOUNT = "DE75038405589322626260";
    private static final int CREDITS = 20_000;

    private static String server;
    private static String database;
    private static String user;
    private static String password;

    @BeforeAll
    static void aNewDatabaseWithAnAccountOfTwentyThousandCreditsAndNoStatistics() throws SQLException {
        Map<String, Object> shared = TestInfrastructure.springProperties();
        server = shared.get("spring.flyway.url").toString();
        user = shared.get("spring.flyway.user").toString();
        password = shared.get("spring.flyway.password").toString();
        database = "plan_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Flyway.configure()
                .dataSource(jdbcUrl(), user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE credit SET (autovacuum_enabled = false)");
            statement.execute(
                    """
                    INSERT INTO credit (notification_id, channel, amount, currency, creditor_iban, bank_reference,
                                        booking_date, received_at, outcome, recorded_at)
                    SELECT 'N' || i, 'BANK_TRANSFER', 100, 'EUR', '%s', 'REF' || i, current_date, now(),
                           'UNIDENTIFIED', now()
                      FROM generate_series(1, %d) i"""
                            .formatted(ACCOUNT, CREDITS));
            try (ResultSet analyzed =
                    statement.executeQuery("SELECT reltuples FROM pg_class WHERE relname = 'credit'")) {
                analyzed.next();
                assertThat(analyzed.getFloat(1)).as("credit was never analyzed").isNegative();
            }
        }
    }

    @AfterAll
    static void dropIt() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void probesTheUniqueBankReferenceIndexBeforeTheTableHasStatistics() throws SQLException {
        String sql = R2dbcCreditLedger.BY_BANK_REFERENCE.replace(":ibans", "$1").replace(":refs", "$2");
        // The plan the driver's prepared statement ends up with: $1 and $2 unbound (a simple query).
        Properties simple = new Properties();
        simple.setProperty("user", user);
        simple.setProperty("password", password);
        simple.setProperty("preferQueryMode", "simple");
        List<String> plans = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), simple);
                Statement statement = connection.createStatement()) {
            plans.add(lines(statement.executeQuery("EXPLAIN (GENERIC_PLAN, COSTS OFF) " + sql)));
        }
        // With a batch's 500 references bound.
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user, password);
                PreparedStatement explain = connection.prepareStatement(
                        "EXPLAIN (COSTS OFF) " + sql.replace("$1", "?").replace("$2", "?"))) {
            String[] ibans = new String[500];
            String[] references = new String[500];
            for (int i = 0; i < 500; i++) {
                ibans[i] = ACCOUNT;
                references[i] = "REF" + (CREDITS - i * 7);
            }
            explain.setArray(1, connection.createArrayOf("text", ibans));
            explain.setArray(2, connection.createArrayOf("text", references));
            plans.add(lines(explain.executeQuery()));
        }

        for (String plan : plans) {
            assertThat(plan)
                    .contains("Index Scan using credit_bank_reference_once")
                    .contains("Index Cond: ((creditor_iban = r.creditor_iban) AND (bank_reference = r.bank_reference))")
                    .doesNotContain("Hash")
                    .doesNotContain("Seq Scan on credit");
        }
    }

    private static String lines(ResultSet plan) throws SQLException {
        List<String> lines = new ArrayList<>();
        while (plan.next()) {
            lines.add(plan.getString(1));
        }
        return String.join("\n", lines);
    }

    /** The shared server's JDBC URL, naming this test's database instead of the shared one. */
    private static String jdbcUrl() {
        int path = server.lastIndexOf('/');
        int query = server.indexOf('?', path);
        return server.substring(0, path + 1) + database + (query < 0 ? "" : server.substring(query));
    }
}
