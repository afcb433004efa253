package io.crowdrecon.recon.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one attempt of a delivery leads to, in plain Java: the delivery's outcome ({@link #decide}) and the endpoint's
 * ({@link #endpoint}). A 2xx delivers; 410 Gone fails the delivery and disables the endpoint; any other answer (3xx
 * included: redirects are never followed) or no answer is retried after the schedule's wait for this attempt (the last
 * wait repeating) times a jitter in [0.8, 1.2], or after the receiver's {@code Retry-After} when it asks for longer
 * (at most 24 h), unless that retry would come after {@code giveUpAfter} from the first attempt: then it gives up.
 */
public final class RetryDecision {

    /** The longest wait a receiver's {@code Retry-After} may ask for. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private static final double JITTER_LOW = 0.8;
    private static final double JITTER_SPAN = 0.4;

    /**
     * What an attempt got back.
     *
     * @param statusCode the answer's status; null when none came (refused, timed out, address not allowed)
     * @param retryAfter the answer's {@code Retry-After} header as sent (delta-seconds or an HTTP-date), if any
     * @param error why no answer came, or what was wrong with it; null for a plain answer
     */
    public record Answer(@Nullable Integer statusCode, @Nullable String retryAfter, @Nullable String error) {

        public static Answer status(int statusCode) {
            return new Answer(statusCode, null, null);
        }

        public static Answer none(String error) {
            return new Answer(null, null, error);
        }

        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** For the delivery's {@code last_error}: the error, or the status that was not a success. */
        public @Nullable String failure() {
            if (error != null) {
                return error;
            }
            return succeeded() || statusCode == null ? null : "answered " + statusCode;
        }
    }

    /** The retry settings: {@code recon.webhooks.retry-schedule} and {@code give-up-after}. */
    public record Policy(List<Duration> schedule, Duration giveUpAfter) {
        public Policy {
            schedule = List.copyOf(schedule);
            if (schedule.isEmpty()) {
                throw new IllegalArgumentException("a retry schedule lists at least one wait");
            }
        }
    }

    /** Where a delivery goes after an attempt. */
    public sealed interface Outcome {
        /** The delivery's trigger, or null when it stays PENDING for a retry. */
        @Nullable
        DeliveryTrigger trigger();
    }

    /** A 2xx: DELIVERED. */
    public record Delivered() implements Outcome {
        @Override
        public DeliveryTrigger trigger() {
            return DeliveryTrigger.SUCCEED;
        }
    }

    /** 410 Gone: the delivery FAILED and the endpoint is disabled. */
    public record EndpointGone() implements Outcome {
        @Override
        public DeliveryTrigger trigger() {
            return DeliveryTrigger.GIVE_UP;
        }
    }

    /** Still PENDING, next attempt at {@code at}. */
    public record Retry(Instant at) implements Outcome {
        @Override
        public @Nullable DeliveryTrigger trigger() {
            return null;
        }
    }

    /** The next attempt would come after the give-up time: FAILED. */
    public record GiveUp() implements Outcome {
        @Override
        public DeliveryTrigger trigger() {
            return DeliveryTrigger.GIVE_UP;
        }
    }

    /**
     * What the endpoint's row becomes after an attempt.
     *
     * @param failingSince the endpoint's new {@code failing_since}
     * @param disabledReason when not null, the endpoint is disabled for this reason (and one review item opened)
     */
    public record EndpointEffect(@Nullable Instant failingSince, @Nullable String disabledReason) {
        public boolean disables() {
            return disabledReason != null;
        }
    }

    private RetryDecision() {}

    /**
     * The delivery's outcome.
     *
     * @param attempt the number of the attempt just made, 1 for the first
     * @param firstAttemptAt when the delivery's first attempt was made; null when this was the first
     * @param now when this attempt was made
     * @param jitterDraw a draw in [0, 1), turned into a factor in [0.8, 1.2]
     */
    public static Outcome decide(
            Answer answer,
            int attempt,
            @Nullable Instant firstAttemptAt,
            Instant now,
            Policy policy,
            double jitterDraw) {
        if (answer.succeeded()) {
            return new Delivered();
        }
        if (answer.statusCode() != null && answer.statusCode() == 410) {
            return new EndpointGone();
        }
        Duration wait = wait(attempt, policy.schedule(), jitterDraw);
        Optional<Duration> asked = retryAfter(answer.retryAfter(), now);
        if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
            wait = asked.get();
        }
        Instant next = now.plus(wait);
        Instant first = firstAttemptAt == null ? now : firstAttemptAt;
        if (next.isAfter(first.plus(policy.giveUpAfter()))) {
            return new GiveUp();
        }
        return new Retry(next);
    }

    /** The wait after attempt {@code attempt} (1-based): its entry of the schedule, the last repeating, jittered. */
    public static Duration wait(int attempt, List<Duration> schedule, double jitterDraw) {
        Duration base = schedule.get(Math.min(Math.max(attempt, 1), schedule.size()) - 1);
        double factor = JITTER_LOW + JITTER_SPAN * Math.min(Math.max(jitterDraw, 0), 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    /**
     * The wait a {@code Retry-After} header asks for, from {@code now}, at most 24 h; empty when absent, unreadable or
     * in the past.
     */
    public static Optional<Duration> retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration asked;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                asked = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                asked = MAX_RETRY_AFTER; // more digits than a long: very far
            }
        } else {
            try {
                asked = Duration.between(
                        now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (asked.isNegative() || asked.isZero()) {
            return Optional.empty();
        }
        return Optional.of(asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked);
    }

    /**
     * The endpoint's side of an attempt: a success clears {@code failing_since}; a failure sets it if it was not set;
     * 410 disables the endpoint, and so does a failure once it has been failing for longer than {@code giveUpAfter}.
     * Only an ENABLED endpoint is disabled (one review item per disabling).
     */
    public static EndpointEffect endpoint(
            Outcome outcome,
            @Nullable Integer statusCode,
            EndpointStatus status,
            @Nullable Instant failingSince,
            Instant now,
            Duration giveUpAfter) {
        if (outcome instanceof Delivered) {
            return new EndpointEffect(null, null);
        }
        Instant since = failingSince == null ? now : failingSince;
        if (status != EndpointStatus.ENABLED) {
            return new EndpointEffect(since, null);
        }
        if (outcome instanceof EndpointGone) {
            return new EndpointEffect(since, "The endpoint answered 410 Gone");
        }
        if (Duration.between(since, now).compareTo(giveUpAfter) > 0) {
            return new EndpointEffect(
                    since,
                    "Every delivery failed since " + since + " (" + describe(giveUpAfter) + "); last "
                            + (statusCode == null ? "got no answer" : "answered " + statusCode));
        }
        return new EndpointEffect(since, null);
    }

    private static String describe(Duration duration) {
        return "more than " + duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
