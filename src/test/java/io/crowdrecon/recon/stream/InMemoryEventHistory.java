package io.crowdrecon.recon.stream;

import io.crowdrecon.recon.outbox.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/** An event log in memory: seq from 1; {@link #append(int)} adds events of portal P1, campaign C1. */
public final class InMemoryEventHistory implements EventHistory {
    private final List<StoredEvent> events = new ArrayList<>();
    private final AtomicLong last = new AtomicLong();
    private final AtomicLong read = new AtomicLong();

    public synchronized void append(int n) {
        for (int i = 0; i < n; i++) {
            long seq = last.incrementAndGet();
            events.add(new StoredEvent(
                    seq,
                    "id-" + seq,
                    "recon.order-events",
                    "TRX" + seq,
                    "t",
                    "/portals/P1",
                    "P1",
                    "TRX" + seq,
                    "C1",
                    "{}",
                    Instant.now()));
        }
    }

    /** Appends one order-status event of this portal, campaign and order; emits nothing, returns its seq. */
    public synchronized long append(String portalId, String campaignId, String orderId) {
        long seq = last.incrementAndGet();
        events.add(new StoredEvent(
                seq,
                "id-" + seq,
                "recon.order-events",
                orderId,
                "t",
                "/portals/" + portalId,
                portalId,
                orderId,
                campaignId,
                "{}",
                Instant.now()));
        return seq;
    }

    @Override
    public synchronized Mono<List<StoredEvent>> after(long seq, EventFilter filter, int limit) {
        List<StoredEvent> page = events.stream()
                .filter(e -> e.seq() > seq)
                .filter(filter)
                .limit(limit)
                .toList();
        read.addAndGet(page.size());
        return Mono.just(page);
    }

    /** How many events {@link #after} has returned so far. */
    public long eventsRead() {
        return read.get();
    }

    @Override
    public synchronized Mono<Long> lastSeq() {
        return Mono.just(last.get());
    }

    @Override
    public synchronized Mono<Long> firstKeptSeq() {
        return events.isEmpty() ? Mono.empty() : Mono.just(events.get(0).seq());
    }

    @Override
    public Mono<Long> forgetOlderThan(Instant cutoff) {
        return Mono.just(0L);
    }
}
