package io.crowdrecon.recon.unidentified;

import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RECEIVED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURNED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURN_FAILED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURN_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowdrecon.recon.shared.DomainException;
import io.crowdrecon.recon.shared.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class UnidentifiedStateTests {

    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of(RECEIVED, UnidentifiedState.RECEIVED),
                Arguments.of(RETURN_REQUESTED, UnidentifiedState.RECEIVED),
                Arguments.of(RETURN_FAILED, UnidentifiedState.RECEIVED),
                Arguments.of(RETURNED, UnidentifiedState.RETURNED));
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @MethodSource("states")
    void showsATransferAsReceivedUntilItsReturnExecuted(UnidentifiedStatus stored, UnidentifiedState shown) {
        assertThat(UnidentifiedState.of(stored)).isEqualTo(shown);
    }

    @ParameterizedTest
    @EnumSource(UnidentifiedState.class)
    void aStateSelectsExactlyTheStoredStatusesShownAsIt(UnidentifiedState state) {
        assertThat(state.statuses())
                .allMatch(status -> UnidentifiedState.of(status) == state)
                .isNotEmpty();
        assertThat(EnumSet.complementOf(EnumSet.copyOf(state.statuses())))
                .noneMatch(status -> UnidentifiedState.of(status) == state);
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(null, null, null),
                Arguments.of("", null, null),
                // status filters the field of that name
                Arguments.of("RECEIVED", null, EnumSet.of(RECEIVED, RETURN_REQUESTED, RETURN_FAILED)),
                Arguments.of("RETURNED", null, EnumSet.of(RETURNED)),
                // the detailed values status showed before still select their transfers
                Arguments.of("RETURN_REQUESTED", null, EnumSet.of(RETURN_REQUESTED)),
                Arguments.of("RETURN_FAILED", null, EnumSet.of(RETURN_FAILED)),
                // returnStatus filters the detail exactly
                Arguments.of(null, RECEIVED, EnumSet.of(RECEIVED)),
                Arguments.of(null, RETURN_REQUESTED, EnumSet.of(RETURN_REQUESTED)),
                // both: what matches both
                Arguments.of("RECEIVED", RETURN_FAILED, EnumSet.of(RETURN_FAILED)),
                Arguments.of("RETURNED", RETURN_FAILED, EnumSet.noneOf(UnidentifiedStatus.class)));
    }

    @ParameterizedTest(name = "status={0} returnStatus={1}")
    @MethodSource("filters")
    void filtersStatusByTheSeedsValuesAndReturnStatusByTheDetail(
            @Nullable String status,
            @Nullable UnidentifiedStatus returnStatus,
            @Nullable Set<UnidentifiedStatus> selected) {
        assertThat(UnidentifiedFilter.statuses(status, returnStatus)).isEqualTo(selected);
    }

    @Test
    void refusesAnUnknownStatusNamingBothVocabularies() {
        assertThatThrownBy(() -> UnidentifiedFilter.parse(null, "REFUNDED", null, null, null, null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("RECEIVED, RETURNED");
        assertThatThrownBy(() -> UnidentifiedFilter.parse(null, null, "RECEIVED_", null, null, null))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("returnStatus");
    }
}
