package io.crowdrecon.recon.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Turns the event log into webhook deliveries, in seq order, under the webhook lease: one instance at a time (the
 * others wait as standbys), with its own cursor, so that neither a slow receiver nor a failing one ever holds up the
 * log, the Kafka relay or the SSE streams. Each step is one round trip (see {@link Deliveries#fanOut}): what it read is
 * turned into deliveries and the cursor passes it in the same transaction, so a crash neither loses nor doubles one.
 * The instance holding the lease also dispatches ({@link #holdsLease()}).
 */
public class WebhookFanOut {

    private static final Logger log = LoggerFactory.getLogger(WebhookFanOut.class);

    /** Events per step, the pause when there is nothing new, the standby's pause, and the lease. */
    public record Settings(int batchSize, Duration idle, Duration standby, Duration lease) {
        public static final Settings DEFAULT =
                new Settings(2000, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    private final Deliveries deliveries;
    private final String owner;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<Deliveries.FanOut> onStep;
    private final AtomicBoolean finishing = new AtomicBoolean();
    /** {@link System#nanoTime()} until which this instance surely holds the lease (half of it, for clock drift). */
    private final AtomicLong heldUntil = new AtomicLong(System.nanoTime());

    public WebhookFanOut(
            Deliveries deliveries, String owner, Clock clock, Settings settings, Consumer<Deliveries.FanOut> onStep) {
        this.deliveries = deliveries;
        this.owner = owner;
        this.clock = clock;
        this.settings = settings;
        this.onStep = onStep;
    }

    /** The fan-out loop, until {@link #finish()}; emits the number of events each step passed. */
    public Flux<Long> run() {
        finishing.set(false);
        return Mono.defer(this::step)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                        .maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.warn(
                                "Webhook fan-out step failed (attempt {}): {}",
                                signal.totalRetries() + 1,
                                signal.failure().toString())))
                .repeat(() -> !finishing.get());
    }

    /** Whether this instance holds the lease now, and so dispatches. */
    public boolean holdsLease() {
        return !finishing.get() && System.nanoTime() - heldUntil.get() < 0;
    }

    /** Asks the loop to complete after the step in hand. */
    public void finish() {
        finishing.set(true);
    }

    /** Gives the lease up, so that another instance takes over at once. */
    public Mono<Void> release() {
        return Mono.defer(() -> deliveries.release(owner));
    }

    Mono<Long> step() {
        long started = System.nanoTime();
        return deliveries
                .fanOut(owner, settings.lease(), settings.batchSize(), clock.instant())
                .flatMap(step -> {
                    heldUntil.set(started + settings.lease().toNanos() / 2);
                    onStep.accept(step);
                    // A full batch: there may be more at once.
                    return step.events() >= settings.batchSize()
                            ? Mono.just(step.events())
                            : Mono.delay(settings.idle()).thenReturn(step.events());
                })
                .switchIfEmpty(Mono.defer(() -> {
                    heldUntil.set(started);
                    return Mono.delay(settings.standby()).thenReturn(0L);
                }));
    }
}
