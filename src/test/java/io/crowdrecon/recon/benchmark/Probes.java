package io.crowdrecon.recon.benchmark;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** What the machine did during a measured phase: heap, CPU of this JVM (by thread group), of PostgreSQL, of the box. */
final class Probes {

    private Probes() {}

    /** Samples heap use every few milliseconds; also resets the pools' own peaks at start. */
    static final class HeapSampler implements AutoCloseable {
        private final AtomicLong maxUsed = new AtomicLong();
        private final AtomicLong maxCommitted = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;
        private final long gcCountAtStart;
        private final long gcMillisAtStart;

        HeapSampler() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            gcCountAtStart = gcCount();
            gcMillisAtStart = gcMillis();
            thread = new Thread(
                    () -> {
                        var memory = ManagementFactory.getMemoryMXBean();
                        while (running) {
                            var heap = memory.getHeapMemoryUsage();
                            maxUsed.accumulateAndGet(heap.getUsed(), Math::max);
                            maxCommitted.accumulateAndGet(heap.getCommitted(), Math::max);
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                        }
                    },
                    "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long maxUsed() {
            return maxUsed.get();
        }

        long maxCommitted() {
            return maxCommitted.get();
        }

        /** Σ of every heap pool's own peak (an upper bound: the pools peak at different times). */
        static long poolPeaks() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }

