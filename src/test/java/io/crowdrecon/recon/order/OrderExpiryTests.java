package io.crowdrecon.recon.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.testing.Domain;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC section 4: a payable order whose payment window passed expires; nothing else does. */
class OrderExpiryTests {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @ParameterizedTest(name = "{0}, window ending {1} s from now -> expires: {2}")
    @CsvSource({
        "CREATED,          -1, true",
        "WAITING,          -1, true",
        "INCORRECT_AMOUNT, -1, true",
        "CREATED,           0, false",
        "WAITING,          60, false",
        "ACCOUNTED,        -1, false",
        "SPLITTED,         -1, false",
        "REFUNDED,         -1, false",
        "FAILED,           -1, false",
        "CANCELLED,        -1, false",
        "EXPIRED,          -1, false",
    })
    void aPayableOrderWhosePaymentWindowEndedExpires(OrderStatus status, long windowEndsInSeconds, boolean expires) {
        Order order =
                Domain.order(status, NOW.plus(Duration.ofSeconds(windowEndsInSeconds)), NOW.minus(Duration.ofDays(3)));

        assertThat(OrderExpiry.due(List.of(order), NOW)).hasSize(expires ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CREATED", "WAITING", "INCORRECT_AMOUNT"})
    void anOrderWithoutAPaymentWindowNeverExpiresByItself(OrderStatus status) {
        assertThat(OrderExpiry.due(List.of(Domain.order(status, null, NOW.minus(Duration.ofDays(3)))), NOW))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CREATED", "WAITING", "INCORRECT_AMOUNT"})
    void theStoreIsAskedForExactlyTheStatusesTheTableExpires(OrderStatus status) {
        assertThat(OrderTransitions.from(OrderTrigger.EXPIRE)).contains(status).hasSize(3);
    }
}
