package io.crowdrecon.recon.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import io.crowdrecon.recon.shared.FieldError;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@code PUT /ops/portals/{id}/settings} accepts, and how a period is written back. */
class PortalSettingsTests {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("P4D", 2, "PT0S", new PortalSettings(Duration.ofDays(4), 2, Duration.ZERO)),
                Arguments.of("PT0S", 0, "PT0S", PortalSettings.NONE),
                Arguments.of("PT96H", 10, "P1D", new PortalSettings(Duration.ofDays(4), 10, Duration.ofDays(1))),
                Arguments.of("P30D", 1, "PT30M", new PortalSettings(Duration.ofDays(30), 1, Duration.ofMinutes(30))));
    }

    @ParameterizedTest
    @MethodSource
    void accepted(String reflection, int days, String card, PortalSettings expected) {
        assertThat(PortalSettings.validate(reflection, days, card)).isEqualTo(expected);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(null, 2, "PT0S", List.of("reflectionPeriod")),
                Arguments.of("4 days", 2, "PT0S", List.of("reflectionPeriod")),
                Arguments.of("-P1D", 2, "PT0S", List.of("reflectionPeriod")),
                Arguments.of("P31D", 2, "PT0S", List.of("reflectionPeriod")),
                Arguments.of("P4D", null, "PT0S", List.of("clearingBusinessDays")),
                Arguments.of("P4D", -1, "PT0S", List.of("clearingBusinessDays")),
                Arguments.of("P4D", 11, "PT0S", List.of("clearingBusinessDays")),
                Arguments.of("P4D", 2, " ", List.of("cardClearingPeriod")),
                Arguments.of(
                        "", null, "P1Y", List.of("reflectionPeriod", "clearingBusinessDays", "cardClearingPeriod")));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String reflection, Integer days, String card, List<String> fields) {
        assertThatThrownBy(() -> PortalSettings.validate(reflection, days, card))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactlyElementsOf(fields);
                });
    }

    @Test
    void wholeDaysAreWrittenInDaysAndTheRestAsIso() {
        assertThat(PortalSettings.written(Duration.ofDays(4))).isEqualTo("P4D");
        assertThat(PortalSettings.written(Duration.ZERO)).isEqualTo("PT0S");
        assertThat(PortalSettings.written(Duration.ofHours(36))).isEqualTo("PT36H");
    }
}
