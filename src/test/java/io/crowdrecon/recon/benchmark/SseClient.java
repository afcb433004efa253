package io.crowdrecon.recon.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One SSE connection of the stream benchmark ({@link SseWire} parses it): for each event, its id and the wall-clock
 * time (epoch microseconds) at which the chunk that completed it was read, every one kept. Readers on other threads
 * read {@link #count()} first (a volatile write after each record publishes it).
 */
final class SseClient extends SseWire {

    private final boolean keepData;
    private final List<String> data = new ArrayList<>();

    private long[] ids = new long[64];
    private long[] wireMicros = new long[64];
    private volatile int count;
    private String pendingDataText;

    volatile long droppedAtMicros;

    SseClient(int index, int portal, boolean keepData) {
        super(index, portal);
        this.keepData = keepData;
    }

    @Override
    void onData(byte[] line, int from, int length) {
        if (keepData) {
            pendingDataText = new String(line, from, length - from, StandardCharsets.UTF_8);
        }
    }

    @Override
    void record(long id, long nowMicros) {
        int n = count;
        if (n == ids.length) {
            ids = Arrays.copyOf(ids, n * 2);
            wireMicros = Arrays.copyOf(wireMicros, n * 2);
        }
        ids[n] = id;
        wireMicros[n] = nowMicros;
        if (keepData) {
            data.add(pendingDataText);
        }
        count = n + 1;
    }

    @Override
    void onDispatched(boolean recorded) {
        pendingDataText = null;
    }

    /** Resumes after the last event received ({@code floor} if none); see {@link SseWire#resumed}. */
    long resumeAfter(String reason, long floor) {
        int n = count;
        return resumed(reason, n == 0 ? -1 : ids[n - 1], floor);
    }

    /** The stream ended or failed on its own at {@code nowMicros} and is not resumed. */
    void ended(String reason, long nowMicros) {
        if (ended(reason)) {
            droppedAtMicros = nowMicros;
        }
    }

    int count() {
        return count;
    }

    long id(int i) {
        return ids[i];
    }

    long wireMicros(int i) {
        return wireMicros[i];
    }

    /** The data lines of the events, in order, when kept. */
    List<String> data() {
        return data;
    }
}
