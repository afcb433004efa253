package io.crowdrecon.recon.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import reactor.blockhound.BlockingMethod;

/**
 * Every blocking call BlockHound reported in this JVM. The report is thrown on the thread that
 * made the call, where a library may swallow it or turn it into a dropped connection; kept here
 * too, it fails the test it happened in ({@link NoBlockingCallsExtension}) with its stack.
 */
public final class BlockingCallReports {

    private static final int FRAMES = 30;
    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();

    private BlockingCallReports() {}

    static void record(BlockingMethod method) {
        String stack = Arrays.stream(new Throwable().getStackTrace())
                .limit(FRAMES)
                .map(frame -> "\tat " + frame)
                .collect(Collectors.joining("\n"));
        REPORTS.add(method + " on " + Thread.currentThread().getName() + "\n" + stack);
    }

    public static int count() {
        return REPORTS.size();
    }

    public static List<String> since(int index) {
        return List.copyOf(REPORTS.subList(index, REPORTS.size()));
    }
}