        /** The old generation's peak: what survived young collections (live data and its churn). */
        static long oldGenPeak() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")) {
                    return pool.getPeakUsage().getUsed();
                }
            }
            return -1;
        }

        long gcs() {
            return gcCount() - gcCountAtStart;
        }

        long gcTimeMillis() {
            return gcMillis() - gcMillisAtStart;
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                    .sum();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                    .sum();
        }

        @Override
        public void close() {
            running = false;
        }
    }

    /** CPU consumed between two snapshots: this JVM (per thread group), PostgreSQL's processes, the whole box. */
    static final class Cpu {
        final long wallNanos = System.nanoTime();
        final long processNanos;
        final Map<String, Long> byThreadGroup;
        final long postgresTicks;
        final long[] machine; // busy, total (jiffies)

        private Cpu(long postmasterPid) {
            var os = ManagementFactory.getOperatingSystemMXBean();
            processNanos = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
            byThreadGroup = threadGroups();
            postgresTicks = postgresTicks(postmasterPid);
            machine = machine();
        }

        static Cpu now(long postmasterPid) {
            return new Cpu(postmasterPid);
        }

        /** A report of what happened since {@code start}, as lines. */
        /** CPU seconds between two snapshots, split by who used them. */
        record Usage(
                double wall,
                double jvm,
                double postgres,
                double machineBusyCores,
                double service,
                double broker,
                double harness,
                double nonJava,
                Map<String, Long> byGroup) {

            double others() {
                return machineBusyCores - jvm / wall - (Double.isNaN(postgres) ? 0 : postgres / wall);
            }

            /** JVM threads of the service itself (not the in-process Kafka broker, not this harness, not JIT/GC). */
            List<String> lines(int topGroups) {
                List<String> lines = new ArrayList<>();
                lines.add(String.format(
                        "CPU over %.1f s: this JVM %.1f s (%.2f cores), PostgreSQL %.1f s (%.2f cores); machine busy"
                                + " %.2f of %d cores, other processes %.2f cores",
                        wall,
                        jvm,
                        jvm / wall,
                        postgres,
                        postgres / wall,
                        machineBusyCores,
                        Runtime.getRuntime().availableProcessors(),
                        others()));
                lines.add(String.format(
                        "  the JVM's CPU: service threads %.1f s, embedded Kafka broker %.1f s, benchmark harness %.1f"
                                + " s, JIT compiler + GC (non-Java threads) %.1f s",
                        service, broker, harness, nonJava));
                long all = byGroup.values().stream().mapToLong(Long::longValue).sum();
                lines.add("  JVM CPU by thread group (s, share of the JVM's Java-thread CPU):");
                byGroup.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(topGroups)
                        .forEach(e -> lines.add(String.format(
                                "    %-48s %7.2f  %5.1f %%  %s",
                                e.getKey(), e.getValue() / 1e9, 100.0 * e.getValue() / all, owner(e.getKey()))));
                return lines;
            }
        }

        static Usage since(Cpu start, Cpu end) {
            double wall = (end.wallNanos - start.wallNanos) / 1e9;
            double jvm = (end.processNanos - start.processNanos) / 1e9;
            long hz = 100; // USER_HZ on Linux
            double pg = start.postgresTicks < 0 || end.postgresTicks < 0
                    ? Double.NaN
                    : (end.postgresTicks - start.postgresTicks) / (double) hz;
            long busy = end.machine[0] - start.machine[0];
            long total = end.machine[1] - start.machine[1];
            int cores = Runtime.getRuntime().availableProcessors();
            double busyCores = total == 0 ? Double.NaN : cores * (double) busy / total;
            Map<String, Long> delta = new HashMap<>();
            end.byThreadGroup.forEach(
                    (group, nanos) -> delta.put(group, nanos - start.byThreadGroup.getOrDefault(group, 0L)));
            double service = 0;
            double broker = 0;
            double harness = 0;
            for (var e : delta.entrySet()) {
                double seconds = e.getValue() / 1e9;
                switch (owner(e.getKey())) {
                    case "service" -> service += seconds;
                    case "harness" -> harness += seconds;
                    default -> broker += seconds;
                }
            }
            return new Usage(
                    wall,
                    jvm,
                    pg,
                    busyCores,
                    service,
                    broker,
                    harness,
                    Math.max(0, jvm - service - broker - harness),
                    delta);
        }

        /** Who a thread group works for: this harness, the service, or (everything else) the Kafka broker. */
        static String owner(String group) {
            if (group.startsWith("bench-") || group.contains("crowdrecon-bench") || group.equals("main")) {
                return "harness";
            }
            if (group.startsWith("reactor-")
                    || group.startsWith("reactive-kafka")
                    || group.contains("crowdrecon")
                    || group.startsWith("parallel-")
                    || group.startsWith("boundedElastic-")
                    || group.startsWith("r2dbc")
                    || group.startsWith("HikariPool")
                    || group.startsWith("task-")
                    || group.startsWith("scheduling-")) {
                return "service";
            }
            return "broker";
        }

        private static Map<String, Long> threadGroups() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> groups = new HashMap<>();
            long[] ids = threads.getAllThreadIds();
            ThreadInfo[] infos = threads.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(ids[i]);
                if (cpu > 0) {
                    groups.merge(group(infos[i].getThreadName()), cpu, Long::sum);
                }
            }
            return groups;
        }

        /** Thread names without their numbers: "reactor-tcp-epoll-3" → "reactor-tcp-epoll-#". */
        private static String group(String name) {
            String g = name.replaceAll("\\d+", "#").replaceAll("#(-#)+", "#");
            return g.length() > 48 ? g.substring(0, 48) : g;
        }

        /** utime + stime of the postmaster and its live children, plus what its exited children used. */
        private static long postgresTicks(long postmasterPid) {
            if (postmasterPid <= 0) {
                return -1;
            }
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] stat = stat(proc);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    long ppid = Long.parseLong(stat[1]);
                    if (pid == postmasterPid) {
                        // utime stime cutime cstime
                        ticks += Long.parseLong(stat[11])
                                + Long.parseLong(stat[12])
                                + Long.parseLong(stat[13])
                                + Long.parseLong(stat[14]);
                    } else if (ppid == postmasterPid) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return ticks;
        }

        /** /proc/pid/stat fields after the command name: state is [0], ppid [1], utime [11], stime [12]. */
        private static String[] stat(Path proc) {
            try {
                String s = Files.readString(proc.resolve("stat"));
                return s.substring(s.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long[] machine() {
            try {
                String[] f =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }
    }

    /**
     * Samples pg_stat_activity: what the service's database sessions are doing (running, waiting on
     * the WAL flush, on a lock, or idle in a transaction while the JVM works), and which statements.
     */
    static final class ActivitySampler implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        private final Map<String, Long> states = new LinkedHashMap<>();
        private final Map<String, Long> statements = new HashMap<>();
        private final Map<Integer, Long> concurrency = new java.util.TreeMap<>();
        private boolean concurrencyFrozen;
        private long concurrencySamples;
        private long samples;

        ActivitySampler(Connection connection) {
            thread = new Thread(
                    () -> {
                        try (Statement st = connection.createStatement()) {
                            while (running) {
                                sample(st);
                                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                            }
                        } catch (SQLException e) {
                            System.out.println("activity sampler stopped: " + e);
                        }
                    },
                    "bench-activity-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample(Statement st) throws SQLException {
            try (ResultSet rs = st.executeQuery(
                    """
                    SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 60)
                      FROM pg_stat_activity
                     WHERE datname = 'crowdrecon' AND backend_type = 'client backend'
                       AND pid <> pg_backend_pid() AND application_name NOT LIKE 'crowdrecon-bench%'""")) {
                synchronized (this) {
                    samples++;
                    int ingest = 0;
                    while (rs.next()) {
                        String state = rs.getString(1);
                        if (state == null || state.equals("idle")) {
                            continue;
                        }
                        String query = rs.getString(4) == null ? "" : rs.getString(4);
                        if (!query.contains("relay_lease") && !query.startsWith("SELECT seq, event_id")) {
                            ingest++;
                        }
                        String wait = rs.getString(2) == null ? "CPU" : rs.getString(2) + ":" + rs.getString(3);
                        states.merge(state + " / " + wait, 1L, Long::sum);
                        if (state.equals("active")) {
                            statements.merge(rs.getString(4), 1L, Long::sum);
                        }
                    }
                    if (!concurrencyFrozen) {
                        concurrency.merge(ingest, 1L, Long::sum);
                        concurrencySamples++;
                    }
                }
            }
        }

        /** Ends the sampling of open ingest transactions (when every credit is decided; the relay goes on). */
        synchronized void freezeConcurrency() {
            concurrencyFrozen = true;
        }

        synchronized List<String> report(int top) {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(
                    "  PostgreSQL sessions of the service, average number in each state (%d samples):", samples));
            states.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(top)
                    .forEach(e -> lines.add(String.format(
                            "    %-52s %5.2f", e.getKey(), e.getValue() / (double) Math.max(1, samples))));
            StringBuilder open = new StringBuilder(
                    "  until every credit was decided, share of samples with k ingest transactions open (active or idle"
                            + " in transaction, relay excluded):");
            concurrency.forEach((k, count) ->
                    open.append(String.format(" %d: %.0f %%", k, 100.0 * count / Math.max(1, concurrencySamples))));
            lines.add(open.toString());
            lines.add("  statements seen running (share of active samples):");
            long all = statements.values().stream().mapToLong(Long::longValue).sum();
            statements.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(top)
                    .forEach(e -> lines.add(
                            String.format("    %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, all), e.getKey())));
            return lines;
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Per-table access counters (pg_stat_user_tables) at one moment: how the statements reached the rows. */
    static Map<String, long[]> tableStats(Connection connection) throws SQLException {
        Map<String, long[]> stats = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        """
                        SELECT relname, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0), coalesce(idx_scan, 0),
                               coalesce(idx_tup_fetch, 0), n_tup_ins, n_tup_upd, n_tup_hot_upd
                          FROM pg_stat_user_tables""")) {
            while (rs.next()) {
                long[] values = new long[7];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 2);
                }
                stats.put(rs.getString(1), values);
            }
        }
        return stats;
    }

    /** The tables the run touched, with their counter deltas (the statistics lag up to a second or so). */
    static List<String> tableStatsSince(Map<String, long[]> start, Map<String, long[]> end, int top) {
        List<String> lines = new ArrayList<>();
        lines.add("  table access during the run (pg_stat_user_tables deltas):");
        lines.add(String.format(
                "    %-24s %9s %13s %9s %11s %9s %9s %9s",
                "table", "seq_scan", "seq_tup_read", "idx_scan", "idx_fetch", "inserted", "updated", "hot_upd"));
        Map<String, long[]> delta = new HashMap<>();
        end.forEach((table, values) -> {
            long[] before = start.getOrDefault(table, new long[values.length]);
            long[] d = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                d[i] = values[i] - before[i];
            }
            delta.put(table, d);
        });
        delta.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(v -> v != 0))
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1] + e.getValue()[3])
                        .reversed())
                .limit(top)
                .forEach(e -> {
                    long[] d = e.getValue();
                    lines.add(String.format(
                            "    %-24s %9d %13d %9d %11d %9d %9d %9d",
                            e.getKey(), d[0], d[1], d[2], d[3], d[4], d[5], d[6]));
                });
        return lines;
    }

    /** The postmaster's pid, from its data directory; -1 when unknown. */
    static long postmasterPid(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
