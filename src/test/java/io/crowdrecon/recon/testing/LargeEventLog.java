package io.crowdrecon.recon.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An event log of real size for measuring a stream's replay, written over JDBC in one
 * {@code INSERT ... SELECT generate_series} after the log's last event, as its own transaction
 * (holding the sequence row, as the service's writers do). Event ids count up with the seq
 * instead of being random, which makes the insert several times faster. Among {@code n} events of 997 other
 * portals, 1 in 1000 is of {@code portalId} and 1 in 1000 of {@link #OTHER_PORTAL}, a portal that
 * uses the same campaign and order ids (so that a portal's replay shows whether it is kept to its
 * own portal); a third of the events are on {@code recon.moneyouts}, the rest order-status events,
 * 1 in 7 of the others has neither order nor campaign. The two portals' ids:
 * <ul>
 *   <li>{@link #SPREAD_CAMPAIGN}: 1 in 5 of their events, spread over the whole log;
 *   <li>{@link #LATE_CAMPAIGN} with orders {@link #LATE_ORDER} and {@code TRX-LATE1}: their events in
 *       the last 1 % of the log, an order a client follows that was created long after the id it
 *       resumes from;
 *   <li>{@code TRX-T0} to {@code TRX-T99}: before that, each one's events spread over the log.
 * </ul>
 */
public final class LargeEventLog {

    public static final String OTHER_PORTAL = "PRT-OTHER-SAME-IDS";
    public static final String SPREAD_CAMPAIGN = "COL-T2";
    // Well-formed ids, since clients name them in query parameters that the API's edge checks.
    public static final String LATE_CAMPAIGN = "COL2222222222222222";
    public static final String LATE_ORDER = "TRX1234567890123428";

    private static final String INSERT =
            """
            INSERT INTO event_log (seq, event_id, topic, event_key, event_type, source, portal_id, order_id,
                                   campaign_id, payload, created_at)
            SELECT ? + g, ('00000000-0000-4000-8000-' || lpad(to_hex(? + g), 12, '0'))::uuid, topic, coalesce(order_id, campaign_id, 'none'),
                   CASE topic WHEN 'recon.order-events' THEN 'crowdrecon.order.status-changed.v1'
                                                        ELSE 'crowdrecon.moneyout.created.v1' END,
                   '/portals/' || portal_id, portal_id, order_id, campaign_id,
                   '{"orderId":"' || coalesce(order_id, '') || '","campaignId":"' || coalesce(campaign_id, '')
                       || '","status":"ACCOUNTED","previousStatus":"WAITING","reason":"payment matched","at":"'
                       || now() || '"}',
                   now()
              FROM (SELECT g,
                           CASE WHEN g % 3 = 0 THEN 'recon.moneyouts' ELSE 'recon.order-events' END AS topic,
                           CASE g % 1000 WHEN 0 THEN ? WHEN 1 THEN ? ELSE 'PRT-' || (g % 997) END AS portal_id,
                           CASE WHEN g % 1000 IN (0, 1) AND g > ? * 99 / 100
                                     THEN CASE g / 1000 % 2 WHEN 0 THEN '{LATE_ORDER}' ELSE 'TRX-LATE1' END
                                WHEN g % 1000 IN (0, 1) THEN 'TRX-T' || (g / 1000 % 100)
                                WHEN g % 7 = 5 THEN NULL
                                ELSE 'TRX-' || (g % 199999) END AS order_id,
                           CASE WHEN g % 1000 IN (0, 1) AND g > ? * 99 / 100 THEN '{LATE_CAMPAIGN}'
                                WHEN g % 1000 IN (0, 1) THEN 'COL-T' || (g / 1000 % 5)
                                WHEN g % 7 = 5 THEN NULL
                                ELSE 'COL-' || (g % 4999) END AS campaign_id
                      FROM generate_series(1, ?) AS g) AS e"""
                    .replace("{LATE_ORDER}", LATE_ORDER)
                    .replace("{LATE_CAMPAIGN}", LATE_CAMPAIGN);

    private LargeEventLog() {}

    /**
     * Appends {@code n} events after the last one; moves the event sequence, and the relay's cursor so
     * that no relay publishes them, past them; refreshes the planner's statistics. Returns the seq
     * before the first appended event.
     */
    public static long append(Connection connection, long n, String portalId) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long before;
        try {
            before = appendInOneTransaction(connection, n, portalId);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE event_log");
        }
        return before;
    }

    private static long appendInOneTransaction(Connection connection, long n, String portalId) throws SQLException {
        long before;
        try (Statement statement = connection.createStatement();
                ResultSet last =
                        statement.executeQuery("SELECT last_seq FROM event_sequence WHERE id = 1 FOR UPDATE")) {
            last.next();
            before = last.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, before);
            insert.setLong(2, before);
            insert.setString(3, portalId);
            insert.setString(4, OTHER_PORTAL);
            insert.setLong(5, n);
            insert.setLong(6, n);
            insert.setLong(7, n);
            insert.executeUpdate();
        }
        try (PreparedStatement sequence =
                        connection.prepareStatement("UPDATE event_sequence SET last_seq = ? WHERE id = 1");
                PreparedStatement relay = connection.prepareStatement(
                        "UPDATE relay_lease SET last_seq = greatest(last_seq, ?) WHERE id = 1")) {
            sequence.setLong(1, before + n);
            sequence.executeUpdate();
            relay.setLong(1, before + n);
            relay.executeUpdate();
        }
        return before;
    }
}
