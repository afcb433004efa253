package io.crowdrecon.recon.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What another JVM (the service under measurement) and the machine do, from the outside: heap by {@code jstat}
 * (reads the JVM's perf-data memory, no cost to it), its GC log, {@code jcmd}, and CPU ticks from {@code /proc}.
 */
final class ProcessProbes {

    private ProcessProbes() {}

    static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    // ------------------------------------------------------------------ heap

    /** Runs {@code jstat -gc <pid> <interval>} and keeps the largest used and committed heap it printed. */
    static final class HeapSampler implements AutoCloseable {
        private final Process jstat;
        private final Thread reader;
        private final AtomicLong maxUsedKb = new AtomicLong();
        private final AtomicLong maxCommittedKb = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();

        HeapSampler(long pid, int intervalMillis) throws IOException {
            jstat = new ProcessBuilder(tool("jstat"), "-gc", Long.toString(pid), Integer.toString(intervalMillis))
                    .redirectErrorStream(true)
                    .start();
            reader = new Thread(this::read, "bench-jstat");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                String[] header = null;
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    String[] cells = l.trim().split("\\s+");
                    if (cells.length > 0 && cells[0].equals("S0C")) {
                        header = cells;
                        continue;
                    }
                    if (header == null || cells.length != header.length) {
                        continue;
                    }
                    double used = 0;
                    double committed = 0;
                    for (int i = 0; i < header.length; i++) {
                        switch (header[i]) {
                            case "S0U", "S1U", "EU", "OU" -> used += Double.parseDouble(cells[i]);
                            case "S0C", "S1C", "EC", "OC" -> committed += Double.parseDouble(cells[i]);
                            default -> {}
                        }
                    }
                    maxUsedKb.accumulateAndGet((long) used, Math::max);
                    maxCommittedKb.accumulateAndGet((long) committed, Math::max);
                    samples.incrementAndGet();
                }
            } catch (IOException | NumberFormatException e) {
                // The sampler ends with the process.
            }
        }

        long maxUsedMb() {
            return maxUsedKb.get() / 1024;
        }

        long maxCommittedMb() {
            return maxCommittedKb.get() / 1024;
        }

        long samples() {
            return samples.get();
        }

        @Override
        public void close() {
            jstat.destroy();
        }
    }

    /** A full GC in the JVM ({@code jcmd GC.run}), then the heap it still uses, in MB. */
    static long liveHeapMb(long pid) throws IOException, InterruptedException {
        run(tool("jcmd"), Long.toString(pid), "GC.run");
        String info = run(tool("jcmd"), Long.toString(pid), "GC.heap_info");
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(2)) / 1024 : -1;
    }

    /** {@code jcmd <pid> <command…>}: its output. */
    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(tool("jcmd"), Long.toString(pid)));
        line.addAll(List.of(command));
        return run(line.toArray(String[]::new));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** The pauses of a GC log written with {@code -Xlog:gc:file=…:time}. */
    record GcPause(Instant at, String kind, long beforeMb, long afterMb, long heapMb, double millis) {

        private static final Pattern LINE =
                Pattern.compile("^\\[([^\\]]+)\\].*GC\\(\\d+\\) (Pause .*?) (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

        static List<GcPause> read(Path log) throws IOException {
            List<GcPause> pauses = new ArrayList<>();
            if (!Files.exists(log)) {
                return pauses;
            }
            for (String l : Files.readAllLines(log)) {
                Matcher m = LINE.matcher(l);
                if (m.find()) {
                    pauses.add(new GcPause(
                            OffsetDateTime.parse(m.group(1), TIME).toInstant(),
                            m.group(2),
                            Long.parseLong(m.group(3)),
                            Long.parseLong(m.group(4)),
                            Long.parseLong(m.group(5)),
                            Double.parseDouble(m.group(6))));
                }
            }
            return pauses;
        }
    }

    /** A service log's WARN and ERROR lines: how many, and the five most frequent (digits as {@code #}). */
    static List<String> logWarnings(String log) {
        List<String> lines = log.lines().toList();
        List<String> problems = lines.stream()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .toList();
        List<String> report = new ArrayList<>();
        report.add(String.format("SERVICE LOG: %d lines, %d WARN/ERROR", lines.size(), problems.size()));
        problems.stream()
                .map(l -> l.replaceFirst("^\\S+\\s+", "").replaceAll("\\d+", "#"))
                .collect(Collectors.groupingBy(
                        l -> l.substring(0, Math.min(200, l.length())), LinkedHashMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .limit(5)
                .forEach(e -> report.add("  " + e.getValue() + " x " + e.getKey()));
        return report;
    }

    // ------------------------------------------------------------------ CPU

    /** CPU ticks of a process's threads, grouped by thread name (digits dropped), read from /proc. */
    static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> byGroup = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                byGroup.merge(group(name), ticks, Long::sum);
            }
        } catch (IOException e) {
            // The process is gone.
        }
        return byGroup;
    }

    static String group(String threadName) {
        String g = threadName.replaceAll("[0-9]+", "#").replaceAll("#(-#)*", "#");
        return g.isBlank() ? threadName : g;
    }

    /** utime + stime of a process and, with {@code children}, of its direct children (PostgreSQL backends). */
    static long processTicks(long pid, boolean children) {
        long total = ticksOf(Path.of("/proc", Long.toString(pid)));
        if (!children) {
            return total;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] f = statFields(proc);
                if (f != null && Long.parseLong(f[1]) == pid) {
                    total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        } catch (IOException e) {
            // Best effort.
        }
        return total;
    }

    private static long ticksOf(Path proc) {
        String[] f = statFields(proc);
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** /proc/pid/stat fields after the command name: state is [0], ppid [1], utime [11], stime [12]. */
    private static String[] statFields(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The whole machine: {busy, total} jiffies from /proc/stat. */
    static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }
}
