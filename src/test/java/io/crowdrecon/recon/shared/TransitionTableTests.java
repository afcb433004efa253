package io.crowdrecon.recon.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
    void refusesARowFromNoStatus() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Transition<>(Set.<Light>of(), Signal.GO, Light.GREEN));
    }
}
