package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.webhook.RetryDecision.Answer;
import io.crowdrecon.recon.webhook.RetryDecision.Delivered;
import io.crowdrecon.recon.webhook.RetryDecision.EndpointGone;
import io.crowdrecon.recon.webhook.RetryDecision.GiveUp;
import io.crowdrecon.recon.webhook.RetryDecision.Outcome;
import io.crowdrecon.recon.webhook.RetryDecision.Policy;
import io.crowdrecon.recon.webhook.RetryDecision.Retry;
import io.crowdrecon.recon.webhook.config.WebhookProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What an attempt leads to: {@link RetryDecision}, as a table. */
class RetryDecisionTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Policy DEFAULT = new Policy(WebhookProperties.DEFAULT_RETRY_SCHEDULE, Duration.ofDays(3));
    /** The draw that makes a jitter of exactly 1. */
    private static final double NO_JITTER = 0.5;

    static Stream<Arguments> attempts() {
        return Stream.of(
                // answer, attempt, first attempt, jitter draw -> outcome
                Arguments.of("200 delivers", Answer.status(200), 1, null, NO_JITTER, new Delivered()),
                Arguments.of("204 delivers", Answer.status(204), 3, NOW.minusSeconds(600), NO_JITTER, new Delivered()),
                Arguments.of("299 delivers", Answer.status(299), 1, null, NO_JITTER, new Delivered()),
                Arguments.of("410 is gone", Answer.status(410), 1, null, NO_JITTER, new EndpointGone()),
                Arguments.of(
                        "410 late is gone",
                        Answer.status(410),
                        9,
                        NOW.minus(Duration.ofDays(2)),
                        0.1,
                        new EndpointGone()),
                Arguments.of("500 first retries in 5 s", Answer.status(500), 1, null, NO_JITTER, retryIn("PT5S")),
                Arguments.of(
                        "503 second retries in 5 min",
                        Answer.status(503),
                        2,
                        NOW.minusSeconds(5),
                        NO_JITTER,
                        retryIn("PT5M")),
                Arguments.of("302 is not followed: retried", Answer.status(302), 1, null, NO_JITTER, retryIn("PT5S")),
                Arguments.of("301 retried", Answer.status(301), 3, NOW.minusSeconds(305), NO_JITTER, retryIn("PT30M")),
                Arguments.of(
                        "400 retried",
                        Answer.status(400),
                        4,
                        NOW.minus(Duration.ofMinutes(35)),
                        NO_JITTER,
                        retryIn("PT2H")),
                Arguments.of(
                        "404 retried",
                        Answer.status(404),
                        5,
                        NOW.minus(Duration.ofHours(3)),
                        NO_JITTER,
                        retryIn("PT5H")),
                Arguments.of(
                        "no answer retried",
                        Answer.none("timed out"),
                        6,
                        NOW.minus(Duration.ofHours(8)),
                        NO_JITTER,
                        retryIn("PT10H")),
                Arguments.of(
                        "the last wait repeats",
                        Answer.status(500),
                        9,
                        NOW.minus(Duration.ofHours(40)),
                        NO_JITTER,
                        retryIn("PT10H")),
                Arguments.of("lowest jitter is 0.8", Answer.status(500), 1, null, 0.0, retryIn("PT4S")),
                Arguments.of("highest jitter is 1.2", Answer.status(500), 2, NOW.minusSeconds(5), 1.0, retryIn("PT6M")),
                Arguments.of(
                        "Retry-After seconds longer than the wait",
                        answer(503, "120"),
                        1,
                        null,
                        NO_JITTER,
                        retryIn("PT2M")),
                Arguments.of(
                        "Retry-After shorter than the wait is not less",
                        answer(503, "1"),
                        2,
                        NOW.minusSeconds(5),
                        NO_JITTER,
                        retryIn("PT5M")),
                Arguments.of(
                        "Retry-After as an HTTP-date",
                        answer(429, httpDate(NOW.plus(Duration.ofHours(1)))),
                        1,
                        null,
                        NO_JITTER,
                        retryIn("PT1H")),
                Arguments.of(
                        "Retry-After is capped at 24 h", answer(503, "999999"), 1, null, NO_JITTER, retryIn("PT24H")),
                Arguments.of(
                        "Retry-After in the past is ignored",
                        answer(503, httpDate(NOW.minusSeconds(60))),
                        1,
                        null,
                        NO_JITTER,
                        retryIn("PT5S")),
                Arguments.of(
                        "Retry-After unreadable is ignored", answer(503, "soon"), 1, null, NO_JITTER, retryIn("PT5S")),
                Arguments.of(
                        "a retry after the 3 days gives up",
                        Answer.status(500),
                        12,
                        NOW.minus(Duration.ofHours(67)),
                        NO_JITTER,
                        new GiveUp()),
                Arguments.of(
                        "a retry just within the 3 days is made",
                        Answer.status(500),
                        12,
                        NOW.minus(Duration.ofHours(62)),
                        NO_JITTER,
                        retryIn("PT10H")),
                Arguments.of(
                        "a Retry-After beyond the 3 days gives up",
                        answer(503, "86400"),
                        3,
                        NOW.minus(Duration.ofHours(50)),
                        NO_JITTER,
                        new GiveUp()),
                Arguments.of(
                        "a success after 3 days still delivers",
                        Answer.status(200),
                        20,
                        NOW.minus(Duration.ofDays(4)),
                        NO_JITTER,
                        new Delivered()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void decidesTheDeliverysOutcome(
            String name, Answer answer, int attempt, @Nullable Instant first, double jitter, Outcome expected) {
        assertThat(RetryDecision.decide(answer, attempt, first, NOW, DEFAULT, jitter))
                .isEqualTo(expected);
    }

    @Test
    void theDefaultScheduleWaits5s5m30m2h5h10hThen10hAndGivesUpAfter3Days() {
        List<Duration> waits = new ArrayList<>();
        Instant first = NOW;
        Instant at = NOW;
        int attempt = 1;
        Outcome outcome;
        while ((outcome = RetryDecision.decide(
                        Answer.status(500), attempt, attempt == 1 ? null : first, at, DEFAULT, NO_JITTER))
                instanceof Retry retry) {
            waits.add(Duration.between(at, retry.at()));
            at = retry.at();
            attempt++;
        }
        assertThat(outcome).isEqualTo(new GiveUp());
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(10),
                        Duration.ofHours(10),
                        Duration.ofHours(10),
                        Duration.ofHours(10),
                        Duration.ofHours(10));
        // 12 attempts: the last at 67 h 35 min 5 s; the next would come after 72 h.
        assertThat(attempt).isEqualTo(12);
        assertThat(Duration.between(first, at)).isEqualTo(Duration.parse("PT67H35M5S"));
    }

    @Test
    void theJitterStaysWithin20PercentOfTheWait() {
        for (double draw = 0; draw < 1; draw += 0.01) {
            Duration wait = RetryDecision.wait(2, DEFAULT.schedule(), draw);
            assertThat(wait).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
        }
    }

    static Stream<Arguments> endpoints() {
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        Instant fourDaysAgo = NOW.minus(Duration.ofDays(4));
        return Stream.of(
                // outcome, status, endpoint status, failing since -> failing since, disabled
                Arguments.of(
                        "a success clears failing_since",
                        new Delivered(),
                        200,
                        EndpointStatus.ENABLED,
                        hourAgo,
                        null,
                        false),
                Arguments.of("a first failure sets it", retryIn("PT5S"), 500, EndpointStatus.ENABLED, null, NOW, false),
                Arguments.of(
                        "a later failure keeps it",
                        retryIn("PT5S"),
                        500,
                        EndpointStatus.ENABLED,
                        hourAgo,
                        hourAgo,
                        false),
                Arguments.of("410 disables", new EndpointGone(), 410, EndpointStatus.ENABLED, null, NOW, true),
                Arguments.of(
                        "failing for more than 3 days disables",
                        retryIn("PT10H"),
                        500,
                        EndpointStatus.ENABLED,
                        fourDaysAgo,
                        fourDaysAgo,
                        true),
                Arguments.of(
                        "a give-up while failing long disables",
                        new GiveUp(),
                        null,
                        EndpointStatus.ENABLED,
                        fourDaysAgo,
                        fourDaysAgo,
                        true),
                Arguments.of(
                        "a give-up of a delivery alone does not",
                        new GiveUp(),
                        500,
                        EndpointStatus.ENABLED,
                        hourAgo,
                        hourAgo,
                        false),
                Arguments.of(
                        "a disabled endpoint is not disabled again",
                        new EndpointGone(),
                        410,
                        EndpointStatus.DISABLED,
                        fourDaysAgo,
                        fourDaysAgo,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void decidesTheEndpointsSide(
            String name,
            Outcome outcome,
            @Nullable Integer status,
            EndpointStatus endpointStatus,
            @Nullable Instant failingSince,
            @Nullable Instant expectedSince,
            boolean disabled) {
        RetryDecision.EndpointEffect effect =
                RetryDecision.endpoint(outcome, status, endpointStatus, failingSince, NOW, Duration.ofDays(3));
        assertThat(effect.failingSince()).isEqualTo(expectedSince);
        assertThat(effect.disables()).isEqualTo(disabled);
    }

    @Test
    void anAnswersFailureNamesItsStatusOrError() {
        assertThat(Answer.status(200).failure()).isNull();
        assertThat(Answer.status(503).failure()).isEqualTo("answered 503");
        assertThat(Answer.none("Connection refused").failure()).isEqualTo("Connection refused");
    }

    private static Retry retryIn(String duration) {
        return new Retry(NOW.plus(Duration.parse(duration)));
    }

    private static Answer answer(int status, String retryAfter) {
        return new Answer(status, retryAfter, null);
    }

    private static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }
}
