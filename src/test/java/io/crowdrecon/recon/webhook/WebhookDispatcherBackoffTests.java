package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long the dispatcher waits after claims failed in a row (the database down): it must not spin. */
class WebhookDispatcherBackoffTests {

    @ParameterizedTest(name = "{0} failures -> {1} ms")
    @CsvSource({"1, 200", "2, 400", "3, 800", "4, 1600", "5, 3200", "6, 6400", "7, 10000", "8, 10000", "1000, 10000"})
    void waitsLongerAfterEachFailedClaimUpToTenSeconds(int failures, long millis) {
        assertThat(WebhookDispatcher.claimBackoff(failures)).isEqualTo(Duration.ofMillis(millis));
    }
}
