package io.crowdrecon.recon.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;

/**
 * A database of its own on the tests' shared PostgreSQL server, migrated to the end and never analyzed: what a new
 * deployment's planner sees before autovacuum's first ANALYZE. For the plan tests of the hot statements, which must
 * not depend on statistics. Dropped on {@link #close()}.
 */
public final class FreshDatabase implements AutoCloseable {

    private final String server;
    private final String user;
    private final String password;
    private final String name;

    private FreshDatabase(String server, String user, String password, String name) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates and migrates a database named {@code prefix} and a random suffix. */
    public static FreshDatabase create(String prefix) throws SQLException {
        Map<String, Object> shared = TestInfrastructure.springProperties();
        FreshDatabase database = new FreshDatabase(
                shared.get("spring.flyway.url").toString(),
                shared.get("spring.flyway.user").toString(),
                shared.get("spring.flyway.password").toString(),
                prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
        try (Connection connection = DriverManager.getConnection(database.server, database.user, database.password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database.name);
        }
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user, database.password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    /**
     * The plan PostgreSQL caches for a prepared statement after a few runs ({@code EXPLAIN (GENERIC_PLAN)}), of
     * {@code sql} with {@code $1}... parameters, as text.
     */
    public String genericPlan(String sql) throws SQLException {
        return genericPlan(jdbcUrl(), user, password, sql);
    }

    /**
     * The same on any database: {@code sql}'s parameters left unbound, sent as a simple query (the extended protocol
     * would want their values).
     */
    public static String genericPlan(String jdbcUrl, String user, String password, String sql) throws SQLException {
        Properties simple = new Properties();
        simple.setProperty("user", user);
        simple.setProperty("password", password);
        simple.setProperty("preferQueryMode", "simple");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, simple);
                Statement statement = connection.createStatement();
                ResultSet plan = statement.executeQuery("EXPLAIN (GENERIC_PLAN, COSTS OFF) " + sql)) {
            return planText(plan);
        }
    }

    /** An {@code EXPLAIN}'s rows as one text. */
    public static String planText(ResultSet plan) throws SQLException {
        List<String> lines = new ArrayList<>();
        while (plan.next()) {
            lines.add(plan.getString(1));
        }
        return String.join("\n", lines);
    }

    /** {@code sharedR2dbcUrl}, the tests' R2DBC URL, naming this database instead of the shared one. */
    public String r2dbcUrl(String sharedR2dbcUrl) {
        int path = sharedR2dbcUrl.lastIndexOf('/');
        int query = sharedR2dbcUrl.indexOf('?', path);
        return sharedR2dbcUrl.substring(0, path + 1) + name + (query < 0 ? "" : sharedR2dbcUrl.substring(query));
    }

    /** The shared server's JDBC URL, naming this database instead of the shared one. */
    public String jdbcUrl() {
        int path = server.lastIndexOf('/');
        int query = server.indexOf('?', path);
        return server.substring(0, path + 1) + name + (query < 0 ? "" : server.substring(query));
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
