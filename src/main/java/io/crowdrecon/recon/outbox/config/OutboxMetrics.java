package io.crowdrecon.recon.outbox.config;

import io.crowdrecon.recon.outbox.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Outbox health in numbers: events published, the backlog still to publish, and the relay lag
 * (how old the newest published event was when it went out).
 */
public class OutboxMetrics {

    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final DatabaseClient database;

    public OutboxMetrics(MeterRegistry registry, DatabaseClient database) {
        this.database = database;
        this.published = Counter.builder("recon.outbox.published")
                .description("Events published to Kafka by this instance's relay")
                .register(registry);
        registry.gauge("recon.outbox.backlog", backlog);
        registry.gauge("recon.outbox.relay.lag.seconds", lagMillis, value -> value.get() / 1000.0);
    }

    void published(List<StoredEvent> events) {
        published.increment(events.size());
        Instant newest = events.get(events.size() - 1).createdAt();
        lagMillis.set(Math.max(0, Duration.between(newest, Instant.now()).toMillis()));
    }

    public long backlog() {
        return backlog.get();
    }

    /** Refreshes the backlog gauge every few seconds; resets the lag when nothing waits. */
    Flux<Long> refreshLoop() {
        return Flux.interval(Duration.ZERO, Duration.ofSeconds(5)).concatMap(tick -> database.sql(
                        """
                                SELECT (SELECT last_seq FROM event_sequence) - (SELECT last_seq FROM relay_lease)""")
                .map(row -> row.get(0, Long.class))
                .one()
                .doOnNext(value -> {
                    backlog.set(value);
                    if (value == 0) {
                        lagMillis.set(0);
                    }
                })
                .onErrorResume(error -> Mono.empty()));
    }
}
