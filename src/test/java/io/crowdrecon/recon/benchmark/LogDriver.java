package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.shared.OrderId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Order-status events written straight into the event log, the way the service appends them (the sequence row, then
 * one multi-row insert, one transaction), with no order and no service work behind them: what is left to measure is
 * the streams alone, from commit to wire. Each tick queues one {@code ACCOUNTED} event of the tick's portal (round
 * robin); one writer thread commits whatever is queued, as the service commits a batch. A change's cause is stamped
 * when its transaction has committed, so the delay from it is the streams' own.
 */
final class LogDriver extends PacedDriver implements AutoCloseable {

    private static final String INSERT =
            """
            WITH s AS (UPDATE event_sequence SET last_seq = last_seq + ? WHERE id = 1 RETURNING last_seq)
            INSERT INTO event_log (seq, event_id, topic, event_key, event_type, source, portal_id, order_id,
                                   campaign_id, payload, created_at)
            SELECT s.last_seq - ? + t.ord, t.event_id, 'recon.order-events', t.order_id,
                   'crowdrecon.order.status-changed.v1', '/portals/' || t.portal_id, t.portal_id, t.order_id,
                   t.campaign_id, t.payload, ?
            FROM s, unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS t(event_id, portal_id, order_id, campaign_id, payload, ord)""";

    private record Queued(Portal portal, String orderId, long startedNanos) {}

    private final List<Portal> portals;
    private final Connection db;
    private final Random random = new Random(7);
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    LogDriver(String jdbcUrl, List<Portal> portals, int inFlight) throws SQLException {
        super(inFlight);
        this.portals = portals;
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("ApplicationName", "crowdrecon-stream-bench-log");
        this.db = DriverManager.getConnection(jdbcUrl, props);
        this.writer = new Thread(this::write, "bench-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    String causeName() {
        return "event committed";
    }

    @Override
    void next(long tick) {
        queue.add(new Queued(
                portals.get((int) (tick % portals.size())),
                OrderId.generate(random).value(),
                System.nanoTime()));
    }

    private void write() {
        List<Queued> batch = new ArrayList<>();
        while (!closing) {
            try {
                Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                commit(batch);
                long committed = ChangeDriver.wallMicros();
                for (Queued q : batch) {
                    succeeded(q.orderId(), "ACCOUNTED", committed, q.startedNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                batch.forEach(q -> failed("event not written " + e.getClass().getSimpleName(), e.toString()));
            } finally {
                batch.forEach(q -> release());
                batch.clear();
            }
        }
    }

    private void commit(List<Queued> batch) throws SQLException {
        int n = batch.size();
        Instant now = Instant.now();
        String[] ids = new String[n];
        String[] portalIds = new String[n];
        String[] orderIds = new String[n];
        String[] campaignIds = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Queued q = batch.get(i);
            ids[i] = UUID.randomUUID().toString();
            portalIds[i] = q.portal().portalId;
            orderIds[i] = q.orderId();
            campaignIds[i] = q.portal().campaignId;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("orderId", q.orderId());
            data.put("campaignId", q.portal().campaignId);
            data.put("status", "ACCOUNTED");
            data.put("previousStatus", "WAITING");
            data.put("reason", "PAYMENT_MATCHED");
            // Stamped before the insert, as the service stamps a change before it writes it.
            data.put("at", now.toString());
            payloads[i] = ChangeDriver.JSON.writeValueAsString(data);
        }
        try (PreparedStatement st = db.prepareStatement(INSERT)) {
            int i = 1;
            st.setInt(i++, n);
            st.setInt(i++, n);
            st.setObject(i++, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            st.setArray(i++, db.createArrayOf("uuid", ids));
            st.setArray(i++, db.createArrayOf("text", portalIds));
            st.setArray(i++, db.createArrayOf("text", orderIds));
            st.setArray(i++, db.createArrayOf("text", campaignIds));
            st.setArray(i++, db.createArrayOf("text", payloads));
            st.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        closing = true;
        writer.join(TimeUnit.SECONDS.toMillis(10));
        db.close();
    }
}
