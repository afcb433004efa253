package io.crowdrecon.recon.paymentfile.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.paymentfile.PaymentFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.scheduling.support.CronExpression;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class PaymentFileCutOffTests {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final CronExpression EVERY_QUARTER = CronExpression.parse("0 */15 * * * *");
    private static final Instant START = Instant.parse("2026-12-07T10:05:00Z");

    @ParameterizedTest(name = "{0} after {1} -> {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 */15 * * * * | 2026-12-07T10:05:00Z | 2026-12-07T10:15:00Z | a quarter in winter (CET)",
                "0 */15 * * * * | 2026-12-07T10:15:00Z | 2026-12-07T10:30:00Z | strictly after a cut-off",
                "0 */15 * * * * | 2026-03-29T00:50:00Z | 2026-03-29T01:00:00Z | spring forward: 01:50 CET, then 03:00"
                        + " CEST (02:00 does not exist)",
                "0 */15 * * * * | 2026-10-25T00:50:00Z | 2026-10-25T01:00:00Z | fall back: 02:50 CEST, then 02:00 CET"
                        + " ten minutes later, unbroken",
                "0 */15 * * * * | 2026-10-25T01:00:00Z | 2026-10-25T01:15:00Z | fall back: the repeated hour goes on"
                        + " by quarters",
                "0 30 2 * * *   | 2026-03-28T12:00:00Z | 2026-03-30T00:30:00Z | a daily 02:30 does not come on the day"
                        + " that skips it",
                "0 30 2 * * *   | 2026-10-25T00:00:00Z | 2026-10-25T00:30:00Z | a daily 02:30 comes in CEST first…",
                "0 30 2 * * *   | 2026-10-25T00:30:00Z | 2026-10-25T01:30:00Z | …and again in CET on the day that"
                        + " repeats it",
                "0 0 16 * * MON-FRI | 2026-07-03T15:00:00Z | 2026-07-06T14:00:00Z | weekdays at 16:00 in summer (CEST)",
                "0 0 17 L * *   | 2026-02-10T00:00:00Z | 2026-02-28T16:00:00Z | the last day of February",
                "0 0 17 L * *   | 2028-02-10T00:00:00Z | 2028-02-29T16:00:00Z | the last day of a leap February",
                "0 0 17 L * *   | 2026-04-30T15:30:00Z | 2026-05-31T15:00:00Z | after the last day's cut-off, the next"
                        + " month's last day",
                "0 0 12 31 * *  | 2026-04-01T00:00:00Z | 2026-05-31T10:00:00Z | the 31st skips a month of 30 days",
                "0 0 0 1 * *    | 2026-12-31T22:59:00Z | 2026-12-31T23:00:00Z | the first of the month: 1 January"
                        + " 00:00 CET is still 2026 in UTC",
            })
    void nextCutOffIsTheScheduleReadInTheZonesWallClockTime(String cron, Instant now, Instant expected, String why) {
        assertThat(PaymentFileCutOff.next(CronExpression.parse(cron), BRUSSELS, now))
                .as(why)
                .isEqualTo(expected);
    }

    @Test
    void buildsAtEveryCutOffAndNotBetween() {
        List<Instant> builds = new CopyOnWriteArrayList<>();

        StepVerifier.withVirtualTime(() ->
                        cutOff(builds, () -> Mono.just(List.<PaymentFile>of())).run())
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(9))
                .thenAwait(Duration.ofMinutes(1))
                .expectNextCount(1)
                .thenAwait(Duration.ofMinutes(30))
                .expectNextCount(2)
                .thenCancel()
                .verify();

        assertThat(builds)
                .containsExactly(
                        Instant.parse("2026-12-07T10:15:00Z"),
                        Instant.parse("2026-12-07T10:30:00Z"),
                        Instant.parse("2026-12-07T10:45:00Z"));
    }

    @Test
    void aFailedCutOffDoesNotEndTheLoopTheNextOneBuildsAgain() {
        List<Instant> builds = new CopyOnWriteArrayList<>();
        Supplier<Mono<List<PaymentFile>>> failingOnce = () -> builds.size() == 1
                ? Mono.error(new IllegalStateException("the database is away"))
                : Mono.just(List.<PaymentFile>of());

        StepVerifier.withVirtualTime(() -> cutOff(builds, failingOnce).run())
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(20))
                .thenAwait(Duration.ofMinutes(5))
                .expectNextCount(1)
                .thenCancel()
                .verify();

        assertThat(builds)
                .containsExactly(Instant.parse("2026-12-07T10:15:00Z"), Instant.parse("2026-12-07T10:30:00Z"));
    }

    @Test
    void aBuildThatOutlastsThePeriodSkipsTheCutOffsItOverran() {
        List<Instant> builds = new CopyOnWriteArrayList<>();
        // 20 minutes a build: each overruns the next quarter (10:15 ends at 10:35, after 10:30), which is skipped.
        Supplier<Mono<List<PaymentFile>>> slow =
                () -> Mono.delay(Duration.ofMinutes(20)).thenReturn(List.of());

        StepVerifier.withVirtualTime(() -> cutOff(builds, slow).run())
                .thenAwait(Duration.ofMinutes(90))
                .expectNextCount(3)
                .thenCancel()
                .verify();

        assertThat(builds)
                .containsExactly(
                        Instant.parse("2026-12-07T10:15:00Z"),
                        Instant.parse("2026-12-07T10:45:00Z"),
                        Instant.parse("2026-12-07T11:15:00Z"));
    }

    /** A cut-off every quarter whose clock is the virtual time (from {@link #START}); each build noted at its start. */
    private static PaymentFileCutOff cutOff(List<Instant> builds, Supplier<Mono<List<PaymentFile>>> build) {
        Clock clock = new VirtualClock(VirtualTimeScheduler.get());
        return new PaymentFileCutOff(EVERY_QUARTER, BRUSSELS, clock, () -> {
            builds.add(clock.instant());
            return build.get();
        });
    }

    private static final class VirtualClock extends Clock {

        private final VirtualTimeScheduler time;

        VirtualClock(VirtualTimeScheduler time) {
            this.time = time;
        }

        @Override
        public Instant instant() {
            return START.plusMillis(time.now(TimeUnit.MILLISECONDS));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
