package io.crowdrecon.recon.benchmark;

import java.util.Arrays;

/** A growable list of longs (latencies in microseconds), and percentiles of a sorted array. */
final class Longs {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    synchronized int size() {
        return size;
    }

    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    /** The value at quantile {@code q} (nearest rank) of an ascending array; 0 when empty. */
    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    /** "p50 … p99 … p99.9 … max …" in milliseconds, of microsecond values. */
    static String percentiles(long[] sortedMicros) {
        if (sortedMicros.length == 0) {
            return "(no samples)";
        }
        return String.format(
                "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s ms  (min %s, n = %,d)",
                ms(quantile(sortedMicros, 0.50)),
                ms(quantile(sortedMicros, 0.90)),
                ms(quantile(sortedMicros, 0.99)),
                ms(quantile(sortedMicros, 0.999)),
                ms(sortedMicros[sortedMicros.length - 1]),
                ms(sortedMicros[0]),
                sortedMicros.length);
    }

    static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
