package io.crowdrecon.recon.benchmark;

import java.util.Arrays;

/**
 * One SSE connection of the soak ({@link SseWire} parses it), holding only what arrived since
 * the last {@link #drain}: a soak runs for an hour, and 1,000 clients keeping every event's id and time would fill the
 * benchmark's heap. The sampler drains every client each window and checks the deliveries as they come (see
 * SoakBenchmark). Chunks arrive on the connection's event loop; the drain runs on the sampler's thread, hence the lock
 * (uncontended but for the drain).
 */
final class SoakSseClient extends SseWire {

    private long[] ids = new long[256];
    private long[] wireMicros = new long[256];
    private int size;
    /** Events recorded in all (drained or not). */
    private volatile long total;
    /** The last event recorded: where a resumed stream continues. */
    private long lastId = -1;

    SoakSseClient(int index, int portal) {
        super(index, portal);
    }

    @Override
    synchronized void record(long id, long nowMicros) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            wireMicros = Arrays.copyOf(wireMicros, size * 2);
        }
        ids[size] = id;
        wireMicros[size] = nowMicros;
        size++;
        lastId = id;
        total++;
    }

    /** What arrived since the last drain: {ids, wire µs}; the buffers start over (and shrink after a burst). */
    synchronized long[][] drain() {
        long[][] out = {Arrays.copyOf(ids, size), Arrays.copyOf(wireMicros, size)};
        size = 0;
        if (ids.length > 4096) {
            ids = new long[256];
            wireMicros = new long[256];
        }
        return out;
    }

    long total() {
        return total;
    }

    /** Resumes after the last event received ({@code floor} if none); see {@link SseWire#resumed}. */
    synchronized long resumeAfter(String reason, long floor) {
        return resumed(reason, lastId, floor);
    }
}
