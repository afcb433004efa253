package io.crowdrecon.recon.benchmark;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;

/**
 * One SSE connection of the stream benchmark, parsing the bytes off the wire itself (SSE lines: {@code : comment},
 * {@code id:}, {@code event:}, {@code data:}, a blank line ends an event). It records, for each event, its id and the
 * wall-clock time (epoch microseconds) at which the chunk that completed it was read. Every callback of one
 * connection runs on the same event-loop thread; readers on other threads read {@link #count()} first (a volatile
 * write after each record publishes it).
 */
final class SseClient {

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
    private final boolean keepData;
    private final List<String> data = new ArrayList<>();

    private long[] ids = new long[64];
    private long[] wireMicros = new long[64];
    private volatile int count;

    private byte[] line = new byte[256];
    private int length;
    private long pendingId = -1;
    private boolean pendingOrderStatus;
    private boolean pendingData;
    private String pendingDataText;

    volatile int heartbeats;
    /** Events without an id or data, or (on a portal stream) not {@code order-status}. */
    volatile int malformed;

    volatile Disposable subscription;
    /** Set when the benchmark itself closes the connection: a close after that is not a drop. */
    volatile boolean closing;
    /** Why the stream ended while the benchmark still held it (null while open). */
    volatile String droppedBecause;

    volatile long droppedAtMicros;

    SseClient(int index, int portal, boolean keepData) {
        this.index = index;
        this.portal = portal;
        this.keepData = keepData;
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
            } else {
                heartbeats++;
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
            if (keepData) {
                int from = DATA.length + (length > DATA.length && line[DATA.length] == ' ' ? 1 : 0);
                pendingDataText = new String(line, from, length - from, StandardCharsets.UTF_8);
            }
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
            if (keepData) {
                data.add(pendingDataText);
            }
        }
        pendingId = -1;
        pendingOrderStatus = false;
        pendingData = false;
        pendingDataText = null;
    }

    private void record(long id, long nowMicros) {
        int n = count;
        if (n == ids.length) {
            ids = Arrays.copyOf(ids, n * 2);
            wireMicros = Arrays.copyOf(wireMicros, n * 2);
        }
        ids[n] = id;
        wireMicros[n] = nowMicros;
        count = n + 1;
    }

    /** Times the stream ended on its own and this client resumed it with Last-Event-ID. */
    volatile int resumes;

    volatile String lastResumeReason;

    /**
     * The stream ended on its own while connected (the server drops a client that falls too far behind): forget the
     * partial event and resume after the last one received ({@code floor} if none). Same event loop as the chunks.
     */
    long resumeAfter(String reason, long floor) {
        resumes++;
        lastResumeReason = reason;
        length = 0;
        pendingId = -1;
        pendingOrderStatus = false;
        pendingData = false;
        pendingDataText = null;
        int n = count;
        return n == 0 ? floor : ids[n - 1];
    }

    /** The stream ended or failed on its own (not closed by the benchmark) and is not resumed. */
    void ended(String reason, long nowMicros) {
        if (!closing && droppedBecause == null) {
            droppedAtMicros = nowMicros;
            droppedBecause = reason;
        }
        connected.complete(false);
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
