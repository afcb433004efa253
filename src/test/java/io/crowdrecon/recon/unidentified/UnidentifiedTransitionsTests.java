package io.crowdrecon.recon.unidentified;

import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RECEIVED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURNED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURN_FAILED;
import static io.crowdrecon.recon.unidentified.UnidentifiedStatus.RETURN_REQUESTED;
import static io.crowdrecon.recon.unidentified.UnidentifiedTrigger.DESTINATION_GIVEN;
import static io.crowdrecon.recon.unidentified.UnidentifiedTrigger.RETURN_CAME_BACK;
import static io.crowdrecon.recon.unidentified.UnidentifiedTrigger.RETURN_EXECUTED;
import static io.crowdrecon.recon.unidentified.UnidentifiedTrigger.RETURN_REISSUED;
import static io.crowdrecon.recon.unidentified.UnidentifiedTrigger.RETURN_REISSUED_ON_HOLD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every (status, trigger) pair against the unidentified transfer table, written out here by hand. */
class UnidentifiedTransitionsTests {

    /** Every status with every move allowed from it; a trigger not listed is not allowed. */
    private static final Map<UnidentifiedStatus, Map<UnidentifiedTrigger, UnidentifiedStatus>> SPEC_TABLE = specTable();

    private static Map<UnidentifiedStatus, Map<UnidentifiedTrigger, UnidentifiedStatus>> specTable() {
        Map<UnidentifiedStatus, Map<UnidentifiedTrigger, UnidentifiedStatus>> table =
                new EnumMap<>(UnidentifiedStatus.class);
        table.put(RECEIVED, Map.of(DESTINATION_GIVEN, RETURN_REQUESTED, RETURN_CAME_BACK, RETURN_FAILED));
        table.put(
                RETURN_REQUESTED,
                Map.of(
                        RETURN_EXECUTED,
                        RETURNED,
                        UnidentifiedTrigger.RETURN_FAILED,
                        RETURN_FAILED,
                        RETURN_CAME_BACK,
                        RETURN_FAILED));
        table.put(RETURNED, Map.of(RETURN_CAME_BACK, RETURN_FAILED));
        table.put(RETURN_FAILED, Map.of(RETURN_REISSUED, RETURN_REQUESTED, RETURN_REISSUED_ON_HOLD, RECEIVED));
        return table;
    }

    static Stream<Arguments> everyStatusAndTrigger() {
        return Arrays.stream(UnidentifiedStatus.values())
                .flatMap(from -> Arrays.stream(UnidentifiedTrigger.values()).map(trigger -> {
                    UnidentifiedStatus expected = SPEC_TABLE.get(from).get(trigger);
                    return Arguments.of(from, trigger, expected == null ? "-" : expected.name());
                }));
    }

    @Test
    void writesOutEveryStatus() {
        assertThat(SPEC_TABLE).containsOnlyKeys(UnidentifiedStatus.values());
        assertThat(everyStatusAndTrigger()).hasSize(4 * 6);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("everyStatusAndTrigger")
    void movesExactlyAsTheTableSays(UnidentifiedStatus from, UnidentifiedTrigger trigger, String expected) {
        if (expected.equals("-")) {
            assertThat(UnidentifiedTransitions.next(from, trigger)).isEmpty();
            assertThat(UnidentifiedTransitions.row(trigger).from()).doesNotContain(from);
        } else {
            assertThat(UnidentifiedTransitions.next(from, trigger)).contains(UnidentifiedStatus.valueOf(expected));
            assertThat(UnidentifiedTransitions.row(trigger).from()).contains(from);
        }
    }

    @ParameterizedTest
    @EnumSource(UnidentifiedStatus.class)
    void neverMovesATransferToTheStatusItIsIn(UnidentifiedStatus from) {
        for (UnidentifiedTrigger trigger : UnidentifiedTrigger.values()) {
            assertThat(UnidentifiedTransitions.next(from, trigger)).isNotEqualTo(Optional.of(from));
        }
    }
}
