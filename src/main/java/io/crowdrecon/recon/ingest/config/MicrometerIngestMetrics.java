package io.crowdrecon.recon.ingest.config;

import io.crowdrecon.recon.ingest.IngestMetrics;
import io.crowdrecon.recon.matching.Bookings;
import io.crowdrecon.recon.matching.Bookings.RecordedCreditRow;
import io.crowdrecon.recon.platform.kafka.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ingest in numbers: credits decided by outcome and reason, their amounts by currency, the
 * delay from the bank's receipt to the decision, batch processing time, dead letters.
 */
public class MicrometerIngestMetrics implements IngestMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    // Per topic, so that the stalled-consumer alert sees one consumer stall while the others progress.
    private final Map<String, Timer> batchDurations = new ConcurrentHashMap<>();
    private final Timer decisionDelay;
    private final Counter redeliveries;
    // Meters are looked up once per tag combination, not registered again for every credit.
    private final Map<String, Counter> decidedCounters = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> amountSummaries = new ConcurrentHashMap<>();

    public MicrometerIngestMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.decisionDelay = Timer.builder("recon.credits.decision.delay")
                .description("From the bank's receivedDatetime to the committed decision")
                .publishPercentileHistogram()
                // Buckets well above the 60 s alert threshold (Micrometer's default stops at 30 s).
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.redeliveries = Counter.builder("recon.credits.redelivered")
                .description("Credits received again after their decision (ignored)")
                .register(registry);
        // At 0 from the start, so that increase() sees the first dead letter (or batch) of every pod.
        for (String topic : Topics.INBOUND) {
            deadLetters(topic, true);
            deadLetters(topic, false);
            batchDuration(topic);
        }
    }

    @Override
    public void decided(Bookings bookings) {
        Instant now = clock.instant();
        for (RecordedCreditRow row : bookings.credits()) {
            String reason = row.reason() == null ? "none" : row.reason().name();
            String outcome = row.outcome().name();
            decidedCounters
                    .computeIfAbsent(outcome + "|" + reason + "|" + row.credit().channel(), key -> Counter.builder(
                                    "recon.credits.decided")
                            .description("Credits decided, by outcome and unidentified reason")
                            .tag("outcome", outcome)
                            .tag("reason", reason)
                            .tag("channel", row.credit().channel().name())
                            .register(registry))
                    .increment();
            String currency = row.credit().currency();
            amountSummaries
                    .computeIfAbsent(
                            outcome + "|" + currency, key -> DistributionSummary.builder("recon.credits.amount")
                                    .description("Amounts of decided credits, by outcome and currency")
                                    .baseUnit(currency)
                                    .tag("outcome", outcome)
                                    .tag("currency", currency)
                                    .register(registry))
                    .record(row.credit().amount().doubleValue());
            decisionDelay.record(
                    Duration.between(row.credit().receivedAt(), now).abs());
        }
        redeliveries.increment(bookings.ignoredRedeliveries());
    }

    @Override
    public void batchProcessed(String topic, int records, long nanos) {
        batchDuration(topic).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer batchDuration(String topic) {
        return batchDurations.computeIfAbsent(topic, t -> Timer.builder("recon.ingest.batch.duration")
                .description("Time to decide and commit one partition's batch of a poll")
                .tag("topic", t)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry));
    }

    @Override
    public void deadLettered(String topic, boolean mayBeCredit) {
        deadLetters(topic, mayBeCredit).increment();
    }

    private Counter deadLetters(String topic, boolean mayBeCredit) {
        return Counter.builder("recon.ingest.dead.letters")
                .description("Records sent to a DLQ")
                .tag("topic", topic)
                .tag("credit", Boolean.toString(mayBeCredit))
                .register(registry);
    }
}
