package io.crowdrecon.recon.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdrecon.recon.portal.PortalSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The TARGET2 calendar and when a moneyin clears (issue 23, item 4). */
class ClearingTests {

    static Stream<Arguments> closingDays() {
        return Stream.of(
                Arguments.of("2026-01-01", false), // New Year's Day
                Arguments.of("2026-04-03", false), // Good Friday 2026
                Arguments.of("2026-04-06", false), // Easter Monday 2026
                Arguments.of("2026-05-01", false),
                Arguments.of("2026-12-25", false),
                Arguments.of("2026-12-26", false), // a Saturday anyway
                Arguments.of("2027-03-26", false), // Good Friday 2027
                Arguments.of("2027-03-29", false), // Easter Monday 2027
                Arguments.of("2026-12-05", false), // Saturday
                Arguments.of("2026-12-06", false), // Sunday
                Arguments.of("2026-12-07", true), // Monday
                Arguments.of("2026-12-24", true), // Christmas Eve is open
                Arguments.of("2026-12-31", true), // New Year's Eve is open
                Arguments.of("2026-04-02", true), // Maundy Thursday is open
                Arguments.of("2026-05-14", true), // Ascension is open
                Arguments.of("2026-10-03", false)); // German Unity Day: a Saturday in 2026
    }

    @ParameterizedTest
    @MethodSource
    void closingDays(String day, boolean open) {
        assertThat(Target2Calendar.isBusinessDay(LocalDate.parse(day))).isEqualTo(open);
    }

    @Test
    void easterFollowsTheGregorianComputus() {
        assertThat(Target2Calendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Target2Calendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(Target2Calendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(Target2Calendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(Target2Calendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    static Stream<Arguments> businessDaysAfter() {
        return Stream.of(
                Arguments.of("2026-12-07", 0, "2026-12-07"), // Monday + 0
                Arguments.of("2026-12-07", 2, "2026-12-09"), // Monday + 2: Wednesday
                Arguments.of("2026-12-04", 2, "2026-12-08"), // Friday + 2: over the weekend
                Arguments.of("2026-12-05", 2, "2026-12-08"), // booked on a Saturday: Tuesday
                Arguments.of("2026-12-23", 2, "2026-12-28"), // over Christmas
                Arguments.of("2026-12-31", 1, "2027-01-04"), // over New Year and a weekend
                Arguments.of("2026-04-02", 2, "2026-04-08"), // over Easter: Good Friday, Easter Monday closed
                Arguments.of("2026-04-30", 1, "2026-05-04")); // over 1 May and a weekend
    }

    @ParameterizedTest
    @MethodSource
    void businessDaysAfter(String from, int days, String expected) {
        assertThat(Target2Calendar.plusBusinessDays(LocalDate.parse(from), days))
                .isEqualTo(LocalDate.parse(expected));
    }

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
