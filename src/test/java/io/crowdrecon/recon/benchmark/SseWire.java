package io.crowdrecon.recon.benchmark;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;

/**
 * One SSE connection of a benchmark, parsing the bytes off the wire itself (SSE lines: {@code : comment}, {@code id:},
 * {@code event:}, {@code data:}, a blank line ends an event) and handing each complete event's id, with the wall-clock
 * time (epoch microseconds) at which the chunk that completed it was read, to {@link #record}. What is kept of the
 * events is the subclass's: every one ({@link SseClient}) or what arrived since the last sample ({@link
 * SoakSseClient}). Every parsing callback of one connection runs on its event-loop thread.
 */
abstract class SseWire {

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

    private byte[] line = new byte[256];
    private int length;
    private long pendingId = -1;
    private boolean pendingOrderStatus;
    private boolean pendingData;

    volatile int heartbeats;
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

    SseWire(int index, int portal) {
        this.index = index;
        this.portal = portal;
    }

    /** A complete event: its id, and when the chunk completing it was read. */
    abstract void record(long id, long nowMicros);

    /** An event's data line, the field's value from {@code from} of {@code line} (nothing kept by default). */
    void onData(byte[] line, int from, int length) {}

    /** The event just recorded or found malformed is done with. */
    void onDispatched(boolean recorded) {}

    /** One chunk read off the wire at {@code nowMicros}; called on the connection's event loop. */
    final void onChunk(ByteBuf buffer, long nowMicros) {
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
            int from = valueFrom(ID);
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
            int from = valueFrom(EVENT);
            pendingOrderStatus = length - from == ORDER_STATUS.length
                    && Arrays.equals(line, from, length, ORDER_STATUS, 0, ORDER_STATUS.length);
        } else if (startsWith(DATA)) {
            pendingData = length > DATA.length;
            onData(line, valueFrom(DATA), length);
        }
    }

    private void dispatch(long nowMicros) {
        if (pendingId < 0 && !pendingData) {
            return; // the blank line after a comment
        }
        boolean recorded = pendingId >= 0 && pendingData && (portal < 0 || pendingOrderStatus);
        if (recorded) {
            record(pendingId, nowMicros);
        } else {
            malformed++;
        }
        onDispatched(recorded);
        forgetPartialEvent();
    }

    /**
     * The stream ended on its own while connected (the server drops a client that falls too far behind): the partial
     * event is forgotten, and the stream resumes after {@code lastId} ({@code floor} if none). Same event loop as the
     * chunks.
     */
    final long resumed(String reason, long lastId, long floor) {
        resumes++;
        lastResumeReason = reason;
        length = 0;
        forgetPartialEvent();
        onDispatched(false);
        return lastId < 0 ? floor : lastId;
    }

    /** The stream ended or failed on its own (not closed by the benchmark) and is not resumed. */
    boolean ended(String reason) {
        boolean dropped = !closing && droppedBecause == null;
        if (dropped) {
            droppedBecause = reason;
        }
        connected.complete(false);
        return dropped;
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

    private void forgetPartialEvent() {
        pendingId = -1;
        pendingOrderStatus = false;
        pendingData = false;
    }

    private int valueFrom(byte[] field) {
        return field.length + (length > field.length && line[field.length] == ' ' ? 1 : 0);
    }

    private boolean is(byte[] text) {
        return length == text.length && Arrays.equals(line, 0, length, text, 0, text.length);
    }

    private boolean startsWith(byte[] prefix) {
        return length >= prefix.length && Arrays.equals(line, 0, prefix.length, prefix, 0, prefix.length);
    }
}
