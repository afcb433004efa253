package io.crowdrecon.recon.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both webhook lifecycles, every (status, trigger) pair written out by hand. */
class EndpointAndDeliveryTransitionsTests {

    @ParameterizedTest(name = "endpoint {0} on {1} -> {2}")
    @CsvSource({"ENABLED, DISABLE, DISABLED", "ENABLED, ENABLE, -", "DISABLED, ENABLE, ENABLED", "DISABLED, DISABLE, -"
    })
    void movesAnEndpoint(EndpointStatus from, EndpointTrigger trigger, String to) {
        assertThat(EndpointTransitions.next(from, trigger).map(Enum::name).orElse("-"))
                .isEqualTo(to);
    }

    @ParameterizedTest(name = "delivery {0} on {1} -> {2}")
    @CsvSource({
        "PENDING, SUCCEED, DELIVERED",
        "PENDING, GIVE_UP, FAILED",
        "PENDING, REPLAY, -",
        "DELIVERED, SUCCEED, -",
        "DELIVERED, GIVE_UP, -",
        "DELIVERED, REPLAY, PENDING",
        "FAILED, SUCCEED, -",
        "FAILED, GIVE_UP, -",
        "FAILED, REPLAY, PENDING"
    })
    void movesADelivery(DeliveryStatus from, DeliveryTrigger trigger, String to) {
        assertThat(DeliveryTransitions.next(from, trigger).map(Enum::name).orElse("-"))
                .isEqualTo(to);
    }
}
