package io.crowdrecon.recon.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Counts, while it is open, the log events of some loggers that match a condition: e.g. the retries of the
 * service's own loops, each of which logs one warning per failed attempt.
 */
public final class LogCounter implements AutoCloseable {

    private final List<Logger> loggers;
    private final Counting appender;

    private LogCounter(List<Logger> loggers, Predicate<ILoggingEvent> wanted) {
        this.loggers = loggers;
        this.appender = new Counting(wanted);
        appender.start();
        loggers.forEach(logger -> logger.addAppender(appender));
    }

    /** Counts the events of the loggers of these classes that match {@code wanted}. */
    public static LogCounter of(Predicate<ILoggingEvent> wanted, Class<?>... classes) {
        List<Logger> loggers = java.util.Arrays.stream(classes)
                .map(type -> (Logger) LoggerFactory.getLogger(type))
                .toList();
        return new LogCounter(loggers, wanted);
    }

    public long count() {
        return appender.count.get();
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.detachAppender(appender));
        appender.stop();
    }

    private static final class Counting extends AppenderBase<ILoggingEvent> {

        private final Predicate<ILoggingEvent> wanted;
        private final AtomicLong count = new AtomicLong();

        Counting(Predicate<ILoggingEvent> wanted) {
            this.wanted = wanted;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (wanted.test(event)) {
                count.incrementAndGet();
            }
        }
    }
}
