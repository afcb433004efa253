package io.crowdrecon.recon.benchmark;

import java.util.Arrays;

/** Values (µs) recorded since the last sample: {@link #drain()} hands them over and starts the next window. */
final class SoakWindow {

    private long[] values = new long[1024];
    private int size;
    private final Longs all = new Longs();

    synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        all.add(value);
    }

    synchronized long[] drain() {
        long[] window = Arrays.copyOf(values, size);
        size = 0;
        return window;
    }

    /** Every value of the run, sorted. */
    long[] allSorted() {
        return all.sorted();
    }
}
