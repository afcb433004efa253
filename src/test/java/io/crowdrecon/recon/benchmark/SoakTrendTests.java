package io.crowdrecon.recon.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SoakTrendTests {

    /** Samples every 10 s for 30 min of value(t). */
    private static double[][] series(java.util.function.DoubleUnaryOperator value) {
        int n = 181;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 10;
            v[i] = value.applyAsDouble(t[i]);
        }
        return new double[][] {t, v};
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("flat", (java.util.function.DoubleUnaryOperator) t -> 300, false),
                Arguments.of("zero throughout", (java.util.function.DoubleUnaryOperator) t -> 0, false),
                Arguments.of(
                        "noise around a level",
                        (java.util.function.DoubleUnaryOperator) t -> 300 + ((int) t % 20 == 0 ? 20 : -20),
                        false),
                Arguments.of(
                        "rising 5 % over the run",
                        (java.util.function.DoubleUnaryOperator) t -> 300 + 15 * t / 1800, false),
                Arguments.of(
                        "rising 50 % over the run",
                        (java.util.function.DoubleUnaryOperator) t -> 300 + 150 * t / 1800, true),
                Arguments.of("falling", (java.util.function.DoubleUnaryOperator) t -> 600 - 300 * t / 1800, false),
                Arguments.of(
                        "a backlog that starts growing from 0",
                        (java.util.function.DoubleUnaryOperator) t -> t < 900 ? 0 : t - 900,
                        true),
                // Higher in the last half, but only because of one spike early on and a late plateau: slope decides.
                Arguments.of(
                        "a warm-up spike only",
                        (java.util.function.DoubleUnaryOperator) t -> t < 120 ? 5000 : 300,
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void upwardOnlyWhenTheLastHalfIsHigherByMoreThanATenthAndTheSlopeIsPositive(
            String name, java.util.function.DoubleUnaryOperator value, boolean upward) {
        double[][] s = series(value);

        SoakTrend.Verdict verdict = SoakTrend.verdict(s[0], s[1], 120);

        assertThat(verdict.upward()).as(verdict.describe()).isEqualTo(upward);
    }

    @Test
    void theWarmUpAndMissingSamplesAreLeftOut() {
        double[] t = {0, 60, 130, 140, 150, 160};
        double[] v = {1000, 1000, 10, Double.NaN, 10, 10};

        SoakTrend.Verdict verdict = SoakTrend.verdict(t, v, 120);

        assertThat(verdict.samples()).isEqualTo(3);
        assertThat(verdict.firstHalfMean()).isEqualTo(10);
        assertThat(verdict.lastHalfMean()).isEqualTo(10);
        assertThat(verdict.slopePerHour()).isZero();
        assertThat(verdict.upward()).isFalse();
    }

    @Test
    void theSlopeIsPerHour() {
        double[][] s = series(t -> 2 * t);

        assertThat(SoakTrend.verdict(s[0], s[1], 0).slopePerHour())
                .isCloseTo(7200, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void fewerThanTwoSamplesAreNoTrend() {
        assertThat(SoakTrend.verdict(new double[] {200}, new double[] {5}, 120).upward())
                .isFalse();
        assertThat(SoakTrend.verdict(new double[0], new double[0], 120).samples())
                .isZero();
    }

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("90s", Duration.ofSeconds(90)),
                Arguments.of("10m", Duration.ofMinutes(10)),
                Arguments.of("1h", Duration.ofHours(1)),
                Arguments.of("1h30m", Duration.ofMinutes(90)),
                Arguments.of("45", Duration.ofSeconds(45)),
                Arguments.of("PT2M", Duration.ofMinutes(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void durationsAreReadAsTheOptionsWriteThem(String text, Duration expected) {
        assertThat(SoakTrend.duration(text)).isEqualTo(expected);
    }

    @Test
    void anythingElseIsNotADuration() {
        assertThatThrownBy(() -> SoakTrend.duration("ten minutes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quantilesAreNearestRankOfUnsortedValues() {
        long[] values = {50, 10, 40, 20, 30, 60, 70, 80, 90, 100};

        assertThat(SoakTrend.quantile(values, 0.5)).isEqualTo(50);
        assertThat(SoakTrend.quantile(values, 0.99)).isEqualTo(100);
        assertThat(SoakTrend.quantile(new long[0], 0.99)).isNaN();
    }
}
