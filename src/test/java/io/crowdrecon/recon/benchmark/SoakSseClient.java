package io.crowdrecon.recon.benchmark;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;

/**
 * One SSE connection of the soak, parsed off the wire as {@link SseClient} does, but holding only what arrived since
 * the last {@link #drain}: a soak runs for an hour, and 1,000 clients keeping every event's id and time would fill the
 * benchmark's heap. The sampler drains every client each window and checks the deliveries as they come (see
 * SoakBenchmark). Chunks arrive on the connection's event loop; the drain runs on the sampler's thread, hence the lock
 * (uncontended but for the drain).
 */
final class SoakSseClient {

    private static final byte[] CONNECTED = ": connected".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTED_BARE = ":connected".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "id:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ORDER_STATUS = "order-status".getBytes(StandardCharsets.US_ASCII);

    final int index;
    /** The portal's index, or -1 for an ops client (every event of every portal). */
    final int portal;

    final CompletableFuture<Boolean> connected = new CompletableFuture<>();

    private long[] ids = new long[256];
    private long[] wireMicros = new long[256];
    private int size;
    /** Events recorded in all (drained or not). */
    private volatile long total;
    /** The last event recorded: where a resumed stream continues. */
    private long lastId = -1;

    private byte[] line = new byte[256];
    private int length;
    private long pendingId = -1;
    private boolean pendingOrderStatus;
    private boolean pendingData;

    /** Events without an id or data, or (on a portal stream) not {@code order-status}. */
    volatile int malformed;

    volatile Disposable subscription;
    /** Set when the benchmark itself closes the connection: a close after that is not a drop. */
    volatile boolean closing;
    /** Why the stream ended while the benchmark still held it (null while open). */
    volatile String droppedBecause;
    /** Times the stream ended on its own and this client resumed it with Last-Event-ID. */
    volatile int resumes;

    volatile String lastResumeReason;

    SoakSseClient(int index, int portal) {
        this.index = index;
        this.portal = portal;
    }

    /** One chunk read off the wire at {@code nowMicros}; called on the connection's event loop. */
    void onChunk(ByteBuf buffer, long nowMicros) {
        int end = buffer.writerIndex();
        for (int i = buffer.readerIndex(); i < end; i++) {
            byte b = buffer.getByte(i);
            if (b == '\n') {
                onLine(nowMicros);
                length = 0;
            } else if (b != '\r') {
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = b;
            }
        }
    }

    private void onLine(long nowMicros) {
        if (length == 0) {
            dispatch(nowMicros);
            return;
        }
        if (line[0] == ':') {
            if (is(CONNECTED) || is(CONNECTED_BARE)) {
                connected.complete(true);
            }
        } else if (startsWith(ID)) {
            long id = 0;
            int from = ID.length + (length > ID.length && line[ID.length] == ' ' ? 1 : 0);
            for (int i = from; i < length; i++) {
                int digit = line[i] - '0';
                if (digit < 0 || digit > 9) {
                    id = -1;
                    break;
                }
                id = id * 10 + digit;
            }
            pendingId = from < length ? id : -1;
        } else if (startsWith(EVENT)) {
            int from = EVENT.length + (length > EVENT.length && line[EVENT.length] == ' ' ? 1 : 0);
            pendingOrderStatus = length - from == ORDER_STATUS.length
                    && Arrays.equals(line, from, length, ORDER_STATUS, 0, ORDER_STATUS.length);
        } else if (startsWith(DATA)) {
            pendingData = length > DATA.length;
        }
    }

    private void dispatch(long nowMicros) {
        if (pendingId < 0 && !pendingData) {
            return; // the blank line after a comment
        }
        if (pendingId < 0 || !pendingData || (portal >= 0 && !pendingOrderStatus)) {
            malformed++;
        } else {
            record(pendingId, nowMicros);
        }
        pendingId = -1;
        pendingOrderStatus = false;
        pendingData = false;
    }

    private synchronized void record(long id, long nowMicros) {
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

    /**
     * The stream ended on its own while connected: forget the partial event and resume after the last one received
     * ({@code floor} if none). Same event loop as the chunks.
     */
    synchronized long resumeAfter(String reason, long floor) {
        resumes++;
        lastResumeReason = reason;
        length = 0;
        pendingId = -1;
        pendingOrderStatus = false;
        pendingData = false;
        return lastId < 0 ? floor : lastId;
    }

    /** The stream ended or failed on its own (not closed by the benchmark) and is not resumed. */
    void ended(String reason) {
        if (!closing && droppedBecause == null) {
            droppedBecause = reason;
        }
        connected.complete(false);
    }

    boolean isConnected() {
        return connected.getNow(false);
    }

    void close() {
        closing = true;
        Disposable s = subscription;
        if (s != null) {
            s.dispose();
        }
    }

    private boolean is(byte[] text) {
        return length == text.length && Arrays.equals(line, 0, length, text, 0, text.length);
    }

    private boolean startsWith(byte[] prefix) {
        return length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }
}
