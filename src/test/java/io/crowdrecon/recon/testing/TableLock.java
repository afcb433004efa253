package io.crowdrecon.recon.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Holds an exclusive lock on a table of the service's database (reads still pass, writes wait), so that a batch
 * writing it stops inside its transaction: a crash or a shutdown can then be made to fall exactly in the middle of a
 * batch, instead of hoping for it. Releasing (or closing) lets the waiting transactions go on.
 */
public final class TableLock implements AutoCloseable {

    private final Connection connection;

    private TableLock(Connection connection) {
        this.connection = connection;
    }

    /** Locks {@code table} in EXCLUSIVE mode until {@link #release()}. */
    public static TableLock hold(String jdbcUrl, String user, String password, String table) {
        return lock(jdbcUrl, user, password, table, "EXCLUSIVE");
    }

    /** Locks {@code table} in ACCESS EXCLUSIVE mode until {@link #release()}: reads wait too (a stalled query). */
    public static TableLock holdAgainstReads(String jdbcUrl, String user, String password, String table) {
        return lock(jdbcUrl, user, password, table, "ACCESS EXCLUSIVE");
    }

    private static TableLock lock(String jdbcUrl, String user, String password, String table, String mode) {
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE " + table + " IN " + mode + " MODE");
            }
            return new TableLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock " + table, e);
        }
    }

    /** How many sessions wait for a lock: transactions stopped in the middle. */
    public int waiting() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
    }

    /**
     * How many sessions of clients calling themselves {@code applicationName} (r2dbc-postgresql's
     * {@code applicationName} option) wait for a lock.
     */
    public int waiting(String applicationName) {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = '"
                + applicationName.replace("'", "''") + "'");
    }

    private int count(String query) {
        try (Statement statement = connection.createStatement()) {
            // Within a transaction PostgreSQL answers from one snapshot of the activity; take a fresh one.
            statement.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = statement.executeQuery(query)) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets the waiting transactions go on. */
    public void release() {
        close();
    }

    @Override
    public void close() {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            // The server may be gone with the service: the lock is gone too.
        }
    }
}
