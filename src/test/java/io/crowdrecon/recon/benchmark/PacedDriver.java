package io.crowdrecon.recon.benchmark;

import io.crowdrecon.recon.benchmark.ChangeDriver.Portal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Order-status changes caused at a paced rate, round-robin over the portals so each gets the same share, with at most
 * {@code inFlight} in progress, and what the stream benchmark reports of them: per change, when its cause was complete
 * ("orderId/STATUS" → epoch µs), how long each took, what failed. A subclass says what one change of a portal is
 * ({@link #next(Portal)}) and calls {@link #succeeded} or {@link #failed} and then {@link #release()} once it is done.
 */
abstract class PacedDriver {

    /** "orderId/STATUS" → when what caused it was complete (epoch µs). */
    final Map<String, Long> causedMicros = new ConcurrentHashMap<>();
    /** Start → completion, µs, of every successful cause. */
    final Longs causeMicros = new Longs();

    final AtomicLong sent = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    final Set<String> failureSamples = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    long maxLagNanos;
    long lateTicks;
    long startedNanos;
    long finishedNanos;

    private final List<Portal> portals;
    private final int inFlight;
    private final Semaphore permits;

    PacedDriver(List<Portal> portals, int inFlight) {
        this.portals = portals;
        this.inFlight = inFlight;
        this.permits = new Semaphore(inFlight);
    }

    /** What the report calls a cause ("request answered 2xx", "credit acknowledged by the broker"). */
    abstract String causeName();

    /** Starts a change of {@code portal}; must end in {@link #release()}. */
    abstract void next(Portal portal);

    /**
     * {@code rate} changes per second for {@code duration}, from this thread; returns once every change is done (or
     * after {@code drainTimeout}).
     */
    final void drive(int rate, Duration duration, Duration drainTimeout) {
        long ticks = rate * duration.toSeconds();
        startedNanos = System.nanoTime();
        for (long k = 0; k < ticks; k++) {
            long due = startedNanos + k * 1_000_000_000L / rate;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            permits.acquireUninterruptibly();
            long lag = System.nanoTime() - due;
            maxLagNanos = Math.max(maxLagNanos, lag);
            if (lag > TimeUnit.MILLISECONDS.toNanos(10)) {
                lateTicks++;
            }
            sent.incrementAndGet();
            next(portals.get((int) (k % portals.size())));
        }
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (permits.availablePermits() < inFlight && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        finishedNanos = System.nanoTime();
    }

    final void release() {
        permits.release();
    }

    final void succeeded(String orderId, String status, long atMicros, long startedNanos) {
        causedMicros.put(orderId + "/" + status, atMicros);
        causeMicros.add((System.nanoTime() - startedNanos) / 1000);
        succeeded.incrementAndGet();
        byKind.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    final void failed(String kind, String detail) {
        failures.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (failureSamples.size() < 5) {
            failureSamples.add(kind + ": " + detail.substring(0, Math.min(300, detail.length())));
        }
    }
}
