package io.crowdrecon.recon.ops;

import io.crowdrecon.recon.shared.Amounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /ops/stats}: what an operator watches. Counts are since the start of the books;
 * amounts per currency. Broker-side figures are null when the broker does not answer.
 */
public record OpsStats(
        Instant checkedAt,
        Credits credits,
        Map<String, Map<String, BigDecimal>> amounts,
        Map<String, Long> unidentifiedByReason,
        Pending returnsPending,
        Pending refundsPending,
        Map<String, Long> instructionsByStatus,
        @Nullable Map<String, Long> deadLetters,
        Outbox outbox,
        @Nullable Map<String, Long> consumerLag,
        ReviewQueue openReviewItems,
        Map<String, Long> ordersByStatus,
        long portals) {

    /** Amounts keyed by currency, each in that currency's minor digits. */
    public OpsStats {
        amounts = amounts == null ? null : inMinorDigitsByCurrency(amounts);
    }

    private static Map<String, Map<String, BigDecimal>> inMinorDigitsByCurrency(
            Map<String, Map<String, BigDecimal>> byCurrency) {
        Map<String, Map<String, BigDecimal>> written = new TreeMap<>();
        byCurrency.forEach((currency, amounts) -> {
            Map<String, BigDecimal> inCurrency = new TreeMap<>();
            amounts.forEach((key, amount) -> inCurrency.put(key, Amounts.inMinorDigits(amount, currency)));
            written.put(currency, inCurrency);
        });
        return written;
    }

    /**
     * @param received decided + not decided + still in the consumer's lag
     * @param notDecided credits sent to the DLQ (each with an open or resolved DLQ_CREDIT item)
     */
    public record Credits(
            @Nullable Long received,
            long decided,
            long matched,
            long unidentified,
            long duplicates,
            long returnedInstructions,
            long notDecided) {}

    /** @param amounts by currency, each in that currency's minor digits */
    public record Pending(long count, Map<String, BigDecimal> amounts) {

        public Pending {
            if (amounts != null) {
                Map<String, BigDecimal> written = new TreeMap<>();
                amounts.forEach((currency, amount) -> written.put(currency, Amounts.inMinorDigits(amount, currency)));
                amounts = written;
            }
        }
    }

    public record Outbox(long backlog, double lagSeconds) {}

    public record ReviewQueue(long total, Map<String, Long> byKind) {}
}
