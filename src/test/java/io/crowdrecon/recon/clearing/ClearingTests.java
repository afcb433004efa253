package io.crowdrecon.recon.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.portal.PortalSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a moneyin clears (issue 23, item 4). */
class ClearingTests {

    static Stream<Arguments> clearsAt() {
        PortalSettings twoDays = new PortalSettings(Duration.ofDays(4), 2, Duration.ZERO);
        PortalSettings cardDay = new PortalSettings(Duration.ZERO, 0, Duration.ofDays(1));
        Instant monday10 = Instant.parse("2026-12-07T09:00:00Z");
        return Stream.of(
                // a transfer booked Monday clears Wednesday 00:00 CET (Tuesday 23:00 UTC)
                Arguments.of(twoDays, false, LocalDate.of(2026, 12, 7), monday10, "2026-12-08T23:00:00Z"),
                // no booking date: the day it arrived, in CET
                Arguments.of(twoDays, false, null, Instant.parse("2026-12-06T23:30:00Z"), "2026-12-08T23:00:00Z"),
                // summer time: 00:00 CEST is 22:00 UTC
                Arguments.of(twoDays, false, LocalDate.of(2026, 7, 6), monday10, "2026-07-07T22:00:00Z"),
                // 0 business days: cleared on arrival
                Arguments.of(PortalSettings.NONE, false, LocalDate.of(2026, 12, 1), monday10, monday10.toString()),
                // cards: the capture plus the card period, whatever the transfer days
                Arguments.of(twoDays, true, null, monday10, monday10.toString()),
                Arguments.of(cardDay, true, null, monday10, "2026-12-08T09:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource
    void clearsAt(PortalSettings settings, boolean card, LocalDate booked, Instant received, String expected) {
        assertThat(Clearing.clearsAt(settings, card, booked, received)).isEqualTo(Instant.parse(expected));
    }
}
