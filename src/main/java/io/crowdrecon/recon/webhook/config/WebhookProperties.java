package io.crowdrecon.recon.webhook.config;

import io.crowdrecon.recon.webhook.UrlPolicy;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhooks out ({@code recon.webhooks}, docs/webhooks.md).
 *
 * @param allowHttp {@code RECON_WEBHOOKS_ALLOW_HTTP}: endpoints may be plain {@code http} (on in the embedded default)
 * @param allowPrivate {@code RECON_WEBHOOKS_ALLOW_PRIVATE}: endpoints may resolve to loopback, link-local and private
 *     addresses (on in the embedded default)
 * @param retrySchedule {@code RECON_WEBHOOKS_RETRY_SCHEDULE}: the wait before each retry, the last repeating
 * @param giveUpAfter {@code RECON_WEBHOOKS_GIVE_UP_AFTER}: a delivery failing this long after its first attempt is
 *     FAILED, and an endpoint failing this long is disabled
 * @param timeout {@code RECON_WEBHOOKS_TIMEOUT}: how long an attempt waits for the answer's status and headers
 * @param concurrency attempts in flight at once, across endpoints
 */
@ConfigurationProperties("recon.webhooks")
public record WebhookProperties(
        boolean allowHttp,
        boolean allowPrivate,
        List<Duration> retrySchedule,
        Duration giveUpAfter,
        Duration timeout,
        int concurrency) {

    public static final List<Duration> DEFAULT_RETRY_SCHEDULE = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10));

    public WebhookProperties(
            boolean allowHttp,
            boolean allowPrivate,
            @Nullable List<Duration> retrySchedule,
            @Nullable Duration giveUpAfter,
            @Nullable Duration timeout,
            int concurrency) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.retrySchedule =
                retrySchedule == null || retrySchedule.isEmpty() ? DEFAULT_RETRY_SCHEDULE : List.copyOf(retrySchedule);
        this.giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
        this.timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        this.concurrency = concurrency <= 0 ? 16 : concurrency;
        if (this.retrySchedule.stream().anyMatch(wait -> wait.isNegative() || wait.isZero())) {
            throw new IllegalArgumentException(
                    "recon.webhooks.retry-schedule (RECON_WEBHOOKS_RETRY_SCHEDULE) must list positive durations: "
                            + retrySchedule);
        }
    }

    public UrlPolicy.Settings urlPolicy() {
        return new UrlPolicy.Settings(allowHttp, allowPrivate);
    }
}
