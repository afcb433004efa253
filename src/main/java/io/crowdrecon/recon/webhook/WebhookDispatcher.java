package io.crowdrecon.recon.webhook;

import io.crowdrecon.recon.review.ReviewItem;
import io.crowdrecon.recon.review.ReviewItems;
import io.crowdrecon.recon.review.ReviewKind;
import io.crowdrecon.recon.shared.IdGenerator;
import io.crowdrecon.recon.shared.Periodically;
import io.crowdrecon.recon.shared.Transactions;
import io.crowdrecon.recon.shared.WebhookDeliveryId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Sends the due deliveries, while this instance holds the webhook lease. It claims no more than it has room for in
 * flight (at most {@code concurrency}, at most 64 a claim), each the first PENDING delivery of its endpoint and key (so
 * that deliveries of one key go out in seq order, one at a time), and pushes each claimed one's next attempt ahead, so
 * that an attempt lost in a crash is made again. Each attempt is recorded in its own transaction: the attempt, the
 * delivery's outcome ({@link RetryDecision}), the endpoint's {@code failing_since}, and, when the endpoint is disabled,
 * its review item. A slow receiver holds one slot for at most the timeout, never the others.
 */
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** The most deliveries one claim takes. */
    public static final int MAX_CLAIM = 64;

    public static final String USER_AGENT = "crowdrecon-webhooks/1";

    /** POSTs a delivery; the adapter in {@code webhook.http}. */
    public interface Sender {
        /**
         * POSTs {@code message} to {@code url} with these headers (besides {@code Content-Type} and
         * {@code User-Agent}). Emits what came back, never an error: no answer is an {@link RetryDecision.Answer}
         * with an error and no status.
         */
        Mono<Sent> send(String url, WebhookMessage message, Map<String, String> headers);
    }

    /** What an attempt got, and how long it took. */
    public record Sent(RetryDecision.Answer answer, long latencyMs) {}

    /**
     * Tuning.
     *
     * @param concurrency attempts in flight at once
     * @param timeout how long an attempt may take; a claimed delivery is held for this and {@code margin}
     * @param idle the pause when nothing is due
     */
    public record Settings(int concurrency, Duration timeout, Duration margin, Duration idle) {}

    private final Deliveries deliveries;
    private final Transactions transactions;
    private final ReviewItems reviews;
    private final IdGenerator ids;
    private final Sender sender;
    private final Clock clock;
    private final RetryDecision.Policy policy;
    private final Settings settings;
    private final BooleanSupplier holdsLease;
    private final DoubleSupplier jitter;
    private final Consumer<String> onAttempt;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean finishing = new AtomicBoolean();
    private final AtomicLong lastClaim = new AtomicLong(System.nanoTime());
    /** Claims that failed in a row (the database down): each waits longer before the next. */
    private final AtomicInteger claimFailures = new AtomicInteger();

    /** Wakes the loop when an attempt ends, so that the next delivery of the same key need not wait for the idle. */
    private final Sinks.Many<Boolean> wake = Sinks.many().multicast().directBestEffort();

    public WebhookDispatcher(
            Deliveries deliveries,
            Transactions transactions,
            ReviewItems reviews,
            IdGenerator ids,
            Sender sender,
            Clock clock,
            RetryDecision.Policy policy,
            Settings settings,
            BooleanSupplier holdsLease,
            DoubleSupplier jitter,
            Consumer<String> onAttempt) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.reviews = reviews;
        this.ids = ids;
        this.sender = sender;
        this.clock = clock;
        this.policy = policy;
        this.settings = settings;
        this.holdsLease = holdsLease;
        this.jitter = jitter;
        this.onAttempt = onAttempt;
    }

    /** The dispatch loop, until {@link #finish()}; emits each attempt's outcome ({@link #outcome}). */
    public Flux<String> run() {
        finishing.set(false);
        return Flux.defer(this::claim).repeat(() -> !finishing.get()).flatMap(this::attempt, settings.concurrency());
    }

    /** Every few seconds while this instance holds the lease: makes due the deliveries left without a time. */
    public Flux<Long> sweep(Duration period) {
        return Periodically.run(
                period,
                period,
                () -> holdsLease.getAsBoolean()
                        ? deliveries.promoteStranded(clock.instant()).onErrorResume(error -> {
                            log.warn("Sweeping webhook deliveries failed: {}", error.toString());
                            return Mono.just(0L);
                        })
                        : Mono.just(0L));
    }

    /** Asks the loop to claim nothing more and to complete once the attempts in flight are recorded. */
    public void finish() {
        finishing.set(true);
        wake.tryEmitNext(true);
    }

    /** The attempts in flight now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Claims what there is room for, and emits it with its messages; pauses first when there is nothing to claim. */
    private Flux<Claimed> claim() {
        int busy = inFlight.get();
        int room = Math.min(MAX_CLAIM, settings.concurrency() - busy);
        // A claim reads the heads of the whole queue: while attempts are in flight, it waits until half the room is
        // free rather than claiming one delivery each time one ends, or for the idle period (slow receivers holding
        // most of the room must not keep the others waiting).
        boolean worthIt = busy == 0
                || room >= (settings.concurrency() + 1) / 2
                || System.nanoTime() - lastClaim.get() >= settings.idle().toNanos();
        if (room <= 0 || !worthIt || !holdsLease.getAsBoolean()) {
            return pause();
        }
        lastClaim.set(System.nanoTime());
        Duration hold = settings.timeout().plus(settings.margin());
        return deliveries
                .claimDue(clock.instant(), hold, room)
                .doOnNext(due -> claimFailures.set(0))
                .onErrorResume(error -> {
                    // The database is down or failing: wait longer each time (up to 10 s), as the other loops do,
                    // instead of asking it again at every idle period.
                    int failures = claimFailures.incrementAndGet();
                    Duration wait = claimBackoff(failures);
                    log.warn(
                            "Claiming webhook deliveries failed (attempt {}, next in {} ms): {}",
                            failures,
                            wait.toMillis(),
                            error.toString());
                    return Mono.delay(wait).thenReturn(List.of());
                })
                .flatMapMany(due -> {
                    if (due.isEmpty()) {
                        return pause();
                    }
                    inFlight.addAndGet(due.size());
                    return Flux.fromIterable(withMessages(due));
                });
    }

    /** 200 ms after the first failed claim, doubling up to 10 s. */
    static Duration claimBackoff(int failures) {
        long millis = 200L << Math.min(failures - 1, 6);
        return Duration.ofMillis(Math.min(millis, 10_000));
    }

    private Flux<Claimed> pause() {
        if (finishing.get()) {
            return Flux.empty();
        }
        return Mono.firstWithSignal(
                        Mono.delay(settings.idle()).thenReturn(true),
                        wake.asFlux().next())
                .thenMany(Flux.empty());
    }

    /** Each event's body is made once, however many of its endpoints are claimed together. */
    private static List<Claimed> withMessages(List<Deliveries.Due> due) {
        Map<Long, WebhookMessage> messages = new HashMap<>();
        return due.stream()
                .map(d -> new Claimed(
                        d,
                        d.event() == null
                                ? null
                                : messages.computeIfAbsent(
                                        d.eventSeq(), seq -> WebhookMessage.of(Objects.requireNonNull(d.event())))))
                .toList();
    }

    private record Claimed(Deliveries.Due due, @Nullable WebhookMessage message) {}

    private Mono<String> attempt(Claimed claimed) {
        Deliveries.Due due = claimed.due();
        Instant at = clock.instant();
        return send(claimed, at)
                .flatMap(sent -> record(due, at, sent))
                .doOnNext(onAttempt)
                .onErrorResume(error -> {
                    // Its hold runs out and it is claimed again.
                    log.warn(
                            "Recording an attempt of webhook delivery {} failed: {}",
                            due.deliveryId(),
                            error.toString());
                    return Mono.just("error");
                })
                .doFinally(signal -> {
                    inFlight.decrementAndGet();
                    wake.tryEmitNext(true);
                });
    }

    private Mono<Sent> send(Claimed claimed, Instant at) {
        WebhookMessage message = claimed.message();
        if (message == null) {
            return Mono.just(new Sent(RetryDecision.Answer.none(GONE_FROM_THE_LOG), 0));
        }
        WebhookEndpoint endpoint = claimed.due().endpoint();
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", message.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                WebhookSignature.header(endpoint.signingSecrets(at), message.id(), timestamp, message.body()));
        return sender.send(endpoint.url(), message, headers)
                .onErrorResume(error -> Mono.just(new Sent(RetryDecision.Answer.none(error.toString()), 0)));
    }

    static final String GONE_FROM_THE_LOG = "The event is no longer in the event log";

    /**
     * Records the attempt in one transaction. Emits the outcome's name, or empty when the delivery or its endpoint is
     * gone meanwhile. A success at an endpoint that was not failing (as claimed) touches the delivery only, so that the
     * attempts of one endpoint do not queue on its row; otherwise the endpoint is locked first (as every writer of an
     * endpoint and its deliveries does), then the delivery. A failure recorded after the claim is cleared by the
     * endpoint's next success.
     */
    Mono<String> record(Deliveries.Due due, Instant at, Sent sent) {
        if (sent.answer().succeeded() && due.event() != null && due.endpoint().failingSince() == null) {
            return transactions.inTransaction(() -> recordAgainst(due, at, sent, null));
        }
        return transactions.inTransaction(() -> deliveries
                .lockEndpoint(due.endpoint().endpointId())
                .flatMap(endpoint -> recordAgainst(due, at, sent, endpoint)));
    }

    private Mono<String> recordAgainst(Deliveries.Due due, Instant at, Sent sent, @Nullable WebhookEndpoint endpoint) {
        WebhookDeliveryId id = due.deliveryId();
        return deliveries.lock(id).flatMap(locked -> {
            if (locked.status() != DeliveryStatus.PENDING) {
                return Mono.<String>empty(); // ended meanwhile: nothing to record against it
            }
            Instant now = clock.instant();
            int attempt = locked.attemptCount() + 1;
            RetryDecision.Answer answer = sent.answer();
            // A replay of an event pruned from the log meanwhile is not sent: an attempt without an answer, which the
            // schedule retries until it gives up (a clear error in the delivery's attempts, nothing sent that is not
            // the logged event).
            RetryDecision.Outcome outcome =
                    RetryDecision.decide(answer, attempt, locked.firstAttemptAt(), now, policy, jitter.getAsDouble());
            Mono<Void> recorded = recordDelivery(id, attempt, at, sent, outcome, now);
            if (endpoint != null) {
                recorded = recorded.then(recordEndpoint(endpoint, answer, outcome, now));
            }
            return recorded.thenReturn(outcome(outcome));
        });
    }

    private Mono<Void> recordDelivery(
            WebhookDeliveryId id, int attempt, Instant at, Sent sent, RetryDecision.Outcome outcome, Instant now) {
        RetryDecision.Answer answer = sent.answer();
        Deliveries.Attempt made = new Deliveries.Attempt(at, answer.statusCode(), sent.latencyMs(), answer.failure());
        Instant next = outcome instanceof RetryDecision.Retry retry ? retry.at() : null;
        Mono<Void> attempted = deliveries.attempted(id, attempt, made, next);
        DeliveryTrigger trigger = outcome.trigger();
        if (trigger == null) {
            return attempted;
        }
        return attempted.then(
                deliveries.move(id, DeliveryTransitions.row(id.value(), DeliveryStatus.PENDING, trigger), now));
    }

    private Mono<Void> recordEndpoint(
            WebhookEndpoint endpoint, RetryDecision.Answer answer, RetryDecision.Outcome outcome, Instant now) {
        RetryDecision.EndpointEffect effect = RetryDecision.endpoint(
                outcome, answer.statusCode(), endpoint.status(), endpoint.failingSince(), now, policy.giveUpAfter());
        Mono<Void> failing = Objects.equals(effect.failingSince(), endpoint.failingSince())
                ? Mono.empty()
                : deliveries.failingSince(endpoint.endpointId(), effect.failingSince(), now);
        String reason = effect.disabledReason();
        if (reason == null) {
            return failing;
        }
        return failing.then(deliveries
                .moveEndpoint(
                        endpoint.endpointId(), EndpointTransitions.row(endpoint, EndpointTrigger.DISABLE), reason, now)
                .flatMap(moved -> moved ? reviews.addAll(List.of(review(endpoint, reason, now))) : Mono.empty()));
    }

    private ReviewItem review(WebhookEndpoint endpoint, String reason, Instant now) {
        return ReviewItem.open(
                        ids.nextReviewItemId(),
                        ReviewKind.WEBHOOK_ENDPOINT_DISABLED,
                        endpoint.portalId(),
                        null,
                        endpoint.endpointId().value(),
                        "Webhook endpoint " + endpoint.endpointId() + " (" + endpoint.url() + ") was disabled: "
                                + reason + ". Its deliveries wait, PENDING, until the portal enables it again.",
                        now)
                .withDedupeKey("webhook-disabled:" + endpoint.endpointId() + ":" + now);
    }

    /** The metrics' name of an outcome. */
    static String outcome(RetryDecision.Outcome outcome) {
        if (outcome instanceof RetryDecision.Delivered) {
            return "delivered";
        }
        if (outcome instanceof RetryDecision.Retry) {
            return "retried";
        }
        return outcome instanceof RetryDecision.EndpointGone ? "gone" : "failed";
    }
}
