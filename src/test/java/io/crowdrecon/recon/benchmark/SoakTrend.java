package io.crowdrecon.recon.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The soak's plain arithmetic, kept pure so that it is tested on its own: whether a metric sampled over time drifts
 * upward (the mean of the last half against the first, and the least-squares slope), percentiles of a window, and the
 * durations its options accept ({@code 90s}, {@code 10m}, {@code 1h}).
 */
final class SoakTrend {

    /** A rise of the last half's mean over the first half's beyond this fraction counts, if the slope agrees. */
    static final double RISE = 0.10;

    private SoakTrend() {}

    /**
     * What one metric did: the means of the first and the last half of the samples after the warm-up, the
     * least-squares slope per hour, and whether it went up ({@link #upward}).
     */
    record Verdict(int samples, double firstHalfMean, double lastHalfMean, double slopePerHour, boolean upward) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "first half %s, last half %s, slope %s/h%s",
                    number(firstHalfMean),
                    number(lastHalfMean),
                    number(slopePerHour),
                    upward ? "  UPWARD" : "");
        }
    }

    /**
     * The verdict for samples {@code values[i]} taken at {@code seconds[i]} (elapsed), ignoring those before
     * {@code warmupSeconds} and the missing ones (NaN). UPWARD when the last half's mean exceeds the first half's by
     * more than {@link #RISE} of it and the slope is positive. A metric that is 0 throughout is flat; one that rises
     * from a first-half mean of 0 is upward when its last-half mean is above 0 and the slope positive.
     */
    static Verdict verdict(double[] seconds, double[] values, double warmupSeconds) {
        int n = 0;
        double[] t = new double[seconds.length];
        double[] v = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] >= warmupSeconds && !Double.isNaN(values[i])) {
                t[n] = seconds[i];
                v[n] = values[i];
                n++;
            }
        }
        if (n < 2) {
            return new Verdict(n, n == 1 ? v[0] : Double.NaN, n == 1 ? v[0] : Double.NaN, 0, false);
        }
        int half = n / 2;
        double first = mean(v, 0, half);
        // An odd count leaves the middle sample out of both halves.
        double last = mean(v, n - half, n);
        double slopePerSecond = slope(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
        double slopePerHour = slopePerSecond * 3600;
        boolean upward = slopePerHour > 0 && last > first + RISE * Math.abs(first) && last > first;
        return new Verdict(n, first, last, slopePerHour, upward);
    }

    /** The least-squares slope of {@code y} over {@code x}; 0 when every x is the same. */
    static double slope(double[] x, double[] y) {
        double mx = mean(x, 0, x.length);
        double my = mean(y, 0, y.length);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return to > from ? sum / (to - from) : Double.NaN;
    }

    /** The nearest-rank quantile {@code q} of unsorted values (sorted here), NaN when there are none. */
    static double quantile(long[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return Longs.quantile(sorted, q);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m}, a bare number of seconds, or an ISO-8601 duration. */
    static Duration duration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        }
        if (s.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        if (!s.matches("(\\d+[hms])+")) {
            throw new IllegalArgumentException("not a duration (90s, 10m, 1h): " + text);
        }
        Duration d = Duration.ZERO;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)([hms])").matcher(s);
        while (m.find()) {
            long amount = Long.parseLong(m.group(1));
            d = d.plus(
                    switch (m.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofSeconds(amount);
                    });
        }
        return d;
    }

    /** A CSV field of a sample: empty when missing, else a plain number. */
    static String csv(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
