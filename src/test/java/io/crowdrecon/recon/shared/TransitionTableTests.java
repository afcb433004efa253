package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionTableTests {

    enum Light {
        RED,
        GREEN,
        AMBER
    }

    enum Signal {
        GO,
        STOP
    }

    @Test
    void answersTheTargetOfAListedMoveAndNothingForAnyOther() {
        TransitionTable<Light, Signal> table = new TransitionTable<>(List.of(
                new Transition<>(EnumSet.of(Light.RED), Signal.GO, Light.GREEN),
                new Transition<>(EnumSet.of(Light.GREEN, Light.AMBER), Signal.STOP, Light.RED)));

        assertThat(table.next(Light.RED, Signal.GO)).contains(Light.GREEN);
        assertThat(table.next(Light.AMBER, Signal.STOP)).contains(Light.RED);
        assertThat(table.next(Light.RED, Signal.STOP)).isEmpty();
        assertThat(table.next(Light.AMBER, Signal.GO)).isEmpty();
        assertThat(table.rows()).hasSize(2);
    }

    @Test
    void refusesTwoRowsForTheSameStatusAndTrigger() {
        List<Transition<Light, Signal>> rows = List.of(
                new Transition<>(EnumSet.of(Light.RED), Signal.GO, Light.GREEN),
                new Transition<>(EnumSet.of(Light.AMBER, Light.RED), Signal.GO, Light.AMBER));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TransitionTable<>(rows))
                .withMessageContaining("RED on GO");
    }

    @Test
    void givesTheRowOfAMoveWithTheStatusesItStartsFromAndRefusesAnUnlistedOneWithIllegalTransition() {
        TransitionTable<Light, Signal> table = new TransitionTable<>(List.of(
                new Transition<>(EnumSet.of(Light.RED), Signal.GO, Light.GREEN),
                new Transition<>(EnumSet.of(Light.GREEN, Light.AMBER), Signal.STOP, Light.RED)));

        Transition<Light, Signal> stop = table.row("Light", "L1", Light.AMBER, Signal.STOP);

        assertThat(stop.to()).isEqualTo(Light.RED);
        assertThat(stop.from()).containsExactlyInAnyOrder(Light.GREEN, Light.AMBER);
        assertThat(table.allows(Light.AMBER, Signal.STOP)).isTrue();
        assertThat(table.allows(Light.AMBER, Signal.GO)).isFalse();
        assertThatThrownBy(() -> table.row("Light", "L1", Light.AMBER, Signal.GO))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION))
                .hasMessage("Light L1 in AMBER cannot move on GO");
    }

    @Test
    void givesTheOneRowOfATriggerAndRefusesATriggerOfManyRows() {
        TransitionTable<Light, Signal> table = new TransitionTable<>(List.of(
                new Transition<>(EnumSet.of(Light.RED), Signal.GO, Light.GREEN),
                new Transition<>(EnumSet.of(Light.GREEN), Signal.STOP, Light.AMBER),
                new Transition<>(EnumSet.of(Light.AMBER), Signal.STOP, Light.RED)));

        assertThat(table.row(Signal.GO).to()).isEqualTo(Light.GREEN);
        assertThatIllegalArgumentException().isThrownBy(() -> table.row(Signal.STOP));
    }

    @Test
    void refusesARowFromNoStatus() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Transition<>(Set.<Light>of(), Signal.GO, Light.GREEN));
    }
}
