package io.crowdrecon.recon.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a JFR recording's CPU samples ({@code jdk.ExecutionSample}), for the performance notes: the
 * methods that were running (self), and the methods of a package that were on the stack (total). A program:
 *
 * <pre>
 * java -cp target-bench/test-classes io.crowdrecon.recon.benchmark.JfrTop bench.jfr [threadPrefix] [package] [n]
 * </pre>
 *
 * {@code threadPrefix} keeps the samples of threads whose name starts with it ({@code reactor-tcp} is the service's
 * R2DBC and Netty loops; {@code -} keeps all), {@code package} (default {@code io.crowdrecon}) chooses the methods of
 * the total list, {@code n} (default 25) how many of each to print.
 */
public final class JfrTop {

    private JfrTop() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String thread = args.length > 1 && !args[1].equals("-") ? args[1] : "";
        String prefix = args.length > 2 ? args[2] : "io.crowdrecon";
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String name = event.getThread("sampledThread") == null
                    ? "?"
                    : String.valueOf(event.getThread("sampledThread").getJavaName());
            threads.merge(name.replaceAll("\\d+", "#"), 1, Integer::sum);
            RecordedStackTrace stack = event.getStackTrace();
            if (!name.startsWith(thread) || stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(method(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String m = method(frame);
                if (m.startsWith(prefix) && seen.add(m)) {
                    total.merge(m, 1, Integer::sum);
                }
            }
        }
        System.out.printf(
                "%d samples of threads '%s*' (stacks are truncated at JFR's depth, 64 by default)%n", samples, thread);
        System.out.println("threads (all samples):");
        print(threads, n, threads.values().stream().mapToInt(Integer::intValue).sum());
        System.out.println("self (the running method):");
        print(self, n, samples);
        System.out.println("total (" + prefix + "* methods on the stack):");
        print(total, n, samples);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int n, int samples) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(n)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
