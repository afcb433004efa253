package io.crowdrecon.recon.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test during which BlockHound reported a blocking call on a non-blocking thread, on any thread of the JVM. */
public class NoBlockingCallsExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(NoBlockingCallsExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("first", BlockingCallReports.count());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        int first = context.getStore(NAMESPACE).get("first", Integer.class);
        List<String> reports = BlockingCallReports.since(first);
        if (!reports.isEmpty()) {
            throw new AssertionError("BlockHound reported " + reports.size() + " blocking call(s) during this test:\n"
                    + String.join("\n\n", reports));
        }
    }
}
