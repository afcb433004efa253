package io.crowdrecon.recon.paymentfile.config;

import io.crowdrecon.recon.paymentfile.PaymentFile;
import io.crowdrecon.recon.shared.BackgroundLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The payment-file cut-off: waits for the schedule's next time, then builds the files as {@code POST
 * /api/v1/ops/payment-files} does, for ever. A cut-off that fails is logged and the loop goes on: the next one
 * gathers what this one left. A build that outlasts the period skips the cut-offs it overran (no pile-up).
 *
 * <p>Every instance runs it, at the same times: the build's transaction-level advisory lock makes the second
 * instance wait, then find every instruction already in a file, so one cut-off makes one set of files whatever the
 * number of instances.
 *
 * <p>The build records no actor: the system builds at a cut-off, and the ops log, which names the operator behind an
 * ops request, has no line for it (a POST's build has one, naming the operator). The files built are logged.
 */
public class PaymentFileCutOff implements BackgroundLoop.Source {

    /** The loop's name, in the logs and in {@code BackgroundLoops.names()}. */
    public static final String NAME = "Payment-file cut-off";

    private static final Logger log = LoggerFactory.getLogger(PaymentFileCutOff.class);

    private final CronExpression schedule;
    private final ZoneId zone;
    private final Clock clock;
    private final Supplier<Mono<List<PaymentFile>>> build;

    public PaymentFileCutOff(
            CronExpression schedule, ZoneId zone, Clock clock, Supplier<Mono<List<PaymentFile>>> build) {
        this.schedule = schedule;
        this.zone = zone;
        this.clock = clock;
        this.build = build;
    }

    /**
     * The first cut-off strictly after {@code now}: the schedule read in {@code zone}'s wall-clock time. Across a
     * daylight-saving change the wall clock decides: a daily time in the hour skipped in spring does not come that day,
     * one in the hour repeated in autumn comes twice (a second build then gathers what came in meanwhile); a period of
     * minutes runs on unbroken. Null when the schedule never fires.
     */
    public static @Nullable Instant next(CronExpression schedule, ZoneId zone, Instant now) {
        ZonedDateTime next = schedule.next(now.atZone(zone));
        return next == null ? null : next.toInstant();
    }

    @Override
    public List<BackgroundLoop> loops() {
        return List.of(BackgroundLoop.cancelled(NAME, BackgroundLoop.Stage.JOBS, this::run));
    }

    /** Each cut-off's files (possibly none), one cut-off at a time; never completes, never fails. */
    Flux<List<PaymentFile>> run() {
        return Flux.defer(() -> {
            AtomicReference<Instant> last = new AtomicReference<>(clock.instant());
            return Mono.defer(() -> nextCutOff(Objects.requireNonNull(last.get())))
                    .doOnNext(last::set)
                    .flatMap(this::cutOff)
                    .repeat();
        });
    }

    /** Completes at the next cut-off after {@code last} and now (a slow build skips those it overran). */
    private Mono<Instant> nextCutOff(Instant last) {
        Instant now = clock.instant();
        Instant at = next(schedule, zone, now.isAfter(last) ? now : last);
        if (at == null) {
            log.warn("{}: the schedule fires no more", NAME);
            return Mono.never();
        }
        Duration wait = Duration.between(now, at);
        return Mono.delay(wait.isNegative() ? Duration.ZERO : wait).thenReturn(at);
    }

    private Mono<List<PaymentFile>> cutOff(Instant at) {
        return Mono.defer(build)
                .doOnNext(files -> {
                    if (!files.isEmpty()) {
                        log.info(
                                "{} of {}: built {}",
                                NAME,
                                at,
                                files.stream()
                                        .map(f -> f.paymentFileId() + " (" + f.numberOfTransactions() + " transfers)")
                                        .toList());
                    }
                })
                .onErrorResume(error -> {
                    log.error("{} of {} failed; the next cut-off gathers what it left", NAME, at, error);
                    return Mono.empty();
                });
    }
}
