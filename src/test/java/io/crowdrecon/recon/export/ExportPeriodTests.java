package io.crowdrecon.recon.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The period of an export or of the stats: defaults, and what is refused, one row each (today is 2026-12-07). */
class ExportPeriodTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    static Stream<Arguments> accepted() {
        return Stream.of(
                row("takes the month up to today included by default", null, null, "2026-11-08", "2026-12-08"),
                row("takes the month before an explicit to", null, "2026-12-01", "2026-11-01", "2026-12-01"),
                row("runs from an explicit from to tomorrow", "2026-01-01", null, "2026-01-01", "2026-12-08"),
                row("takes both as given", "2026-11-01", "2026-12-01", "2026-11-01", "2026-12-01"),
                row("takes a single day", "2026-11-30", "2026-12-01", "2026-11-30", "2026-12-01"),
                row("takes exactly ten years", "2016-12-01", "2026-12-01", "2016-12-01", "2026-12-01"),
                row("takes a period in the future", "2027-01-01", "2027-02-01", "2027-01-01", "2027-02-01"));
    }

    private static Arguments row(
            String behaviour, @Nullable String from, @Nullable String to, String expectedFrom, String expectedTo) {
        return Arguments.of(behaviour, from, to, expectedFrom, expectedTo);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsAPeriod(
            String behaviour, @Nullable String from, @Nullable String to, String expectedFrom, String expectedTo) {
        ExportPeriod period = ExportPeriod.of(date(from), date(to), TODAY);

        assertThat(period.from()).isEqualTo(expectedFrom);
        assertThat(period.to()).isEqualTo(expectedTo);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("refuses from after to", "2026-12-02", "2026-12-01", "from must be before to"),
                Arguments.of("refuses from equal to to (to is exclusive)", "2026-12-01", "2026-12-01", "from must"),
                Arguments.of("refuses from after the default to", "2026-12-09", null, "from must be before to"),
                Arguments.of("refuses ten years and a day", "2016-12-01", "2026-12-02", "to must be at most 10 years"),
                Arguments.of("refuses eleven years", "2015-01-01", "2026-01-01", "to must be at most 10 years"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesAPeriodNamingTheParameter(
            String behaviour, @Nullable String from, @Nullable String to, String detailStart) {
        assertThatThrownBy(() -> ExportPeriod.of(date(from), date(to), TODAY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                    assertThat(e.detail()).startsWith(detailStart);
                });
    }

    @Test
    void coversFromMidnightUtcToTheNextDaysMidnightExcluded() {
        ExportPeriod november = ExportPeriod.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-12-01"), TODAY);

        assertThat(november.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
