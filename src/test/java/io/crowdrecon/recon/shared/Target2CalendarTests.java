package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The TARGET2 closing days, the next business day (payment files) and business days after a date (clearing). */
class Target2CalendarTests {

    @ParameterizedTest(name = "{0} ({2}) -> {1}")
    @CsvSource({
        "2026-12-08, 2026-12-08, an ordinary Tuesday stays",
        "2026-12-12, 2026-12-14, Saturday moves to Monday",
        "2026-12-13, 2026-12-14, Sunday moves to Monday",
        "2026-12-24, 2026-12-24, Christmas Eve is a business day",
        "2026-12-25, 2026-12-28, Christmas Friday moves past the weekend",
        "2026-12-26, 2026-12-28, Boxing Day Saturday",
        "2025-12-25, 2025-12-29, Christmas Thursday and Boxing Day Friday then the weekend",
        "2027-01-01, 2027-01-04, New Year Friday moves past the weekend",
        "2026-04-03, 2026-04-07, Good Friday 2026 then Easter Monday",
        "2026-04-06, 2026-04-07, Easter Monday 2026",
        "2025-04-18, 2025-04-22, Good Friday 2025",
        "2024-03-29, 2024-04-02, Good Friday 2024 in March",
        "2027-03-26, 2027-03-30, Good Friday 2027",
        "2026-05-01, 2026-05-04, Labour Day Friday",
        "2025-05-01, 2025-05-02, Labour Day Thursday",
        "2026-05-14, 2026-05-14, Ascension is no TARGET2 holiday",
        "2026-12-31, 2026-12-31, New Year's Eve is a business day",
    })
    void movesTheRequestedExecutionDateToTheNextTarget2BusinessDay(LocalDate day, LocalDate expected, String why) {
        assertThat(Target2Calendar.onOrAfter(day)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25"})
    void knowsEasterSunday(int year, LocalDate easter) {
        assertThat(Target2Calendar.easterSunday(year)).isEqualTo(easter);
    }

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
}
