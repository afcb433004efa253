package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import io.crowdrecon.recon.order.OrderReasons;
import io.crowdrecon.recon.order.OrderStatus;
import io.crowdrecon.recon.order.OrderStatusChanged;
import io.crowdrecon.recon.outbox.OutboundEvent;
import io.crowdrecon.recon.outbox.persistence.R2dbcEventLog;
import io.crowdrecon.recon.shared.OrderId;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Order-status events appended to the event log by the service's own {@link R2dbcEventLog}, with no order and no
 * service work behind them: what is left to measure is the streams alone, from commit to wire. Each tick queues one
 * {@code ACCOUNTED} event of the tick's portal; one writer thread appends whatever is queued in one statement (its own
 * transaction), as the service appends a batch's events. A change's cause is stamped when that append has committed,
 * so the delay from it is the streams' own.
 */
final class LogDriver extends PacedDriver implements AutoCloseable {

    private record Queued(Portal portal, String orderId, long startedNanos) {}

    private final ConnectionPool pool;
    private final R2dbcEventLog log;
    private final Random random = new Random(7);
    private final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    LogDriver(String r2dbcUrl, List<Portal> portals, int inFlight) {
        super(portals, inFlight);
        this.pool = (ConnectionPool) ConnectionFactories.get(r2dbcUrl);
        this.log = new R2dbcEventLog(DatabaseClient.create(pool), ChangeDriver.JSON, Clock.systemUTC());
        this.writer = new Thread(this::write, "bench-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    String causeName() {
        return "event committed";
    }

    @Override
    void next(Portal portal) {
        queue.add(new Queued(portal, OrderId.generate(random).value(), System.nanoTime()));
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
                // Stamped before the append, as the service stamps a change before it writes it.
                Instant at = Instant.now();
                List<OutboundEvent> events = new ArrayList<>(batch.size());
                for (Queued q : batch) {
                    events.add(new OrderStatusChanged(
                                    q.orderId(),
                                    q.portal().campaignId,
                                    OrderStatus.ACCOUNTED,
                                    OrderStatus.WAITING,
                                    OrderReasons.PAYMENT_MATCHED,
                                    at)
                            .toEvent(q.portal().portalId));
                }
                log.append(events).block(Duration.ofSeconds(30));
                long committed = ChangeDriver.wallMicros();
                for (Queued q : batch) {
                    succeeded(q.orderId(), "ACCOUNTED", committed, q.startedNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(q -> failed("event not written " + e.getClass().getSimpleName(), e.toString()));
            } finally {
                batch.forEach(q -> release());
                batch.clear();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join(TimeUnit.SECONDS.toMillis(10));
        pool.dispose();
    }
}
